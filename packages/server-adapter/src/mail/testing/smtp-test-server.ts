/**
 * A real SMTP server on loopback for the `*.int.test.ts` suites: it accepts (or refuses, as told)
 * what a client sends, and keeps every message received, parsed into its envelope, header fields,
 * subject and decoded text and HTML parts. Not exported from the package.
 *
 * @module
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** One message as the server received it. */
export interface ReceivedMail {
  readonly envelope: { readonly from: string; readonly to: ReadonlyArray<string> }
  /** Header fields by lower-cased name, unfolded, encoded words decoded. */
  readonly headers: ReadonlyMap<string, string>
  readonly subject: string
  readonly text: string
  readonly html?: string
  readonly raw: string
}

/** A refusal of one recipient: the SMTP reply code and text. */
export interface Refusal {
  readonly code: number
  readonly message: string
}

/** The options of {@link startSmtpServer}. */
export interface TestSmtpOptions {
  /** Asked at each RCPT TO, with the number of times this address was offered so far (1 for the first). */
  readonly refuse?: (address: string, offered: number) => Refusal | undefined
  /** Require a login with these credentials. */
  readonly auth?: { readonly user: string; readonly pass: string }
}

/** A running test server. */
export interface TestSmtpServer {
  readonly port: number
  readonly received: ReadonlyArray<ReceivedMail>
  /** Every RCPT TO the server was offered, accepted or not, in order. */
  readonly offered: ReadonlyArray<string>
  close(): Promise<void>
}

// ---------------------------------------------------------------------------------------------
// a small MIME reader: enough for what nodemailer writes (encoded words, quoted-printable, base64,
// one level of multipart/alternative)

const decodeQuotedPrintable = (s: string): string => {
  const soft = s.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]
    const hex = soft.slice(i + 1, i + 3)
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else bytes.push(...Buffer.from(c ?? '', 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

const decodeWords = (value: string): string =>
  value
    // whitespace between two encoded words is not part of the text (RFC 2047 §6.2)
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_whole, _charset: string, encoding: string, data: string) =>
      encoding.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )

const parseHeaders = (head: string): Map<string, string> => {
  const headers = new Map<string, string>()
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()))
  }
  return headers
}

const splitHead = (raw: string): { head: string; body: string } => {
  const at = raw.search(/\r?\n\r?\n/)
  if (at < 0) return { head: raw, body: '' }
  const gap = raw.slice(at).match(/^\r?\n\r?\n/)?.[0].length ?? 2
  return { head: raw.slice(0, at), body: raw.slice(at + gap) }
}

const decodeBody = (body: string, encoding: string | undefined): string => {
  const e = (encoding ?? '7bit').toLowerCase()
  if (e === 'quoted-printable') return decodeQuotedPrintable(body)
  if (e === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  return body
}

/** Parses a message as nodemailer writes it. */
export const parseMail = (raw: string, envelope: ReceivedMail['envelope']): ReceivedMail => {
  const { head, body } = splitHead(raw)
  const headers = parseHeaders(head)
  const type = headers.get('content-type') ?? 'text/plain'
  const parts: Array<{ type: string; content: string }> = []
  const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1]
  if (type.toLowerCase().startsWith('multipart/') && boundary !== undefined) {
    for (const chunk of body.split(`--${boundary}`).slice(1)) {
      if (chunk.startsWith('--')) break
      const part = splitHead(chunk.replace(/^\r?\n/, ''))
      const h = parseHeaders(part.head)
      parts.push({ type: (h.get('content-type') ?? 'text/plain').toLowerCase(), content: decodeBody(part.body.replace(/\r?\n$/, ''), h.get('content-transfer-encoding')) })
    }
  } else parts.push({ type: type.toLowerCase(), content: decodeBody(body, headers.get('content-transfer-encoding')) })
  const text = parts.find((p) => p.type.startsWith('text/plain'))?.content ?? ''
  const html = parts.find((p) => p.type.startsWith('text/html'))?.content
  return { envelope, headers, subject: headers.get('subject') ?? '', text: text.replace(/\r\n/g, '\n'), ...(html === undefined ? {} : { html: html.replace(/\r\n/g, '\n') }), raw }
}

// ---------------------------------------------------------------------------------------------
// the server

/** Starts an SMTP server on 127.0.0.1, on a free port. */
export const startSmtpServer = async (options: TestSmtpOptions = {}): Promise<TestSmtpServer> => {
  const received: ReceivedMail[] = []
  const offered: string[] = []
  const counts = new Map<string, number>()
  const server = new SMTPServer({
    // Plain SMTP on loopback: no STARTTLS, so no certificate is involved.
    disabledCommands: options.auth === undefined ? ['STARTTLS', 'AUTH'] : ['STARTTLS'],
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (options.auth !== undefined && auth.username === options.auth.user && auth.password === options.auth.pass) callback(null, { user: auth.username })
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo: (address, _session, callback) => {
      offered.push(address.address)
      const n = (counts.get(address.address) ?? 0) + 1
      counts.set(address.address, n)
      const refusal = options.refuse?.(address.address, n)
      if (refusal === undefined) callback()
      else callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), { from, to: session.envelope.rcptTo.map((r) => r.address) }))
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    received,
    offered,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
