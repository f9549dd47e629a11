import { describe, expect, it } from 'vitest'

// The build steps of the browser bundle (plain scripts of the package), imported by URL.
type EnglishOnly = {
  stripToEnglish(source: string, fileName: string): { code: string; stripped: Array<Record<string, string>> }
  languagePacks(languages: ReadonlyArray<string>, labels: Record<string, Record<string, string>>, texts: Map<string, Record<string, string>>): Record<string, { language: string; labels: Record<string, string>; texts: Record<string, string> }>
}
type MinifyTemplates = { minifyTemplates(source: string, fileName: string): string }
const { stripToEnglish, languagePacks } = (await import(new URL('../scripts/english-only.mjs', import.meta.url).href)) as EnglishOnly
const { minifyTemplates } = (await import(new URL('../scripts/minify-templates.mjs', import.meta.url).href)) as MinifyTemplates

describe('the English-only split of the bundle', () => {
  it('keeps the English of each pre-translated literal and reports the rest, leaving other code as written', () => {
    const source = `export const L = {
  'a.b': { en: 'Save', fr: 'Enregistrer', de: 'Speichern' },
  'a.c': { en: "It's", fr: 'C’est' },
}
const other = { en: 'x', size: 3 }
const computed = { en: 'Yes', fr: \`\${x}\` }`
    const { code, stripped } = stripToEnglish(source, 'labels.ts')
    expect(code).toContain(`'a.b': { en: 'Save' },`)
    expect(code).toContain(`'a.c': { en: "It's" },`)
    expect(code).toContain(`const other = { en: 'x', size: 3 }`)
    expect(code).toContain('const computed = { en: \'Yes\', fr: `${x}` }')
    expect(stripped).toEqual([
      { en: 'Save', fr: 'Enregistrer', de: 'Speichern' },
      { en: "It's", fr: 'C’est' },
    ])
  })

  it('writes one pack per language but English, labels by key and texts by English wording', () => {
    const packs = languagePacks(['en', 'fr', 'de'], { 'a.b': { en: 'Save', fr: 'Enregistrer', de: 'Speichern' }, 'a.c': { en: 'Only English' } }, new Map([['Yes', { en: 'Yes', fr: 'Oui' }]]))
    expect(packs).toEqual({
      fr: { language: 'fr', labels: { 'a.b': 'Enregistrer' }, texts: { Yes: 'Oui' } },
      de: { language: 'de', labels: { 'a.b': 'Speichern' }, texts: {} },
    })
  })
})

describe('the minified templates of the bundle', () => {
  it('collapses whitespace and drops comments in html`` and css``, and nothing else', () => {
    const source = `const a = html\`<div>
        <!-- a comment -->
        <b>\${x}</b>   <i>y</i>
      </div>\`
const s = css\`
  /* why */
  :host {
    display: block;
  }
  a :hover,
  b > c {
    width: calc(1em + 2px);
  }
\`
const t = \`keep    this\``
    const code = minifyTemplates(source, 'x.ts')
    expect(code).toContain('html`<div> <b>${x}</b> <i>y</i> </div>`')
    expect(code).toContain('css` :host{display:block}a :hover,b>c{width:calc(1em + 2px)}`')
    expect(code).toContain('`keep    this`')
  })

  it('leaves the content of <textarea> and <pre> as written, even around bound attributes', () => {
    const source = 'const a = html`<p>  x  </p><textarea id=${id}  rows="2">  kept\n  as is ${v}  </textarea>  <pre>\n  a\n</pre>`'
    expect(minifyTemplates(source, 'x.ts')).toBe('const a = html`<p> x </p><textarea id=${id} rows="2">  kept\n  as is ${v}  </textarea> <pre>\n  a\n</pre>`')
  })
})
