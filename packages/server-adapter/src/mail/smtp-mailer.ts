/**
 * The {@link Mailer} over SMTP, through nodemailer: a pool of connections to one relay, every
 * failure turned into a {@link MailError} that says whether retrying can help.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Either } from 'fp-ts/lib/Either.js'
import { createTransport } from 'nodemailer'
import type { Mailer, MailError, MailMessage } from './mailer.js'
import { mailError } from './mailer.js'

/**
 * The options of {@link createSmtpMailer}.
 *
 * @category mail
 */
export interface SmtpMailerOptions {
  readonly host: string
  readonly port: number
  /** TLS from the first byte (port 465). Default: `true` on port 465, else `false` (STARTTLS when offered). */
  readonly secure?: boolean
  /** Refuse to send unless the connection is upgraded with STARTTLS. Default `false`. */
  readonly requireTLS?: boolean
  /** Credentials, when the relay asks for them. */
  readonly auth?: { readonly user: string; readonly pass: string }
  /** The sender, e.g. `IMI <no-reply@imi.example.org>`. */
  readonly from: string
  /** Where replies go, if not to `from`. */
  readonly replyTo?: string
  /** The name given in EHLO. Default: the machine's host name. */
  readonly name?: string
  /** Keep up to `maxConnections` connections open and reuse them. Default `true`. */
  readonly pool?: boolean
  /** Connections of the pool. Default 5. */
  readonly maxConnections?: number
  /** Milliseconds to wait for the connection, the greeting and each reply. Defaults 10,000, 10,000 and 30,000. */
  readonly connectionTimeoutMs?: number
  readonly greetingTimeoutMs?: number
  readonly socketTimeoutMs?: number
  /** Accept a certificate that does not verify (a relay with a self-signed certificate). Default `false`. */
  readonly allowUnverifiedCertificate?: boolean
}

/**
 * A {@link Mailer} over SMTP.
 *
 * @category mail
 */
export interface SmtpMailer extends Mailer {
  /** Connects and, where configured, authenticates, without sending anything. */
  verify(): Promise<Either<MailError, void>>
  /** Closes the pooled connections. */
  close(): void
}

/** The fields nodemailer sets on the errors it hands back. */
interface TransportError {
  readonly message?: unknown
  readonly code?: unknown
  readonly responseCode?: unknown
  readonly permanent?: unknown
}

// Only a refusal of the envelope or of the message itself is the message's fault. A refused login
// (535) is a 5xx too, but it is the configuration's: once fixed, the same message goes through.
const MESSAGE_LEVEL = new Set(['EENVELOPE', 'EMESSAGE'])

/**
 * Turns what nodemailer threw into a {@link MailError}: `permanent` for a 5xx reply (except 503) to
 * the envelope or the data, `transient` for everything else.
 *
 * @category mail
 */
export const smtpMailError = (error: unknown): MailError => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as TransportError
  const code = typeof e.code === 'string' ? e.code : undefined
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : undefined
  const permanentReply = e.permanent === true || (responseCode !== undefined && responseCode >= 500 && responseCode !== 503)
  const kind = permanentReply && (code === undefined || MESSAGE_LEVEL.has(code)) ? 'permanent' : 'transient'
  const message = typeof e.message === 'string' && e.message.length > 0 ? e.message : String(error)
  return mailError(kind, message, { ...(code === undefined ? {} : { code }), ...(responseCode === undefined ? {} : { responseCode }) })
}

/**
 * Creates a {@link Mailer} that sends through an SMTP relay.
 *
 * @example
 * ```ts
 * import { createSmtpMailer } from '@imi-kit/server-adapter'
 * const mailer = createSmtpMailer({ host: 'smtp.example.org', port: 587, auth: { user: 'imi', pass: 'secret' }, from: 'IMI <no-reply@imi.example.org>' })
 * await mailer.send({ to: 'user@example.org', subject: 'Test', text: 'Test' })
 * mailer.close()
 * ```
 * @category mail
 */
export const createSmtpMailer = (options: SmtpMailerOptions): SmtpMailer => {
  const connection = {
    host: options.host,
    port: options.port,
    secure: options.secure ?? options.port === 465,
    requireTLS: options.requireTLS ?? false,
    ...(options.auth === undefined ? {} : { auth: { user: options.auth.user, pass: options.auth.pass } }),
    ...(options.name === undefined ? {} : { name: options.name }),
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    ...(options.allowUnverifiedCertificate === true ? { tls: { rejectUnauthorized: false } } : {}),
  }
  const transport =
    options.pool === false
      ? createTransport(connection)
      : createTransport({ ...connection, pool: true, maxConnections: options.maxConnections ?? 5 })

  const send = async (message: MailMessage): Promise<Either<MailError, void>> => {
    // nodemailer takes the Message-ID as an option of its own and would otherwise generate one.
    const { 'Message-ID': messageId, ...headers } = message.headers ?? {}
    try {
      await transport.sendMail({
        from: options.from,
        ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html === undefined ? {} : { html: message.html }),
        ...(messageId === undefined ? {} : { messageId }),
        headers,
      })
      return E.right(undefined)
    } catch (error) {
      return E.left(smtpMailError(error))
    }
  }

  return {
    send,
    verify: async () => {
      try {
        await transport.verify()
        return E.right(undefined)
      } catch (error) {
        return E.left(smtpMailError(error))
      }
    },
    close: () => transport.close(),
  }
}
