/**
 * `createImiHandler`: the whole HTTP API as one web-standard function `(Request) => Promise<Response>`,
 * usable from Node's `http` (see `createNodeListener`), Express, Fastify, Hono or any runtime with
 * the Fetch API. JSON in and out; every body is decoded with the core's codecs; what a caller may do
 * and see comes only from the core's `availableActions` and `view`.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import {
  createLocalImiClient,
  createReportService,
  renderReportHtml,
  decodeAuthorityQuery,
  decodeSearchInput,
  decodeTranslationInput,
  domainError,
  signedIn,
  viewerOf,
} from '@imi-kit/core'
import type {
  Actor,
  ApplicationService,
  Clock,
  Directory,
  DomainError,
  ExchangeId,
  ExchangeView,
  ImiClient,
  LanguagePair,
  ReportRecord,
  ReportService,
  ReportStore,
  RequestPolicy,
  Storage,
  Translator,
} from '@imi-kit/core'
import type { BlobStore } from '../attachments/blob-store.js'
import { errorResponse, json } from './responses.js'
import type { ImiLogin } from '../login/index.js'
import type { DeliverTemporaryPassword } from './login-routes.js'
import { loginRoutes } from './login-routes.js'
import { builtInExporter } from './export-route.js'
import type { Method, OperationId, PublicOperationId, RouteSpec } from './routes.js'
import { ROUTES, matchPath } from './routes.js'
import { openApiDocument } from './openapi.js'

/** The default limit of a JSON body: 1 MiB. @category http */
export const DEFAULT_BODY_LIMIT = 1024 * 1024
/** The default limit of an uploaded attachment: 20 MiB. @category http */
export const DEFAULT_ATTACHMENT_LIMIT = 20 * 1024 * 1024
/** The media types accepted for attachments by default. @category http */
export const DEFAULT_ATTACHMENT_TYPES: ReadonlyArray<string> = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'application/msword',
]

/**
 * Turns the authenticated caller of a request into an actor, or `null` when there is none. Portals
 * bring their own (eID, SAML, OIDC); the built-in IMI login provides one.
 *
 * @category http
 */
export type Authenticate = (request: Request) => Promise<Actor | null> | Actor | null

/**
 * A file export of search results, plugged in by the exports module.
 *
 * @category http
 */
export type SearchExporter = (input: {
  readonly format: string
  readonly client: ImiClient
  readonly actor: Actor
  readonly language: string
  readonly query: unknown
}) => Promise<E.Either<DomainError, { readonly body: Uint8Array | ReadableStream<Uint8Array>; readonly mediaType: string; readonly fileName: string }>>

/**
 * Extra routes, such as those of the built-in login, tried before the API's own.
 *
 * @category http
 */
export type ExtraRoutes = (request: Request, path: string) => Promise<Response | undefined>

/**
 * The options of {@link createImiHandler}.
 *
 * @category http
 */
export interface ImiHandlerOptions {
  readonly app: ApplicationService
  readonly storage: Storage
  readonly directory: Directory | (() => Directory)
  readonly clock: Clock
  /** Who calls; the built-in login's sessions when absent and `login` is given. */
  readonly authenticate?: Authenticate
  /** The built-in IMI login: enables the `/login/*` routes, and serves as `authenticate` and `checkCsrf` by default. */
  readonly login?: ImiLogin
  /** Delivers temporary passwords after a reset (the mailer); they never appear in a response. */
  readonly deliverTemporaryPassword?: DeliverTemporaryPassword
  /** Who sees and requeues undelivered messages (the dead letters); nobody when absent. */
  readonly isAdministrator?: (actor: Actor) => boolean
  /** Checks a cookie-authenticated unsafe request against CSRF; an error refuses it. */
  readonly checkCsrf?: (request: Request) => Promise<DomainError | undefined> | DomainError | undefined
  readonly blobs?: BlobStore
  /** Replaces the built-in CSV/XLSX export. */
  readonly exporter?: SearchExporter
  readonly extraRoutes?: ExtraRoutes
  /** The machine-translation service behind `POST /translate` (I18N-MT-PORT); none when absent. */
  readonly translator?: Translator
  /** The language pairs the translator supports (I18N-MT-PAIRS); none when absent. */
  readonly translationPairs?: ReadonlyArray<LanguagePair>
  /** Where generated reports are kept (the activity panel); `storage.reports` when absent. No report routes without either. */
  readonly reports?: ReportStore
  /** A new, unguessable report id. Default: a random UUID from Web Crypto. */
  readonly reportId?: () => string
  /** The operator's request policy, for the instant personal data is blocked; the specification's default when absent. */
  readonly requestPolicy?: RequestPolicy
  /** Default `/api`. */
  readonly basePath?: string
  readonly limits?: { readonly bodyBytes?: number; readonly attachmentBytes?: number; readonly attachmentTypes?: ReadonlyArray<string> }
}

