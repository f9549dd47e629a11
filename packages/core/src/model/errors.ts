/**
 * Errors are values. Domain code never throws: it returns a {@link DomainError} with a stable code,
 * an English message and the id of the rule in the specification that it enforces.
 *
 * @module
 */
import type * as t from 'io-ts'

/** The stable identifier of a rule of the specification, e.g. `REQ-ACCEPT-STATUS`. @category model */
export type RuleId = string

/**
 * A refusal by the domain. `code` is stable and meant for programs (and translations); `message` is
 * English and meant for logs and developers; `ruleId` names the rule enforced, when there is one.
 *
 * @category model
 */
export interface DomainError {
  readonly _tag: 'DomainError'
  readonly code: string
  readonly message: string
  readonly ruleId?: RuleId
  readonly details?: Readonly<Record<string, unknown>>
}

/**
 * Builds a {@link DomainError}.
 *
 * @example
 * ```ts
 * import { domainError } from '@imi-kit/core'
 * const e = domainError('request.not-allowed', 'Only a request handler may send', 'REQ-CREATE-HANDLER')
 * e.code // 'request.not-allowed'
 * ```
 * @category constructors
 */
export const domainError = (
  code: string,
  message: string,
  ruleId?: RuleId,
  details?: Readonly<Record<string, unknown>>,
): DomainError => ({
  _tag: 'DomainError',
  code,
  message,
  ...(ruleId === undefined ? {} : { ruleId }),
  ...(details === undefined ? {} : { details }),
})

/** True when a value is a {@link DomainError}. @category guards */
export const isDomainError = (u: unknown): u is DomainError =>
  typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'DomainError'

/**
 * Turns io-ts validation errors into one {@link DomainError} listing each path that failed.
 *
 * @category constructors
 */
export const invalidInput = (what: string, errors: t.Errors): DomainError =>
  domainError(`${what}.invalid`, `The ${what} is not valid`, undefined, {
    problems: errors.slice(0, 20).map((e) => ({
      path: e.context
        .map((c) => c.key)
        .filter((k) => k !== '')
        .join('.'),
      message: e.message ?? `expected ${e.context[e.context.length - 1]?.type.name ?? 'a valid value'}`,
    })),
  })
