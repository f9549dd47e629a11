/**
 * The size of the web components' browser bundle (every element, Lit and the English labels
 * included), minified and gzipped, against the goal of 40 kB gzip for the whole set; and the size of
 * each language pack the bundle fetches when a page switches to that language.
 */
import { gzipSync } from 'node:zlib'
// @ts-expect-error -- a plain ESM script without type declarations
import { buildBrowserAssets } from '../packages/web-components/scripts/bundle.mjs'

/** The goal for the gzipped bundle, in kB. */
export const BUNDLE_GOAL_KB = 40

type Assets = { readonly code: Uint8Array; readonly packs: Readonly<Record<string, Uint8Array>> }

/** Builds the bundle and its packs in memory and logs their sizes. */
export const runBundleSize = async (
  log: (line: string) => void,
): Promise<{ readonly bytes: number; readonly gzip: number; readonly packs: Readonly<Record<string, { readonly bytes: number; readonly gzip: number }>> }> => {
  const { code, packs } = (await buildBrowserAssets({ write: false })) as Assets
  const gzip = gzipSync(code).byteLength
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  log('web components browser bundle (every element, Lit and the English labels included, minified)')
  log(`  size                       ${kB(code.byteLength)}`)
  log(`  gzip                       ${kB(gzip)} (goal ≤ ${BUNDLE_GOAL_KB} kB: ${gzip / 1024 <= BUNDLE_GOAL_KB ? 'met' : 'missed'})`)
  const sizes = Object.fromEntries(Object.entries(packs).map(([language, json]) => [language, { bytes: json.byteLength, gzip: gzipSync(json).byteLength }]))
  for (const [language, s] of Object.entries(sizes)) log(`  language pack i18n/${language}.json  ${kB(s.bytes)}, ${kB(s.gzip)} gzip (fetched on a switch to ${language})`)
  return { bytes: code.byteLength, gzip, packs: sizes }
}