const fail = (code: string, message: string, details?: Record<string, unknown>): DomainError => domainError(code, message, undefined, details)

/** Reads a body up to `limit` bytes; an error past it, or for a body that is not text. */
const readBody = async (request: Request, limit: number): Promise<E.Either<DomainError, string>> => {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (Number.isFinite(declared) && declared > limit) return E.left(fail('http.too-large', `The body exceeds ${limit} bytes`, { limit }))
  if (request.body === null) return E.right('')
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => undefined)
        return E.left(fail('http.too-large', `The body exceeds ${limit} bytes`, { limit }))
      }
      chunks.push(value)
    }
  } catch {
    return E.left(fail('http.bad-body', 'The body could not be read'))
  }
  try {
    return E.right(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)))
  } catch {
    return E.left(fail('http.bad-body', 'The body is not UTF-8 text'))
  }
}

const readJson = async (request: Request, limit: number): Promise<E.Either<DomainError, unknown>> => {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/json\b/i.test(type)) return E.left(fail('http.unsupported-media-type', 'Send JSON (Content-Type: application/json)'))
  const body = await readBody(request, limit)
  if (E.isLeft(body)) return body
  try {
    return E.right(JSON.parse(body.right) as unknown)
  } catch {
    return E.left(fail('http.bad-json', 'The body is not valid JSON'))
  }
}

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

/** The search criteria of a query string: repeated keys for lists, numbers for `limit`. */
const searchFromQuery = (params: URLSearchParams): Record<string, unknown> => {
  const lists = new Set(['statuses', 'memberStates', 'authorities'])
  const out: Record<string, unknown> = {}
  for (const key of new Set(params.keys())) {
    if (key === 'format' || key === 'lang') continue
    const values = params.getAll(key)
    out[key] = lists.has(key) ? values : key === 'limit' ? Number(values[0]) : values[0]
  }
  if (out.sort === undefined) out.sort = 'updated-desc'
  if (out.limit === undefined) out.limit = 20
  return out
}

/** Comments as the view shows them: structured messages of a request, information and closure comments of an alert. */
const commentsOf = (view: ExchangeView): unknown => {
  const c = view.content
  if (!isRecord(c)) return { messages: [] }
  return {
    ...(Array.isArray(c.messages) ? { messages: c.messages } : {}),
    ...(Array.isArray(c.information) ? { information: c.information } : {}),
    ...(isRecord(c.closure) && Array.isArray(c.closure.comments) ? { closureComments: c.closure.comments } : {}),
  }
}

/** The attachment a view shows, by id, with its content reference; `undefined` when hidden or absent. */
const attachmentIn = (view: ExchangeView, id: string): { contentRef: string; fileName: string; mediaType: string } | undefined => {
  const c = view.content
  if (!isRecord(c) || !Array.isArray(c.attachments)) return undefined
  for (const a of c.attachments as unknown[])
    if (isRecord(a) && a.id === id && typeof a.contentRef === 'string' && typeof a.fileName === 'string' && typeof a.mediaType === 'string')
      return { contentRef: a.contentRef, fileName: a.fileName, mediaType: a.mediaType }
  return undefined
}

