/**
 * `@imi-kit/server-adapter/client`: the `ImiClient` over HTTP, for browsers and any runtime with
 * `fetch`. It imports nothing from Node. The web components use it through `<imi-provider>`.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type {
  AuthorityCard,
  AuthorityQuery,
  CommandResult,
  DashboardCounts,
  DomainError,
  ExchangeId,
  ExchangeView,
  ImiClient,
  LanguagePair,
  ListedPage,
  ListedSummary,
  MachineTranslation,
  ReportInput,
  ReportListing,
  ReportPermissions,
  ReportRecord,
  SearchInput,
  SignedIn,
} from '@imi-kit/core'

/**
 * The options of {@link createHttpImiClient}.
 *
 * @category client
 */
export interface HttpClientOptions {
  /** The API's base URL, e.g. `https://imi.example.gov/api` or `/api`. */
  readonly baseUrl: string
  /** Default: the global `fetch`. */
  readonly fetch?: typeof fetch
  /** A bearer token, when the portal authenticates that way. */
  readonly token?: string | (() => string | undefined)
  /** The anti-CSRF token of a cookie session, sent on unsafe requests. */
  readonly csrfToken?: string | (() => string | undefined)
  /** Default `same-origin`, so that a session cookie is sent. */
  readonly credentials?: 'include' | 'same-origin' | 'omit'
}

/**
 * The HTTP client: every `ImiClient` operation, plus uploads and downloads of attachments.
 *
 * @category client
 */
export interface HttpImiClient extends ImiClient {
  /** Who is signed in (`GET /me`); always present over HTTP. */
  me(): Promise<Either<DomainError, SignedIn>>
  /** Uploads a document; reference it in a command by the returned `contentRef`. */
  upload(file: Blob, mediaType?: string): Promise<Either<DomainError, { readonly contentRef: string; readonly size: number; readonly mediaType: string; readonly sha256: string }>>
  /** The URL of an attachment's download, for a link. */
  attachmentUrl(exchangeId: ExchangeId, attachmentId: string): string
  /** The URL of an export of a search, for a link. */
  exportUrl(input: SearchInput, format: 'csv' | 'xlsx', language: string): string
  reportOptions(exchangeId: ExchangeId): Promise<Either<DomainError, ReportPermissions>>
  createReport(exchangeId: ExchangeId, input: ReportInput): Promise<Either<DomainError, ReportListing>>
  reports(): Promise<Either<DomainError, ReadonlyArray<ReportListing>>>
  report(reportId: string): Promise<Either<DomainError, ReportRecord>>
  deleteReport(reportId: string): Promise<Either<DomainError, { readonly deleted: true }>>
  /** The URL of a report's printable page, to open, save or print (SRCH-REPORT-SAVE-PRINT). */
  reportUrl(reportId: string): string
}

const value = (v: string | (() => string | undefined) | undefined) => (typeof v === 'function' ? v() : v)

// The Either values are built by hand: `fp-ts/lib/Either.js` is CommonJS, and importing it would put
// the whole module in the browser bundle for three one-line functions.
const left = <A>(e: DomainError): Either<DomainError, A> => ({ _tag: 'Left', left: e })
const right = <A>(a: A): Either<DomainError, A> => ({ _tag: 'Right', right: a })
const mapRight =
  <A, B>(f: (a: A) => B) =>
  (ma: Either<DomainError, A>): Either<DomainError, B> =>
    ma._tag === 'Left' ? ma : right(f(ma.right))

const networkError = (): DomainError => ({ _tag: 'DomainError', code: 'http.network', message: 'The server could not be reached' })

const searchParams = (input: Record<string, unknown>): URLSearchParams => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x))
    else p.append(k, String(v))
  }
  return p
}

/**
 * Builds an `ImiClient` that talks to a server running `createImiHandler`.
 *
 * @example
 * ```ts
 * import { createHttpImiClient } from '@imi-kit/server-adapter/client'
 * const client = createHttpImiClient({ baseUrl: '/api' })
 * // const counts = await client.dashboard()
 * ```
 * @category client
 */
