/**
 * The web components' browser bundle and its language packs, built with the package's own esbuild
 * call (`packages/web-components/scripts/bundle.mjs`), in memory: the portal serves what it built at
 * start, from the workspace sources, never a stale `dist/`.
 *
 * @module
 */
import { fileURLToPath } from 'node:url'

/** The script that builds the bundle. */
const BUNDLE_SCRIPT = new URL('../../../packages/web-components/scripts/bundle.mjs', import.meta.url)

/** The bundle of every `imi-` element (Lit and the English labels included) and the other languages' packs. */
export interface ElementsAssets {
  /** `imi-kit.bundle.js`, minified. */
  readonly code: Uint8Array
  /** `i18n/{language}.json` beside the bundle, by language (fr, de): fetched when a page switches to it. */
  readonly packs: Readonly<Record<string, Uint8Array>>
}

type BuildBrowserAssets = (options: { readonly write: false }) => Promise<ElementsAssets>

/** Builds the bundle of every `imi-` element and the language packs. */
export const buildElementsBundle = async (): Promise<ElementsAssets> => {
  // The script is plain JavaScript outside this package: imported by URL, its one export typed here.
  const script = (await import(BUNDLE_SCRIPT.href)) as { readonly buildBrowserAssets: BuildBrowserAssets }
  const assets = await script.buildBrowserAssets({ write: false })
  if (assets.code.byteLength === 0) throw new Error(`the web components bundle built by ${fileURLToPath(BUNDLE_SCRIPT)} is empty`)
  return assets
}
