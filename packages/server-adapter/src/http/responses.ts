/**
 * JSON responses and the mapping of domain errors to HTTP statuses. A response never carries a stack
 * trace or an internal message: errors are `{ error: { code, message, details, ruleId } }`.
 *
 * @module
 */
import type { DomainError } from '@imi-kit/core'

/** The body of every error response. @category http */
export interface ErrorBody {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly details?: Readonly<Record<string, unknown>>
    readonly ruleId?: string
  }
}

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
}

/** A JSON response with the API's security headers. @category http */
export const json = (status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS, ...headers } })

/**
 * The HTTP status of a domain error, by its code:
 * - 400 malformed input (`*.invalid`, `command.unknown`, `search.bad-cursor`, `http.*` parsing);
 * - 401 no authenticated user; 403 a refusal of the actor; 404 not found (or not visible);
 * - 410 a report whose personal data has left the caller's reach (deleted);
 * - 409 the state does not allow it now (`*.wrong-status`, a concurrent update);
 * - 413/415 body too large / wrong media type; 503 storage unavailable; 500 a defect of the server;
 * - 422 every other rule refusal.
 *
 * @category http
 */
export const statusOf = (e: DomainError): number => {
  const c = e.code
  if (c === 'http.unauthenticated' || c === 'login.required') return 401
  if (c === 'http.csrf' || c === 'actor.unknown' || c.startsWith('login.csrf')) return 403
  if (c === 'login.no-session') return 401
  if (c === 'http.not-found' || c.endsWith('.not-found')) return 404
  if (c === 'report.personal-data-unavailable') return 410
  if (c === 'http.method-not-allowed') return 405
  if (c === 'http.too-large') return 413
  if (c === 'http.unsupported-media-type') return 415
  if (c === 'storage.unavailable') return 503
  if (c === 'server.error') return 500
  if (c.endsWith('.invalid') || c.startsWith('http.') || c === 'command.unknown' || c === 'search.bad-cursor') return 400
  if (['not-allowed', '.no-access', '.read-only', '.not-allocated'].some((x) => c.endsWith(x))) return 403
  if (c === 'login.unknown-user') return 404
  if (c.endsWith('.wrong-status') || c.endsWith('.concurrent-update') || c === 'exchange.wrong-procedure') return 409
  return 422
}

/** The error response of a domain error. @category http */
export const errorResponse = (e: DomainError, headers: Readonly<Record<string, string>> = {}): Response =>
  json(
    statusOf(e),
    {
      error: {
        code: e.code,
        message: e.message,
        ...(e.details === undefined ? {} : { details: e.details }),
        ...(e.ruleId === undefined ? {} : { ruleId: e.ruleId }),
      },
    } satisfies ErrorBody,
    headers,
  )
