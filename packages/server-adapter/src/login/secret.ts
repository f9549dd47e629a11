/**
 * A wrapper that keeps a secret out of logs, JSON and error reports.
 *
 * @module
 */

const REDACTED = '[secret]'

/**
 * A secret value, such as a temporary password on its way to the mailer. It prints as `[secret]`
 * in strings, JSON, `console.log` and test reports; only {@link Secret.reveal} gives the value, so
 * that handing the result of a registration to a log or an HTTP response leaks nothing
 * (LOGIN-TEMP-PASSWORD-HIDDEN).
 *
 * @example
 * ```ts
 * import { Secret } from '@imi-kit/server-adapter'
 * const s = new Secret('Xy7#kQ2m')
 * JSON.stringify({ s }) // '{"s":"[secret]"}'
 * s.reveal() // 'Xy7#kQ2m'
 * ```
 * @category login
 */
export class Secret {
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  /** The secret itself, for the one place that needs it (the mail to the user). */
  reveal(): string {
    return this.#value
  }

  /** `[secret]`. */
  toString(): string {
    return REDACTED
  }

  /** `[secret]`, so that `JSON.stringify` never writes the value. */
  toJSON(): string {
    return REDACTED
  }

  /** What Node's `util.inspect` (and `console.log`) prints. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Secret(${REDACTED})`
  }
}
