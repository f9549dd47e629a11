// Builds the one browser bundle a plain HTML page loads: every element defined, Lit and the core's
// labels included, minified; prints its size and gzip size.
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))

/** Bundles the elements and returns the code. */
export const bundleElements = async ({ write = true } = {}) => {
  const result = await build({
    entryPoints: [here('../src/define.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    tsconfig: here('../tsconfig.json'),
    outfile: here('../dist/imi-kit.bundle.js'),
    write,
    logLevel: 'silent',
  })
  return write ? undefined : (result.outputFiles?.[0]?.contents ?? new Uint8Array())
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundleElements()
  const code = await bundleElements({ write: false })
  console.log(`web components bundle: ${(code.byteLength / 1024).toFixed(1)} kB, ${(gzipSync(code).byteLength / 1024).toFixed(1)} kB gzip`)
}
