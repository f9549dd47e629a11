// Builds the one browser bundle a plain HTML page loads: every element defined, Lit and the core's
// English labels included, minified; and next to it one language pack per other complete language
// (dist/i18n/fr.json, dist/i18n/de.json), which the elements fetch when a page switches to that
// language. Prints the sizes, and warns when the codecs (io-ts) are in the bundle.
import { mkdir, writeFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { englishOnly, evaluateCatalogue, languagePacks } from './english-only.mjs'
import { minifiedTemplates } from './minify-templates.mjs'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))

/** Where the language packs go, relative to the bundle: the elements look for them there. */
export const PACKS_DIRECTORY = 'i18n/'

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

/**
 * Bundles the elements (English only, templates minified) and builds the language packs from the same
 * sources. Returns the bundle's code, each pack as JSON bytes by language, and with `metafile`
 * esbuild's account of the inputs; with `write`, also writes them into dist/.
 */
export const buildBrowserAssets = async ({ write = true, metafile = false } = {}) => {
  const texts = new Map()
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
    write: false,
    metafile,
    logLevel: 'silent',
    plugins: [fpTsAsEsModules, englishOnly(texts), minifiedTemplates],
  })
  const code = result.outputFiles?.[0]?.contents ?? new Uint8Array()
  const { UI_LABELS, COMPLETE_UI_LANGUAGES } = await evaluateCatalogue()
  const packs = Object.fromEntries(
    Object.entries(languagePacks(COMPLETE_UI_LANGUAGES, UI_LABELS, texts)).map(([language, pack]) => [language, new TextEncoder().encode(JSON.stringify(pack))]),
  )
  if (write) {
    await mkdir(here(`../dist/${PACKS_DIRECTORY}`), { recursive: true })
    await writeFile(here('../dist/imi-kit.bundle.js'), code)
    for (const [language, json] of Object.entries(packs)) await writeFile(here(`../dist/${PACKS_DIRECTORY}${language}.json`), json)
  }
  return { code, packs, metafile: result.metafile }
}

// No element decodes anything, so io-ts has no place in the bundle: when it is there, a core module the
// elements import for a constant builds a codec at its top level without a `/* @__PURE__ */` mark.
const codecImporters = (metafile, bundled) =>
  Object.entries(metafile.inputs)
    .filter(([path, input]) => (bundled[path]?.bytesInOutput ?? 0) > 0 && !path.includes('node_modules') && input.imports.some((i) => /\/io-ts\//.test(i.path)))
    .map(([path]) => path)

const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, packs, metafile } = await buildBrowserAssets({ write: true, metafile: true })
  console.log(`web components bundle: ${kB(code.byteLength)}, ${kB(gzipSync(code).byteLength)} gzip`)
  for (const [language, json] of Object.entries(packs)) console.log(`language pack ${PACKS_DIRECTORY}${language}.json: ${kB(json.byteLength)}, ${kB(gzipSync(json).byteLength)} gzip`)
  const bundled = Object.values(metafile.outputs)[0]?.inputs ?? {}
  const ioTs = Object.entries(bundled)
    .filter(([path]) => /\/io-ts\//.test(path))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0)
  if (ioTs > 0) console.warn(`warning: io-ts is in the bundle (${kB(ioTs)}); modules importing it: ${codecImporters(metafile, bundled).join(', ')}`)
}