const UNSAFE: ReadonlyArray<string> = ['POST', 'PUT', 'PATCH', 'DELETE']

/**
 * A report as a self-contained HTML page: nothing it contains may run or load anything, and it is
 * neither cached nor framed.
 */
const reportPage = (r: ReportRecord): Response =>
  new Response(renderReportHtml(r.document), {
    status: 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(`${r.number}-${r.kind.toLowerCase()}.html`)}`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    },
  })

/**
 * Builds the HTTP API.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createImiHandler, createNodeListener } from '@imi-kit/server-adapter'
 * // const handler = createImiHandler({ app, storage, directory, clock, authenticate })
 * // createServer(createNodeListener(handler)).listen(8080)
 * ```
 * @category http
 */
export const createImiHandler = (options: ImiHandlerOptions): ((request: Request) => Promise<Response>) => {
  const base = options.basePath ?? '/api'
  const bodyLimit = options.limits?.bodyBytes ?? DEFAULT_BODY_LIMIT
  const attachmentLimit = options.limits?.attachmentBytes ?? DEFAULT_ATTACHMENT_LIMIT
  const attachmentTypes = options.limits?.attachmentTypes ?? DEFAULT_ATTACHMENT_TYPES
  const directory = () => (typeof options.directory === 'function' ? options.directory() : options.directory)
  const document = openApiDocument(base)

  const reportStore = options.reports ?? options.storage.reports
  const reportService: ReportService | undefined =
    reportStore === undefined
      ? undefined
      : createReportService({
          app: options.app,
          reports: reportStore,
          directory: options.directory,
          clock: options.clock,
          newId: options.reportId ?? (() => (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID()),
          ...(options.requestPolicy === undefined ? {} : { policy: options.requestPolicy }),
        })
  /** Runs a report route, or answers that this server keeps no reports. */
  const withReports = async (route: (service: ReportService) => Promise<Response>): Promise<Response> =>
    reportService === undefined ? errorResponse(fail('report.not-configured', 'This server keeps no reports')) : route(reportService)

  const clientFor = (actor: Actor): ImiClient =>
    createLocalImiClient({
      app: options.app,
      storage: options.storage,
      directory: options.directory,
      clock: options.clock,
      actor,
      ...(options.translator === undefined ? {} : { translator: options.translator, translationPairs: options.translationPairs ?? [] }),
      ...(reportService === undefined ? {} : { reports: reportService }),
    })
  const noTranslator = () => fail('translation.not-configured', 'This server offers no machine translation')

  const either = <A>(r: E.Either<DomainError, A>, status = 200): Response => (E.isLeft(r) ? errorResponse(r.left) : json(status, r.right))

  /**
   * Checks a command sent to `/exchanges/{id}/...` before the core decides it: the caller must see the
   * exchange (else the same 404 as an id that does not exist, so that a refusal tells an outsider
   * nothing of its existence or status), and the command must be one of the exchange's procedure
   * that is not a creation (a creation would create another exchange, answered as if this one).
   */
  const commandOnExchange = async (actor: Actor, id: ExchangeId, type: unknown): Promise<DomainError | undefined> => {
    const loaded = await options.app.load(id)
    if (E.isLeft(loaded)) return loaded.left
    const { procedure, state } = loaded.right
    const viewer = viewerOf(directory(), actor)
    if (viewer === undefined || procedure.view(state, viewer) === undefined)
      return domainError('exchange.not-found', `There is no exchange ${id} you may see`, undefined, { exchangeId: id })
    if (typeof type === 'string' && (procedure.creationActions.includes(type) || !procedure.actions.includes(type)))
      return fail('http.bad-command', `${type.slice(0, 100)} is not a command on this exchange; create an exchange with POST ${base}/exchanges`, { exchangeId: id })
    return undefined
  }

  type Ctx = { readonly request: Request; readonly url: URL; readonly params: Readonly<Record<string, string>>; readonly actor: Actor; readonly client: ImiClient }
  const accounts = loginRoutes({
    ...(options.login === undefined ? {} : { login: options.login }),
    ...(options.deliverTemporaryPassword === undefined ? {} : { deliver: options.deliverTemporaryPassword }),
    ...(options.isAdministrator === undefined ? {} : { isAdministrator: options.isAdministrator }),
    storage: options.storage,
  })
  const exporter = options.exporter ?? builtInExporter({ app: options.app, storage: options.storage, directory })
  const authenticate: Authenticate = options.authenticate ?? ((request) => (options.login === undefined ? null : options.login.authenticate(request)))
  const checkCsrf = options.checkCsrf ?? (options.login === undefined ? undefined : (request: Request) => options.login?.checkCsrf(request))

  /** The routes open to anyone: the document, and the steps of signing in and out. */
  const publicRoutes: Record<PublicOperationId, (request: Request) => Promise<Response>> = {
    getOpenApi: async () => json(200, document),
    loginBegin: async (request) => E.fold(async (e: DomainError) => errorResponse(e), accounts.loginBegin)(await readJson(request, bodyLimit)),
    loginComplete: async (request) => E.fold(async (e: DomainError) => errorResponse(e), accounts.loginComplete)(await readJson(request, bodyLimit)),
    loginChangePassword: async (request) => {
      const body = await readJson(request, bodyLimit)
      if (E.isLeft(body)) return errorResponse(body.left)
      const actor = await authenticate(request)
      if (actor !== null && checkCsrf !== undefined) {
        const csrf = await checkCsrf(request)
        if (csrf !== undefined) return errorResponse(csrf)
      }
      return accounts.loginChangePassword(body.right, actor)
    },
    loginSetSecurityCode: async (request) => E.fold(async (e: DomainError) => errorResponse(e), accounts.loginSetSecurityCode)(await readJson(request, bodyLimit)),
    logout: async (request) => {
      if (checkCsrf !== undefined && (await authenticate(request)) !== null) {
        const csrf = await checkCsrf(request)
        if (csrf !== undefined) return errorResponse(csrf)
      }
      return accounts.logout(request)
    },
  }

  const handlers: Record<Exclude<OperationId, PublicOperationId>, (c: Ctx) => Promise<Response>> = {
    resetPassword: async ({ actor, params }) => accounts.resetPassword(actor, params.id ?? ''),
    getDeadLetters: async ({ actor }) => accounts.getDeadLetters(actor),
    requeueDeadLetter: async ({ actor, params }) => accounts.requeueDeadLetter(actor, params.id ?? ''),
    createExchange: async ({ request, client }) => {
      const body = await readJson(request, bodyLimit)
      if (E.isLeft(body)) return errorResponse(body.left)
      if (isRecord(body.right) && 'exchangeId' in body.right) return errorResponse(fail('http.bad-command', 'A creation command names no exchange; use /exchanges/{id}/commands'))
      return either(await client.execute(body.right), 201)
    },
    getExchange: async ({ params, client }) => either(await client.view(params.id as ExchangeId)),
    executeCommand: async ({ request, params, actor, client }) => {
      const body = await readJson(request, bodyLimit)
      if (E.isLeft(body)) return errorResponse(body.left)
      if (!isRecord(body.right)) return errorResponse(fail('command.invalid', 'A command is a JSON object'))
      if (body.right.exchangeId !== undefined && body.right.exchangeId !== params.id)
        return errorResponse(fail('http.bad-command', 'The command names another exchange than the path'))
      const refused = await commandOnExchange(actor, params.id as ExchangeId, body.right.type)
      if (refused !== undefined) return errorResponse(refused)
      return either(await client.execute({ ...body.right, exchangeId: params.id }))
    },
    getAvailableActions: async ({ params, client }) => either(E.map((actions: ReadonlyArray<string>) => ({ actions }))(await client.actions(params.id as ExchangeId))),
    getHistory: async ({ params, client }) => either(E.map((v: ExchangeView) => ({ history: v.history }))(await client.view(params.id as ExchangeId))),
    getComments: async ({ params, client }) => either(E.map(commentsOf)(await client.view(params.id as ExchangeId))),
    addComment: async ({ request, params, actor, client }) => {
      const body = await readJson(request, bodyLimit)
      if (E.isLeft(body)) return errorResponse(body.left)
      const refused = await commandOnExchange(actor, params.id as ExchangeId, 'request.add-message')
      if (refused !== undefined) return errorResponse(refused)
      // A comment on a request is a structured message; the core decides whether the caller may add one.
      return either(await client.execute({ type: 'request.add-message', exchangeId: params.id, ...(isRecord(body.right) ? { text: body.right.text } : {}) }))
    },
    downloadAttachment: async ({ params, client }) => {
      const view = await client.view(params.id as ExchangeId)
      if (E.isLeft(view)) return errorResponse(view.left)
      const found = attachmentIn(view.right, params.attachmentId ?? '')
      const stream = found === undefined || options.blobs === undefined ? undefined : await options.blobs.open(found.contentRef)
      if (found === undefined || stream === undefined) return errorResponse(fail('attachment.not-found', 'There is no attachment you may see with that id'))
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': found.mediaType,
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(found.fileName)}`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      })
    },
    uploadAttachment: async ({ request, actor }) => {
      if (options.blobs === undefined) return errorResponse(fail('attachment.not-configured', 'This server stores no attachments'))
      const mediaType = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      if (!attachmentTypes.includes(mediaType)) return errorResponse(fail('http.unsupported-media-type', 'This type of document is not accepted', { accepted: attachmentTypes }))
      const declared = Number(request.headers.get('content-length') ?? '0')
      if (Number.isFinite(declared) && declared > attachmentLimit) return errorResponse(fail('http.too-large', `An attachment is at most ${attachmentLimit} bytes`, { limit: attachmentLimit }))
      if (request.body === null) return errorResponse(fail('attachment.empty', 'The document is empty'))
      const stored = await options.blobs.put(request.body, {
        mediaType,
        uploadedBy: actor.kind === 'user' ? actor.userId : 'system',
        uploadedAt: options.clock.now().toISOString(),
        maxBytes: attachmentLimit,
      })
      if ('reason' in stored)
        return errorResponse(stored.reason === 'too-large' ? fail('http.too-large', `An attachment is at most ${attachmentLimit} bytes`, { limit: attachmentLimit }) : fail('attachment.empty', 'The document is empty'))
      return json(201, { contentRef: stored.contentRef, size: stored.size, mediaType: stored.mediaType, sha256: stored.sha256 })
    },
    getDashboard: async ({ client }) => either(await client.dashboard()),
    getActionList: async ({ client }) => either(E.map((items: unknown) => ({ items }))(await client.actionList())),
    search: async ({ url, client }) => {
      const input = decodeSearchInput(searchFromQuery(url.searchParams))
      if (E.isLeft(input)) return errorResponse(input.left)
      return either(await client.search(input.right))
    },
    exportSearch: async ({ url, client, actor }) => {
      const language = url.searchParams.get('lang') ?? ''
      const r = await exporter({ format: url.searchParams.get('format') ?? 'csv', client, actor, language, query: searchFromQuery(url.searchParams) })
      if (E.isLeft(r)) return errorResponse(r.left)
      return new Response(r.right.body as ConstructorParameters<typeof Response>[0], {
        status: 200,
        headers: { 'content-type': r.right.mediaType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(r.right.fileName)}`, 'cache-control': 'no-store' },
      })
    },
    searchAuthorities: async ({ url, client }) => {
      const raw: Record<string, unknown> = Object.fromEntries(url.searchParams.entries())
      if (typeof raw.limit === 'string') raw.limit = Number(raw.limit)
      const q = decodeAuthorityQuery(raw)
      if (E.isLeft(q)) return errorResponse(q.left)
      return either(E.map((items: unknown) => ({ items }))(await client.authorities(q.right)))
    },
    translate: async ({ request, client }) => {
      if (client.translate === undefined) return errorResponse(noTranslator())
      const body = await readJson(request, bodyLimit)
      if (E.isLeft(body)) return errorResponse(body.left)
      const input = decodeTranslationInput(body.right)
      if (E.isLeft(input)) return errorResponse(input.left)
      return either(await client.translate({ text: input.right.text, language: input.right.language }, input.right.to))
    },
    getTranslationPairs: async ({ client }) => {
      if (client.translationPairs === undefined) return errorResponse(noTranslator())
      return either(E.map((pairs: ReadonlyArray<LanguagePair>) => ({ pairs }))(await client.translationPairs()))
    },
    getReportKinds: ({ params, actor }) => withReports(async (reports) => either(await reports.permissions(actor, params.id as ExchangeId))),
    createReport: ({ request, params, actor }) =>
      withReports(async (reports) => {
        const body = await readJson(request, bodyLimit)
        if (E.isLeft(body)) return errorResponse(body.left)
        return either(await reports.create(actor, params.id as ExchangeId, body.right), 201)
      }),
    listReports: ({ actor }) => withReports(async (reports) => either(E.map((items: unknown) => ({ items }))(await reports.list(actor)))),
    downloadReport: ({ request, params, actor }) =>
      withReports(async (reports) => {
        const found = await reports.get(actor, params.id ?? '')
        if (E.isLeft(found)) return errorResponse(found.left)
        // The structured document for programs; the printable page for everyone else (SRCH-REPORT-SAVE-PRINT).
        if (/\bapplication\/json\b/i.test(request.headers.get('accept') ?? '')) return json(200, found.right)
        return reportPage(found.right)
      }),
    deleteReport: ({ params, actor }) => withReports(async (reports) => either(await reports.delete(actor, params.id ?? ''))),
    getMe: async ({ actor }) => either(signedIn(directory(), actor)),
  }

  const route = (method: string, path: string): { spec: RouteSpec; params: Readonly<Record<string, string>> } | { allowed: ReadonlyArray<Method> } | undefined => {
    const allowed: Method[] = []
    for (const spec of ROUTES) {
      const params = matchPath(spec.path, path)
      if (params === undefined) continue
      if (spec.method === method || (method === 'HEAD' && spec.method === 'GET')) return { spec, params }
      allowed.push(spec.method)
    }
    return allowed.length > 0 ? { allowed } : undefined
  }

  const serve = async (request: Request): Promise<Response> => {
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return errorResponse(fail('http.bad-url', 'The URL cannot be read'))
    }
    if (!url.pathname.startsWith(`${base}/`) && url.pathname !== base) return errorResponse(fail('http.not-found', 'There is no such route'))
    const path = url.pathname.slice(base.length) || '/'
    if (options.extraRoutes !== undefined) {
      const extra = await options.extraRoutes(request, path)
      if (extra !== undefined) return extra
    }
    const found = route(request.method, path)
    if (found === undefined) return errorResponse(fail('http.not-found', 'There is no such route'))
    if ('allowed' in found) return errorResponse(fail('http.method-not-allowed', `Use ${found.allowed.join(', ')}`), { allow: found.allowed.join(', ') })
    if (!found.spec.authenticated) return publicRoutes[found.spec.operationId as PublicOperationId](request)
    const actor = await authenticate(request)
    if (actor === null) return errorResponse(fail('http.unauthenticated', 'Sign in first'))
    if (actor.kind === 'user' && viewerOf(directory(), actor) === undefined) return errorResponse(domainError('actor.unknown', 'The signed-in user is not registered with that authority'))
    if (UNSAFE.includes(request.method) && checkCsrf !== undefined) {
      const csrf = await checkCsrf(request)
      if (csrf !== undefined) return errorResponse(csrf)
    }
    const handler = handlers[found.spec.operationId as Exclude<OperationId, PublicOperationId>]
    return handler({ request, url, params: found.params, actor, client: clientFor(actor) })
  }

  return async (request) => {
    try {
      const response = await serve(request)
      return request.method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response
    } catch {
      // Nothing below is meant to throw; if something does, the caller learns nothing of the internals.
      return errorResponse(domainError('server.error', 'The request could not be handled'))
    }
  }
}
