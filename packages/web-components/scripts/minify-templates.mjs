// Minifies the static text of the elements' Lit templates (html`` and css``) at bundle time: esbuild
// minifies the code around them but keeps a template literal's text as written, indentation and all.
// Only whitespace and comments change, and only where a browser would not see the difference.
import { readFile } from 'node:fs/promises'
import ts from 'typescript'

// The pieces of a template literal, each with where its own text starts and ends in the source
// (inside the back-ticks, `}` and `${`).
const pieces = (template, file) => {
  const span = (node, before, after) => ({ start: node.getStart(file) + before, end: node.getEnd() - after })
  if (ts.isNoSubstitutionTemplateLiteral(template)) return [span(template, 1, 1)]
  return [span(template.head, 1, 2), ...template.templateSpans.map((s) => span(s.literal, 1, ts.isTemplateTail(s.literal) ? 1 : 2))]
}

// A backslash before a line break continues the line: such a piece is left as written.
const hasLineContinuation = (text) => /\\\s/.test(text)

/**
 * The static text of an html`` template, whitespace collapsed. A run of whitespace renders as one
 * space in normal flow, so it becomes one space (never nothing: between inline elements a space is
 * visible). Inside <textarea> and <pre>, where every character counts, nothing changes; authored
 * comments go. `state.raw` carries "inside <textarea>/<pre>" from one piece to the next.
 */
const minifyHtmlPiece = (text, state) => {
  let out = ''
  let rest = text
  while (rest.length > 0) {
    if (state.raw !== undefined) {
      const close = rest.search(new RegExp(`</${state.raw}\\s*>`, 'i'))
      if (close < 0) return out + rest
      out += rest.slice(0, close)
      rest = rest.slice(close)
      state.raw = undefined
      continue
    }
    const open = /<(textarea|pre)\b[^>]*>/i.exec(rest)
    // An opening tag whose `>` is in a later piece (an attribute bound in between) opens the raw part there.
    const pending = open === null ? /<(textarea|pre)\b[^>]*$/i.exec(rest) : null
    const cut = open !== null ? open.index + open[0].length : rest.length
    out += collapseHtml(rest.slice(0, cut))
    if (open !== null) state.raw = open[1]
    else if (pending !== null) state.pendingRaw = pending[1]
    rest = rest.slice(cut)
  }
  return out
}

const collapseHtml = (text) => text.replace(/<!--(?!\?lit)[\s\S]*?-->/g, '').replace(/\s+/g, ' ')

/**
 * The static text of a css`` template: comments dropped, whitespace collapsed, and the spaces around
 * `{ } ; , >` and after `:` removed. Spaces before `:` stay (`a :hover` is not `a:hover`), and so do
 * those around `+`, `-` and `(` (`calc(a + b)`, `and (…)`).
 */
const minifyCssPiece = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')

/**
 * Rewrites a module's html`` and css`` templates minified.
 *
 * @param {string} source TypeScript source
 * @param {string} fileName for the parser's positions
 * @returns {string}
 */
export const minifyTemplates = (source, fileName) => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits = []
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'css')) {
      const parts = pieces(node.template, file)
      const texts = parts.map(({ start, end }) => source.slice(start, end))
      // A comment or a tag cut by an expression is left alone rather than guessed at.
      const css = node.tag.text === 'css'
      if (!texts.some(hasLineContinuation) && !(css && texts.some((t) => /\/\*(?![\s\S]*\*\/)/.test(t)))) {
        const state = { raw: undefined, pendingRaw: undefined }
        parts.forEach(({ start, end }, i) => {
          let text = texts[i]
          if (!css && state.pendingRaw !== undefined) {
            // The rest of an opening <textarea …> / <pre …> tag: up to its `>`, then raw.
            const gt = text.indexOf('>')
            if (gt >= 0) {
              const tagEnd = collapseHtml(text.slice(0, gt + 1))
              state.raw = state.pendingRaw
              state.pendingRaw = undefined
              text = tagEnd + minifyHtmlPiece(text.slice(gt + 1), state)
              edits.push([start, end, text])
              return
            }
            edits.push([start, end, collapseHtml(text)])
            return
          }
          edits.push([start, end, css ? minifyCssPiece(text) : minifyHtmlPiece(text, state)])
        })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  let code = source
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) code = code.slice(0, start) + text + code.slice(end)
  return code
}

/** The esbuild plugin that loads the elements' modules with their templates minified. */
export const minifiedTemplates = {
  name: 'imi-minify-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]packages[\\/]web-components[\\/]src[\\/].*\.ts$/ }, async (args) => {
      if (/\.test\.ts$/.test(args.path)) return undefined
      const source = await readFile(args.path, 'utf8')
      return { contents: minifyTemplates(source, args.path), loader: 'ts' }
    })
  },
}