export const createHttpImiClient = (options: HttpClientOptions): HttpImiClient => {
  const base = options.baseUrl.replace(/\/$/, '')
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args))
  const call = async <A>(method: string, path: string, body?: unknown, raw?: { readonly blob: Blob; readonly type: string }): Promise<Either<DomainError, A>> => {
    const headers: Record<string, string> = { accept: 'application/json' }
    const token = value(options.token)
    if (token !== undefined) headers.authorization = `Bearer ${token}`
    const csrf = value(options.csrfToken)
    if (method !== 'GET' && csrf !== undefined) headers['x-imi-csrf'] = csrf
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (raw !== undefined) headers['content-type'] = raw.type
    let response: Response
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers,
        credentials: options.credentials ?? 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : raw !== undefined ? { body: raw.blob } : {}),
      })
    } catch {
      return left(networkError())
    }
    let parsed: unknown
    try {
      parsed = await response.json()
    } catch {
      return left({ _tag: 'DomainError', code: 'http.bad-response', message: `The server answered ${response.status} without JSON` })
    }
    if (response.ok) return right(parsed as A)
    const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown; ruleId?: unknown } } | null)?.error
    return left({
      _tag: 'DomainError',
      code: typeof error?.code === 'string' ? error.code : `http.${response.status}`,
      message: typeof error?.message === 'string' ? error.message : response.statusText,
      ...(typeof error?.ruleId === 'string' ? { ruleId: error.ruleId } : {}),
      ...(typeof error?.details === 'object' && error.details !== null ? { details: error.details as Record<string, unknown> } : {}),
    })
  }
  const id = (x: string) => encodeURIComponent(x)
  return {
    execute: (command) => {
      const exchangeId = typeof command === 'object' && command !== null ? (command as { exchangeId?: unknown }).exchangeId : undefined
      return typeof exchangeId === 'string' ? call<CommandResult>('POST', `/exchanges/${id(exchangeId)}/commands`, command) : call<CommandResult>('POST', '/exchanges', command)
    },
    view: (exchangeId) => call<ExchangeView>('GET', `/exchanges/${id(exchangeId)}`),
    actions: async (exchangeId) => mapRight((r: { actions: ReadonlyArray<string> }) => r.actions)(await call<{ actions: ReadonlyArray<string> }>('GET', `/exchanges/${id(exchangeId)}/actions`)),
    search: (input) => call<ListedPage>('GET', `/search?${searchParams(input as Record<string, unknown>).toString()}`),
    me: () => call<SignedIn>('GET', '/me'),
    dashboard: () => call<DashboardCounts>('GET', '/dashboard'),
    actionList: async () => mapRight((r: { items: ReadonlyArray<ListedSummary> }) => r.items)(await call<{ items: ReadonlyArray<ListedSummary> }>('GET', '/action-list')),
    authorities: async (query: AuthorityQuery) =>
      mapRight((r: { items: ReadonlyArray<AuthorityCard> }) => r.items)(await call<{ items: ReadonlyArray<AuthorityCard> }>('GET', `/authorities?${searchParams(query as Record<string, unknown>).toString()}`)),
    translate: (text, to) => call<MachineTranslation>('POST', '/translate', { text: text.text, language: text.language, to }),
    translationPairs: async () => mapRight((r: { pairs: ReadonlyArray<LanguagePair> }) => r.pairs)(await call<{ pairs: ReadonlyArray<LanguagePair> }>('GET', '/translate/pairs')),
    upload: (file, mediaType) => call('POST', '/attachments', undefined, { blob: file, type: mediaType ?? (file.type === '' ? 'application/octet-stream' : file.type) }),
    attachmentUrl: (exchangeId, attachmentId) => `${base}/exchanges/${id(exchangeId)}/attachments/${id(attachmentId)}`,
    reportOptions: (exchangeId) => call<ReportPermissions>('GET', `/exchanges/${id(exchangeId)}/report-kinds`),
    createReport: (exchangeId, input) => call<ReportListing>('POST', `/exchanges/${id(exchangeId)}/reports`, input),
    reports: async () => mapRight((r: { items: ReadonlyArray<ReportListing> }) => r.items)(await call<{ items: ReadonlyArray<ReportListing> }>('GET', '/reports')),
    report: (reportId) => call<ReportRecord>('GET', `/reports/${id(reportId)}`),
    deleteReport: (reportId) => call<{ readonly deleted: true }>('DELETE', `/reports/${id(reportId)}`),
    reportUrl: (reportId) => `${base}/reports/${id(reportId)}`,
    exportUrl: (input, format, language) => `${base}/search/export?${searchParams({ ...(input as Record<string, unknown>), format, lang: language }).toString()}`,
  }
}
