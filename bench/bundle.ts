/**
 * The size of the web components' browser bundle (every element, Lit included), minified and
 * gzipped, against the goal of 40 kB gzip for the whole set.
 */
import { gzipSync } from 'node:zlib'
// @ts-expect-error -- a plain ESM script without type declarations
import { bundleElements } from '../packages/web-components/scripts/bundle.mjs'

/** The goal for the gzipped bundle, in kB. */
export const BUNDLE_GOAL_KB = 40

/** Builds the bundle in memory and logs its sizes. */
export const runBundleSize = async (log: (line: string) => void): Promise<{ readonly bytes: number; readonly gzip: number }> => {
  const code = (await bundleElements({ write: false })) as Uint8Array
  const gzip = gzipSync(code).byteLength
  log('web components browser bundle (every element, Lit included, minified)')
  log(`  size                       ${(code.byteLength / 1024).toFixed(1)} kB`)
  log(`  gzip                       ${(gzip / 1024).toFixed(1)} kB (goal ≤ ${BUNDLE_GOAL_KB} kB: ${gzip / 1024 <= BUNDLE_GOAL_KB ? 'met' : 'missed'})`)
  return { bytes: code.byteLength, gzip }
}
