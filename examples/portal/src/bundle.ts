/**
 * The web components' browser bundle, built with the package's own esbuild call
 * (`packages/web-components/scripts/bundle.mjs`), in memory: the portal serves what it built at
 * start, from the workspace sources, never a stale `dist/`.
 *
 * @module
 */
import { fileURLToPath } from 'node:url'

/** The script that builds the bundle. */
const BUNDLE_SCRIPT = new URL('../../../packages/web-components/scripts/bundle.mjs', import.meta.url)

type BundleElements = (options: { readonly write: false }) => Promise<Uint8Array>

/** Builds the bundle of every `imi-` element (Lit and the core's labels included), minified. */
export const buildElementsBundle = async (): Promise<Uint8Array> => {
  // The script is plain JavaScript outside this package: imported by URL, its one export typed here.
  const script = (await import(BUNDLE_SCRIPT.href)) as { readonly bundleElements: BundleElements }
  const code = await script.bundleElements({ write: false })
  if (code.byteLength === 0) throw new Error(`the web components bundle built by ${fileURLToPath(BUNDLE_SCRIPT)} is empty`)
  return code
}
