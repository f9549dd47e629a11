/**
 * The one layout every standard e-mail shares: a greeting, paragraphs, an optional list of labelled
 * values, an optional link, and a footer, as plain text and as HTML.
 *
 * @module
 */
import type { MailMessage } from './mailer.js'
import type { MailLanguage, MailTranslations } from './languages.js'

/**
 * The parts of one e-mail, already in the reader's language.
 *
 * @category mail
 */
export interface MailParts {
  readonly language: MailLanguage
  readonly subject: string
  readonly paragraphs: ReadonlyArray<string>
  /** Labelled values shown as a list (a registration code, a summary). */
  readonly items?: ReadonlyArray<{ readonly label: string; readonly value: string }>
  /** Paragraphs after the list. */
  readonly after?: ReadonlyArray<string>
  readonly link?: { readonly label: string; readonly url: string }
  /** Further links, each on its own line (training material). */
  readonly links?: ReadonlyArray<{ readonly label: string; readonly url: string }>
  readonly footer: string
}

/**
 * An e-mail's content without its recipient: what the standard messages render to.
 *
 * @category mail
 */
export type MailContent = Omit<MailMessage, 'to'>

const GREETING: MailTranslations<string> = { en: 'Hello,', fr: 'Bonjour,', de: 'Guten Tag,' }

/**
 * Replaces each `{name}` of a template by its value. A placeholder without a value is left as it is,
 * so that a test finds it.
 *
 * @category mail
 */
export const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => values[name] ?? whole)

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

const paragraphHtml = (p: string) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`

/**
 * Lays the parts out as plain text and HTML, with the header fields of an automatic message: its
 * language, and `Auto-Submitted` so that mail systems send no automatic replies (RFC 3834).
 *
 * @category mail
 */
export const layOut = (parts: MailParts): MailContent => {
  const links = [...(parts.link === undefined ? [] : [parts.link]), ...(parts.links ?? [])]
  const text = [
    GREETING[parts.language],
    ...parts.paragraphs,
    ...(parts.items === undefined || parts.items.length === 0 ? [] : [parts.items.map((i) => `${i.label}: ${i.value}`).join('\n')]),
    ...(parts.after ?? []),
    ...links.map((l) => `${l.label}\n${l.url}`),
    `-- \n${parts.footer}`,
  ].join('\n\n')
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${parts.language}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    '<body>',
    paragraphHtml(GREETING[parts.language]),
    ...parts.paragraphs.map(paragraphHtml),
    ...(parts.items === undefined || parts.items.length === 0
      ? []
      : ['<ul>', ...parts.items.map((i) => `<li>${escapeHtml(i.label)}: <strong>${escapeHtml(i.value)}</strong></li>`), '</ul>']),
    ...(parts.after ?? []).map(paragraphHtml),
    ...links.map((l) => `<p>${escapeHtml(l.label)}<br><a href="${escapeHtml(l.url)}">${escapeHtml(l.url)}</a></p>`),
    `<hr><p><small>${escapeHtml(parts.footer)}</small></p>`,
    '</body>',
    '</html>',
  ].join('\n')
  return {
    subject: parts.subject,
    text: `${text}\n`,
    html,
    headers: { 'Content-Language': parts.language, 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  }
}
