// Builds the one browser bundle a plain HTML page loads: every element defined, Lit and the core's
// labels included, minified; prints its size and gzip size, and warns when the codecs (io-ts) are in it.
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))

// The sources import fp-ts as `fp-ts/lib/<Module>.js` (CommonJS, which a bundler cannot tree-shake: the
// elements' `E.isLeft` alone brought in ~29 kB). fp-ts ships the same modules as ES modules under
// `fp-ts/es6/`, which io-ts already uses; resolving every `fp-ts/lib/` import there keeps one copy of
// fp-ts in the bundle and lets esbuild drop what no element calls.
const fpTsAsEsModules = {
  name: 'fp-ts-es6',
  setup(b) {
    b.onResolve({ filter: /^fp-ts\/lib\// }, (args) =>
      b.resolve(args.path.replace(/^fp-ts\/lib\//, 'fp-ts/es6/'), { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer }),
    )
  },
}

/** Bundles the elements and returns the code; with `metafile`, esbuild's account of the inputs too. */
export const bundleElements = async ({ write = true, metafile = false } = {}) => {
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
    metafile,
    logLevel: 'silent',
    plugins: [fpTsAsEsModules],
  })
  if (write) return undefined
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array()
  return metafile ? { code, metafile: result.metafile } : code
}

// No element decodes anything, so io-ts has no place in the bundle: when it is there, a core module the
// elements import for a constant builds a codec at its top level without a `/* @__PURE__ */` mark.
const codecImporters = (metafile, bundled) =>
  Object.entries(metafile.inputs)
    .filter(([path, input]) => (bundled[path]?.bytesInOutput ?? 0) > 0 && !path.includes('node_modules') && input.imports.some((i) => /\/io-ts\//.test(i.path)))
    .map(([path]) => path)

if (import.meta.url === `file://${process.argv[1]}`) {
  await bundleElements()
  const { code, metafile } = await bundleElements({ write: false, metafile: true })
  console.log(`web components bundle: ${(code.byteLength / 1024).toFixed(1)} kB, ${(gzipSync(code).byteLength / 1024).toFixed(1)} kB gzip`)
  const bundled = Object.values(metafile.outputs)[0]?.inputs ?? {}
  const ioTs = Object.entries(bundled)
    .filter(([path]) => /\/io-ts\//.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0)
  if (ioTs > 0) console.warn(`warning: io-ts is in the bundle (${(ioTs / 1024).toFixed(1)} kB); modules importing it: ${codecImporters(metafile, bundled).join(', ')}`)
}
