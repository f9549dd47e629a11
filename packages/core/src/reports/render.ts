/**
 * Renders a report as one self-contained, printable HTML document (SRCH-REPORT-SAVE-PRINT): no
 * script, no external resource, every value escaped, with print styles so that "Save as PDF" or a
 * printer gives a clean paper copy.
 *
 * @module
 */
import { localDate } from '../time/calendar.js'
import { REPORT_LABELS, isReportLanguage } from './labels.js'
import type { ReportDocument, ReportRow, ReportSection } from './model.js'

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * ```ts
 * import { escapeHtml } from '@imi-kit/core'
 * escapeHtml('<b>"Tom" & \'Jerry\'</b>') // '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;'
 * ```
 * @category reports
 */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'))

/** A language tag as an attribute may carry it; anything else is dropped. */
const langAttr = (language: string | undefined): string => (language !== undefined && /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(language) ? ` lang="${escapeHtml(language)}"` : '')

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 52rem; padding: 2rem 1.5rem; }
header { border-bottom: 3px solid #003399; margin-bottom: 1.5rem; padding-bottom: .75rem; }
header p { margin: .25rem 0 0; color: #444; }
h1 { font-size: 1.5rem; margin: 0; color: #003399; }
h2 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; color: #003399; border-bottom: 1px solid #c8d1e8; padding-bottom: .2rem; }
p { margin: .4rem 0; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e3e3e3; }
th { width: 34%; font-weight: 600; color: #333; }
td { white-space: pre-wrap; overflow-wrap: anywhere; }
.pd { border-left: 3px solid #b35900; }
.lang { color: #555; font-size: .85em; margin-left: .35em; }
.notice { background: #f3f6fc; border: 1px solid #c8d1e8; padding: .5rem .75rem; }
.signature { display: grid; grid-template-columns: 1fr; gap: 1.25rem; margin-top: 1rem; }
.signature div { border-bottom: 1px solid #1a1a1a; min-height: 2.75rem; padding-top: 1.9rem; font-size: .9em; color: #444; }
footer { margin-top: 2rem; border-top: 1px solid #c8d1e8; padding-top: .5rem; color: #555; font-size: .85em; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; }
  tr, .signature div { break-inside: avoid; }
  section.consent { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
`

const rowHtml = (r: ReportRow): string =>
  `<tr${r.personalData === true ? ' class="pd"' : ''}><th scope="row">${escapeHtml(r.label)}</th><td${langAttr(r.language)}>${escapeHtml(r.value)}${
    r.language === undefined ? '' : `<span class="lang" lang="en">[${escapeHtml(r.language)}]</span>`
  }</td></tr>`

const sectionHtml = (s: ReportSection): string =>
  [
    `<section class="${escapeHtml(s.id)}" aria-labelledby="s-${escapeHtml(s.id)}">`,
    `<h2 id="s-${escapeHtml(s.id)}">${escapeHtml(s.heading)}</h2>`,
    ...s.paragraphs.map((p, i) => `<p${s.id === 'general' && i === 0 ? ' class="notice"' : ''}>${escapeHtml(p)}</p>`),
    ...(s.rows.length === 0 ? [] : [`<table>${s.rows.map(rowHtml).join('')}</table>`]),
    ...(s.signatureLines === undefined ? [] : [`<div class="signature">${s.signatureLines.map((l) => `<div>${escapeHtml(l)}</div>`).join('')}</div>`]),
    '</section>',
  ].join('\n')

/**
 * The report as a complete HTML document: a pure string, safe to serve with a strict
 * Content-Security-Policy (`default-src 'none'; style-src 'unsafe-inline'`).
 *
 * @example
 * ```ts
 * import { renderReportHtml } from '@imi-kit/core'
 * // const html = renderReportHtml(report) // '<!DOCTYPE html>…'
 * ```
 * @category reports
 */
export const renderReportHtml = (report: ReportDocument): string => {
  const labels = REPORT_LABELS[isReportLanguage(report.language) ? report.language : 'en']
  return [
    '<!DOCTYPE html>',
    `<html${langAttr(report.language)}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(report.title)}</h1><p>${escapeHtml(labels.footer)}</p></header>`,
    '<main>',
    ...report.sections.map(sectionHtml),
    '</main>',
    `<footer>${escapeHtml(`${labels.footer} — ${report.number} — ${labels.fields.generatedAt} ${localDate(report.generatedAt)}`)}</footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
