// The build-time split of the core's pre-translated texts: the browser bundle carries English only,
// and each other complete language becomes a pack file the elements load when a page asks for it.
// The sources keep every language side by side ({ en, fr, de } on each key), so translators see them
// together and npm consumers of @imi-kit/core keep every language; only the bundle is split.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import ts from 'typescript'

const here = (p) => fileURLToPath(new URL(p, import.meta.url))

/** The core's sources, whose translated literals the bundle strips. */
export const CORE_SOURCES = here('../../core/src/')

/** The catalogue sections: their labels reach the packs by key (from the evaluated catalogue). */
const CATALOGUE_SECTIONS = here('../../core/src/i18n/ui/')

// ISO 639-1 codes of the core's LANGUAGES (i18n/languages.ts), read from the source itself below so
// that the two lists cannot drift.
const languagesOf = (source) => {
  const list = /export const LANGUAGES = \[([^\]]*)\]/.exec(source)?.[1]
  if (list === undefined) throw new Error('english-only: LANGUAGES not found in packages/core/src/i18n/languages.ts')
  return new Set([...list.matchAll(/'([a-z]{2})'/g)].map((m) => m[1]))
}
const LANGUAGE_CODES = languagesOf(await readFile(here('../../core/src/i18n/languages.ts'), 'utf8'))

const propertyName = (p) => (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined)
const isText = (e) => ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)

/**
 * A `LocalizedText` literal: an object literal whose properties are all language codes with literal
 * texts, English among them and at least one other language. Returns its texts by language.
 */
const localizedText = (node) => {
  if (!ts.isObjectLiteralExpression(node) || node.properties.length < 2) return undefined
  const texts = {}
  for (const p of node.properties) {
    if (!ts.isPropertyAssignment(p)) return undefined
    const name = propertyName(p)
    if (name === undefined || !LANGUAGE_CODES.has(name) || !isText(p.initializer)) return undefined
    texts[name] = p.initializer.text
  }
  return texts.en === undefined ? undefined : texts
}

/**
 * Rewrites a core module so that every `LocalizedText` literal keeps its English text only, and
 * reports the texts it removed. Anything else in the module is left exactly as written.
 *
 * @param {string} source TypeScript source
 * @param {string} fileName for the parser's positions
 * @returns {{ code: string, stripped: Array<Record<string, string>> }}
 */
export const stripToEnglish = (source, fileName) => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits = []
  const stripped = []
  const visit = (node) => {
    const texts = localizedText(node)
    if (texts !== undefined) {
      const english = node.properties.find((p) => propertyName(p) === 'en')
      edits.push([node.getStart(file), node.getEnd(), `{ en: ${english.initializer.getText(file)} }`])
      stripped.push(texts)
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  let code = source
  for (const [start, end, text] of edits.reverse()) code = code.slice(0, start) + text + code.slice(end)
  return { code, stripped }
}

/**
 * The esbuild plugin that loads the core's modules English-only. The texts it removes from modules
 * outside the label catalogue (question sets, legislative areas, alert criteria, …) are added to
 * `texts` (English text → translations), for the packs.
 *
 * @param {Map<string, Record<string, string>>} texts
 */
export const englishOnly = (texts) => ({
  name: 'imi-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]core[\\/]src[\\/].*\.ts$/ }, async (args) => {
      if (/\.test\.ts$/.test(args.path)) return undefined
      const source = await readFile(args.path, 'utf8')
      const { code, stripped } = stripToEnglish(source, args.path)
      if (stripped.length === 0) return undefined
      if (!args.path.startsWith(CATALOGUE_SECTIONS)) for (const t of stripped) addText(texts, t, args.path)
      return { contents: code, loader: 'ts' }
    })
  },
})

// The data texts are found again in the browser by their English wording, as gettext finds a msgid:
// one English wording must therefore have one translation per language, or the build stops.
const addText = (texts, t, path) => {
  const known = texts.get(t.en)
  if (known !== undefined)
    for (const [language, text] of Object.entries(t))
      if (known[language] !== undefined && known[language] !== text)
        throw new Error(`english-only: "${t.en}" is translated into ${language} both as "${known[language]}" and as "${text}" (${path}); give one translation, or reword the English`)
  texts.set(t.en, { ...known, ...t })
}

/**
 * The catalogue module, bundled for Node from the sources as they are now (entries other people add
 * included) and evaluated: every label with all its languages, and the languages it is complete in.
 *
 * @returns {Promise<{ UI_LABELS: Record<string, Record<string, string>>, COMPLETE_UI_LANGUAGES: ReadonlyArray<string> }>}
 */
export const evaluateCatalogue = async () => {
  const result = await build({
    entryPoints: [here('../../core/src/i18n/ui/catalogue.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text ?? ''
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
}

/**
 * The language packs: for each language but English, its labels by key and its data texts by English
 * wording, as the core's `registerUiLanguage` takes them. Keys are sorted so that a pack changes only
 * where a translation does.
 *
 * @param {ReadonlyArray<string>} languages
 * @param {Record<string, Record<string, string>>} labels
 * @param {Map<string, Record<string, string>>} texts
 * @returns {Record<string, { language: string, labels: Record<string, string>, texts: Record<string, string> }>}
 */
export const languagePacks = (languages, labels, texts) => {
  const pick = (entries, language) =>
    Object.fromEntries(entries.filter(([, t]) => typeof t[language] === 'string' && t[language] !== '').map(([k, t]) => [k, t[language]]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return Object.fromEntries(
    languages
      .filter((l) => l !== 'en')
      .map((language) => [language, { language, labels: pick(Object.entries(labels), language), texts: pick([...texts.entries()], language) }]),
  )
}
