/**
 * The SMTP mailer against a real SMTP server on loopback: what arrives, and how each kind of refusal
 * comes back.
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExchangeId } from '@imi-kit/core'
import type { SmtpMailer, SmtpMailerOptions } from './smtp-mailer.js'
import { createSmtpMailer } from './smtp-mailer.js'
import { renderNotification } from './notification-messages.js'
import type { TestSmtpOptions, TestSmtpServer } from './testing/smtp-test-server.js'
import { startSmtpServer } from './testing/smtp-test-server.js'

const FROM = 'IMI <no-reply@imi.example.org>'
const open: Array<{ close(): unknown }> = []

afterEach(async () => {
  // Mailers first: a server waits for the connections still open before it closes.
  for (const o of open.splice(0).reverse()) await o.close()
})

const server = async (options?: TestSmtpOptions): Promise<TestSmtpServer> => {
  const s = await startSmtpServer(options)
  open.push(s)
  return s
}

const mailer = (port: number, options: Partial<SmtpMailerOptions> = {}): SmtpMailer => {
  const m = createSmtpMailer({ host: '127.0.0.1', port, from: FROM, connectionTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 5_000, ...options })
  open.push(m)
  return m
}

const incoming = (language: 'en' | 'fr' | 'de') =>
  renderNotification({ message: 'request.incoming', exchangeId: 'x-42' as ExchangeId, exchangeNumber: 'REQ-000042' }, { language, baseUrl: 'https://imi.example.org' })

describe('the SMTP mailer', () => {
  it('[MAIL-REQ-NO-CONTENT] delivers the standard message as sent: envelope, subject, text and HTML in the reader\'s language, link, header fields', async () => {
    const smtp = await server()
    const m = mailer(smtp.port)
    const content = incoming('fr')
    const r = await m.send({ to: 'camille.martin@ordre.example.fr', ...content, headers: { ...content.headers, 'Message-ID': '<imi.1.abc@imi.example.org>' } })
    expect(r).toEqual(E.right(undefined))
    expect(smtp.received).toHaveLength(1)
    const got = smtp.received[0]
    expect(got?.envelope).toEqual({ from: 'no-reply@imi.example.org', to: ['camille.martin@ordre.example.fr'] })
    expect(got?.subject).toBe("IMI : nouvelle demande REQ-000042 en attente d'acceptation")
    expect(got?.text).toContain("Une nouvelle demande d'informations, REQ-000042, a été adressée à votre autorité dans IMI")
    expect(got?.text).toContain('https://imi.example.org/exchanges/x-42')
    expect(got?.html).toContain('<a href="https://imi.example.org/exchanges/x-42">')
    expect(got?.headers.get('message-id')).toBe('<imi.1.abc@imi.example.org>')
    expect(got?.headers.get('content-language')).toBe('fr')
    expect(got?.headers.get('auto-submitted')).toBe('auto-generated')
    expect(got?.headers.get('x-imi-message')).toBe('request.incoming')
    expect(got?.headers.get('from')).toBe(FROM)
  })

  it('[I18N-WORKING-LANGUAGE] German and English readers receive the same message in their languages', async () => {
    const smtp = await server()
    const m = mailer(smtp.port, { pool: false })
    expect(E.isRight(await m.send({ to: 'lena.mueller@kammer.example.de', ...incoming('de') }))).toBe(true)
    expect(E.isRight(await m.send({ to: 'giulia.rossi@salute.example.it', ...incoming('en') }))).toBe(true)
    expect(smtp.received.map((r) => [r.envelope.to[0], r.subject])).toEqual([
      ['lena.mueller@kammer.example.de', 'IMI: neues Ersuchen REQ-000042 wartet auf Annahme'],
      ['giulia.rossi@salute.example.it', 'IMI: new request REQ-000042 awaiting acceptance'],
    ])
    expect(smtp.received[0]?.text).toContain('Bitte melden Sie sich bei IMI an')
  })

  it('a 4xx refusal is transient, a 5xx refusal permanent, each with its reply code', async () => {
    const smtp = await server({ refuse: (address) => (address.startsWith('full') ? { code: 452, message: 'Mailbox full, try later' } : address.startsWith('gone') ? { code: 550, message: 'No such user' } : undefined) })
    const m = mailer(smtp.port)
    const later = await m.send({ to: 'full@example.org', subject: 's', text: 't' })
    expect(later).toEqual(E.left(expect.objectContaining({ _tag: 'MailError', kind: 'transient', responseCode: 452 })))
    const never = await m.send({ to: 'gone@example.org', subject: 's', text: 't' })
    expect(never).toEqual(E.left(expect.objectContaining({ kind: 'permanent', responseCode: 550 })))
    expect(E.isLeft(never) ? never.left.message : '').toContain('No such user')
    expect(smtp.received).toHaveLength(0)
    // the connection is still good for the next message
    expect(E.isRight(await m.send({ to: 'ok@example.org', subject: 's', text: 't' }))).toBe(true)
    expect(smtp.received.map((r) => r.envelope.to)).toEqual([['ok@example.org']])
  })

  it('an unreachable server and refused credentials are transient: retrying after the fix succeeds', async () => {
    const closed = await startSmtpServer()
    const port = closed.port
    await closed.close()
    const unreachable = await mailer(port, { pool: false }).send({ to: 'a@example.org', subject: 's', text: 't' })
    expect(unreachable).toEqual(E.left(expect.objectContaining({ kind: 'transient', code: 'ESOCKET' })))
    expect(E.isLeft(unreachable) ? unreachable.left.message : '').toContain('ECONNREFUSED')

    const smtp = await server({ auth: { user: 'imi', pass: 'right' } })
    const wrong = await mailer(smtp.port, { pool: false, auth: { user: 'imi', pass: 'wrong' } }).send({ to: 'a@example.org', subject: 's', text: 't' })
    expect(wrong).toEqual(E.left(expect.objectContaining({ kind: 'transient', code: 'EAUTH', responseCode: 535 })))
    const right = mailer(smtp.port, { pool: false, auth: { user: 'imi', pass: 'right' } })
    expect(await right.verify()).toEqual(E.right(undefined))
    expect(E.isRight(await right.send({ to: 'a@example.org', subject: 's', text: 't' }))).toBe(true)
    expect(smtp.received).toHaveLength(1)
  })
})
