/**
 * The `Mailer` port: how the server adapter hands one finished e-mail to a transport. Small and
 * structural, so that an application can plug in SMTP (see `createSmtpMailer`), a provider's HTTP API
 * or a queue of its own.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Either } from 'fp-ts/lib/Either.js'

/**
 * One e-mail to one address, ready to send: the sender comes from the transport's configuration.
 *
 * @category mail
 */
export interface MailMessage {
  /** The one recipient address. Every automatic message goes to a single address, in its own language. */
  readonly to: string
  readonly subject: string
  /** The plain-text body; every message has one. */
  readonly text: string
  /** An HTML alternative of the same text. */
  readonly html?: string
  /**
   * Extra header fields, such as `Message-ID` (kept the same on every attempt, so that a message
   * delivered twice can be recognised), `Content-Language` and `Auto-Submitted`.
   */
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * Why a message could not be sent.
 * - `transient`: the transport may accept it later (a 4xx reply, a lost connection, a timeout, a
 *   wrong password): the outbox worker retries with back-off;
 * - `permanent`: the server refused this message or its recipient for good (a 5xx reply to the
 *   envelope or the data): retrying the same message would get the same answer.
 *
 * @category mail
 */
export interface MailError {
  readonly _tag: 'MailError'
  readonly kind: 'transient' | 'permanent'
  readonly message: string
  /** The transport's error code, e.g. nodemailer's `EENVELOPE` or `ECONNECTION`. */
  readonly code?: string
  /** The SMTP reply code, when the server answered. */
  readonly responseCode?: number
}

/**
 * Sends e-mails. `send` never rejects for a delivery failure: it returns a {@link MailError}.
 *
 * @category mail
 */
export interface Mailer {
  /** Hands one message to the transport: `Right` once it accepted the message, `Left` with why not. */
  send(message: MailMessage): Promise<Either<MailError, void>>
}

/**
 * Builds a {@link MailError}.
 *
 * @example
 * ```ts
 * import { mailError } from '@imi-kit/server-adapter'
 * mailError('transient', 'Connection closed', { code: 'ECONNECTION' }).kind // 'transient'
 * ```
 * @category mail
 */
export const mailError = (kind: MailError['kind'], message: string, details: { readonly code?: string; readonly responseCode?: number } = {}): MailError => ({
  _tag: 'MailError',
  kind,
  message,
  ...(details.code === undefined ? {} : { code: details.code }),
  ...(details.responseCode === undefined ? {} : { responseCode: details.responseCode }),
})

/**
 * A {@link Mailer} that keeps what it is given instead of sending it: for tests, demos and
 * development servers without an SMTP relay.
 *
 * @category mail
 */
export interface RecordingMailer extends Mailer {
  /** Every message sent so far, in order. */
  readonly sent: ReadonlyArray<MailMessage>
  /** Forgets the messages sent so far. */
  clear(): void
}

/**
 * Creates a {@link RecordingMailer}. `fail`, when given, is asked first for each message and may
 * refuse it with an error, to rehearse failures.
 *
 * @example
 * ```ts
 * import { createRecordingMailer } from '@imi-kit/server-adapter'
 * const mailer = createRecordingMailer()
 * await mailer.send({ to: 'a@example.org', subject: 'Hello', text: 'Hello' })
 * mailer.sent.length // 1
 * ```
 * @category mail
 */
export const createRecordingMailer = (fail?: (message: MailMessage) => MailError | undefined): RecordingMailer => {
  const sent: MailMessage[] = []
  return {
    sent,
    clear: () => {
      sent.length = 0
    },
    send: async (message) => {
      const error = fail?.(message)
      if (error !== undefined) return E.left(error)
      sent.push(message)
      return E.right(undefined)
    },
  }
}
