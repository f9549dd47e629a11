/**
 * The route table of the API: one entry per method and path, the single list the router dispatches
 * on and the OpenAPI document is checked against.
 *
 * @module
 */

/** An HTTP method the API uses. @category http */
export type Method = 'GET' | 'POST' | 'DELETE'

/** A route of the API. `:name` segments are parameters. @category http */
export interface RouteSpec {
  readonly method: Method
  readonly path: string
  /** The OpenAPI operation id. */
  readonly operationId: string
  /** Whether the route needs an authenticated caller. */
  readonly authenticated: boolean
}

/** Every route of the API, under the base path (default `/api`). @category http */
export const ROUTES = [
  { method: 'GET', path: '/openapi.json', operationId: 'getOpenApi', authenticated: false },
  { method: 'POST', path: '/exchanges', operationId: 'createExchange', authenticated: true },
  { method: 'GET', path: '/exchanges/:id', operationId: 'getExchange', authenticated: true },
  { method: 'POST', path: '/exchanges/:id/commands', operationId: 'executeCommand', authenticated: true },
  { method: 'GET', path: '/exchanges/:id/actions', operationId: 'getAvailableActions', authenticated: true },
  { method: 'GET', path: '/exchanges/:id/history', operationId: 'getHistory', authenticated: true },
  { method: 'GET', path: '/exchanges/:id/comments', operationId: 'getComments', authenticated: true },
  { method: 'POST', path: '/exchanges/:id/comments', operationId: 'addComment', authenticated: true },
  { method: 'GET', path: '/exchanges/:id/attachments/:attachmentId', operationId: 'downloadAttachment', authenticated: true },
  { method: 'POST', path: '/attachments', operationId: 'uploadAttachment', authenticated: true },
  { method: 'GET', path: '/dashboard', operationId: 'getDashboard', authenticated: true },
  { method: 'GET', path: '/action-list', operationId: 'getActionList', authenticated: true },
  { method: 'GET', path: '/search', operationId: 'search', authenticated: true },
  { method: 'GET', path: '/search/export', operationId: 'exportSearch', authenticated: true },
  { method: 'GET', path: '/authorities', operationId: 'searchAuthorities', authenticated: true },
  { method: 'GET', path: '/me', operationId: 'getMe', authenticated: true },
  { method: 'POST', path: '/translate', operationId: 'translate', authenticated: true },
  { method: 'GET', path: '/translate/pairs', operationId: 'getTranslationPairs', authenticated: true },
  { method: 'POST', path: '/login/begin', operationId: 'loginBegin', authenticated: false },
  { method: 'POST', path: '/login/complete', operationId: 'loginComplete', authenticated: false },
  { method: 'POST', path: '/login/password', operationId: 'loginChangePassword', authenticated: false },
  { method: 'POST', path: '/login/security-code', operationId: 'loginSetSecurityCode', authenticated: false },
  { method: 'POST', path: '/logout', operationId: 'logout', authenticated: false },
  { method: 'POST', path: '/users/:id/reset-password', operationId: 'resetPassword', authenticated: true },
  { method: 'GET', path: '/exchanges/:id/report-kinds', operationId: 'getReportKinds', authenticated: true },
  { method: 'POST', path: '/exchanges/:id/reports', operationId: 'createReport', authenticated: true },
  { method: 'GET', path: '/reports', operationId: 'listReports', authenticated: true },
  { method: 'GET', path: '/reports/:id', operationId: 'downloadReport', authenticated: true },
  { method: 'DELETE', path: '/reports/:id', operationId: 'deleteReport', authenticated: true },
  { method: 'GET', path: '/admin/dead-letters', operationId: 'getDeadLetters', authenticated: true },
  { method: 'POST', path: '/admin/dead-letters/:id/requeue', operationId: 'requeueDeadLetter', authenticated: true },
] as const satisfies ReadonlyArray<RouteSpec>

/** The routes that answer without an authenticated caller. @category http */
export type PublicOperationId = Extract<(typeof ROUTES)[number], { readonly authenticated: false }>['operationId']

/** The operation id of a route. @category http */
export type OperationId = (typeof ROUTES)[number]['operationId']

/** Matches a path against a route pattern; the parameters, or `undefined`. @category http */
export const matchPath = (pattern: string, path: string): Readonly<Record<string, string>> | undefined => {
  const p = pattern.split('/')
  const s = path.split('/')
  if (p.length !== s.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    const seg = p[i] as string
    const val = s[i] as string
    if (seg.startsWith(':')) {
      if (val === '') return undefined
      try {
        params[seg.slice(1)] = decodeURIComponent(val)
      } catch {
        return undefined
      }
    } else if (seg !== val) return undefined
  }
  return params
}
