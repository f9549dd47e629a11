/**
 * Authorisation over HTTP comes entirely from the core: "an HTTP caller can do exactly what
 * availableActions allows and see exactly what view shows; a test sweeps every route × viewer kind".
 *
 * For requests and alerts in several statuses (and directory variants that give coordinators'
 * referees something to do), every route of `ROUTES` is called by every kind of caller — nobody, an
 * unknown user, and every fixture user: participants in each role, users of other authorities and
 * member states, local data administrators, viewers, referees, alert broadcasters. Reads must equal
 * the core's `view`, `availableActions`, search, dashboard and action list for that caller (not
 * visible → 404). For every action of the procedure, a command is accepted if and only if
 * `availableActions` lists it for that caller: listed actions are sent with a valid payload built
 * from the exchange's state, on a fresh copy of the exchange; unlisted ones are refused with a 4xx
 * and change nothing at all.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  ALERT_ACTIONS,
  DEFAULT_REQUEST_COORDINATOR_PARAMETERS,
  REQUEST_ACTIONS,
  SYSTEM,
  canUseAlertWorkflow,
  canUseRequestWorkflow,
  createApplicationService,
  createLocalImiClient,
  createProcedureRegistry,
  decodeSearchInput,
  fixedClock,
  hasRequestRole,
  isRequestCoordinator,
  reachableCoordinators,
  requestAccess,
  requestFacts,
  requestForInformation,
  sequentialIds,
  viewerOf,
} from '@imi-kit/core'
import type { Actor, AlertState, ApplicationService, AuthorityId, Directory, DirectoryData, DomainError, ExchangeId, ImiClient, RequestCoordinatorParameters, RequestState, Storage, UserId, Viewer } from '@imi-kit/core'
import { A, DAY, PQ, Q1, Q2, TEST_ALERT_POLICY, U, alertDraft, pqDraft, testAlertProcedure, withRequestAccess, world, worldData } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { createMemoryBlobStore } from '../attachments/blob-store.js'
import type { SearchExporter } from './handler.js'
import { createImiHandler } from './handler.js'
import { statusOf } from './responses.js'
import { ROUTES } from './routes.js'

// ---------------------------------------------------------------------------------------------
// a server per scenario

const START = new Date('2026-03-02T09:00:00Z')
const ORIGIN = 'http://imi.test'
const USER_HEADER = 'x-sweep-user'
const registry = createProcedureRegistry([requestForInformation, testAlertProcedure])
const DOCUMENT = 'Diplôme de Jean Dupont'

/** An export that lists the caller's search, so that what an export may contain can be compared with the core. */
const exporter: SearchExporter = async ({ client, query }) => {
  const input = decodeSearchInput(query)
  if (E.isLeft(input)) return input
  return E.map((page: unknown) => ({ body: new TextEncoder().encode(JSON.stringify(page)), mediaType: 'application/json', fileName: 'export.json' }))(await client.search(input.right))
}

interface Srv {
  readonly handler: (request: Request) => Promise<Response>
  readonly app: ApplicationService
  readonly storage: Storage
  readonly directory: Directory
  readonly clock: ReturnType<typeof fixedClock>
  actor(user: UserId): Actor
  local(user: UserId): ImiClient
  call(user: string | undefined, method: string, path: string, body?: unknown, type?: string): Promise<Response>
}

const server = (data: DirectoryData): Srv => {
  const directory = world(data)
  const clock = fixedClock(START)
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({ registry, storage, clock, ids: sequentialIds('sw'), directory })
  const blobs = createMemoryBlobStore()
  const actor = (user: UserId): Actor => ({ kind: 'user', userId: user, authorityId: directory.user(user)?.authorityId ?? A.frCa })
  const authenticate = (request: Request): Actor | null => {
    const user = directory.user((request.headers.get(USER_HEADER) ?? '') as UserId)
    return user === undefined ? null : actor(user.id)
  }
  const handler = createImiHandler({ app, storage, directory, clock, authenticate, blobs, exporter })
  return {
    handler,
    app,
    storage,
    directory,
    clock,
    actor,
    local: (user) => createLocalImiClient({ app, storage, directory, clock, actor: actor(user) }),
    call: (user, method, path, body, type) =>
      handler(
        new Request(`${ORIGIN}/api${path}`, {
          method,
          headers: { ...(user === undefined ? {} : { [USER_HEADER]: user }), ...(body === undefined ? {} : { 'content-type': type ?? 'application/json' }) },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
      ),
  }
}

// ---------------------------------------------------------------------------------------------
// scenarios: an exchange driven to a status through the core

const en = (text: string) => ({ text, language: 'en' }) as const
const de = (text: string) => ({ text, language: 'de' }) as const

const coordinatorParameters = (data: DirectoryData, id: AuthorityId, p: Partial<RequestCoordinatorParameters>): DirectoryData =>
  withRequestAccess(data, id, (r) => ({ ...r, coordinatorParameters: { ...DEFAULT_REQUEST_COORDINATOR_PARAMETERS, ...r.coordinatorParameters, ...p } }))
/** Approval of requests and replies by the coordinators, allocation on, and the German authority allowed to refuse. */
const approvals = (): DirectoryData => {
  let data = worldData()
  data = withRequestAccess(data, A.frCa, (r) => ({ ...r, allocation: true, parameters: { ...r.parameters, approvalRequired: true } }))
  data = withRequestAccess(data, A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, approvalRequired: true, mayRefuseRequests: true } }))
  data = coordinatorParameters(data, A.frNimic, { approveRequests: true })
  return coordinatorParameters(data, A.deNimic, { approveReplies: true })
}

type Step = readonly [UserId | 'system', Record<string, unknown>] | readonly ['advance', number]

interface Scenario {
  readonly name: string
  readonly procedure: 'request' | 'alert'
  readonly data: () => DirectoryData
  /** The steps after the creation, which the scenario's first step does. */
  readonly steps: ReadonlyArray<Step>
}

const answers = { answers: [Q1, Q2].map((questionId) => ({ questionId, answerId: 'yes' })) }
const R_SENT: ReadonlyArray<Step> = [[U.frHandler, { type: 'request.send' }]]
const R_ACCEPTED: ReadonlyArray<Step> = [...R_SENT, [U.deHandler, { type: 'request.accept' }], [U.deHandler, { type: 'request.add-message', text: de('Wir prüfen den Fall.') }]]
const R_REPLIED: ReadonlyArray<Step> = [...R_ACCEPTED, [U.deHandler, { type: 'request.reply', ...answers }]]
const R_MORE: ReadonlyArray<Step> = [...R_REPLIED, [U.frHandler, { type: 'request.request-additional-info', justification: en('Please say more.'), questions: [Q1] }]]
const R_REFUSED_MORE: ReadonlyArray<Step> = [...R_MORE, [U.deHandler, { type: 'request.reject-additional-info', justification: de('Die Antwort ist vollständig.') }]]
const R_ARBITRATION: ReadonlyArray<Step> = [...R_REFUSED_MORE, [U.frHandler, { type: 'request.insist' }]]

const A_SUBMITTED: ReadonlyArray<Step> = [[U.frAlertHandler, { type: 'alert.submit' }]]
const A_BROADCAST: ReadonlyArray<Step> = [...A_SUBMITTED, [U.frNimicBroadcaster, { type: 'alert.accept' }], [U.frNimicBroadcaster, { type: 'alert.broadcast' }]]
const A_FORWARDED: ReadonlyArray<Step> = [
  ...A_BROADCAST,
  [U.deNimicBroadcaster, { type: 'alert.acknowledge' }],
  [U.deNimicBroadcaster, { type: 'alert.forward-within-state', authorities: [A.deCa, A.deCa2] }],
  [U.deAlertHandler, { type: 'alert.submit-information', kind: 'general', coordinator: A.deNimic, text: en('Still operating in Kehl.') }],
]
const A_COMMENTS: ReadonlyArray<Step> = [
  ...A_FORWARDED,
  [U.deAlertHandler, { type: 'alert.propose-closure', coordinator: A.deNimic, text: en('The provider ceased trading.') }],
  [U.de2AlertHandler, { type: 'alert.comment', text: en('We agree.') }],
]
const A_OBJECTIONS: ReadonlyArray<Step> = [
  ...A_COMMENTS,
  ['advance', TEST_ALERT_POLICY.commentPeriod.days * DAY],
  ['system', { type: 'alert.end-comment-period' }],
  [U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', includedComments: [] }],
]

const SCENARIOS: ReadonlyArray<Scenario> = [
  { name: 'request draft', procedure: 'request', data: worldData, steps: [] },
  { name: 'request awaiting acceptance', procedure: 'request', data: worldData, steps: R_SENT },
  { name: 'request accepted', procedure: 'request', data: worldData, steps: R_ACCEPTED },
  { name: 'request replied', procedure: 'request', data: worldData, steps: R_REPLIED },
  { name: 'request with additional information requested', procedure: 'request', data: worldData, steps: R_MORE },
  { name: 'request with additional information refused', procedure: 'request', data: worldData, steps: R_REFUSED_MORE },
  { name: 'request in arbitration', procedure: 'request', data: worldData, steps: R_ARBITRATION },
  { name: 'request closed', procedure: 'request', data: worldData, steps: [...R_REPLIED, [U.frHandler, { type: 'request.close' }]] },
  { name: 'request awaiting request approval (variant)', procedure: 'request', data: approvals, steps: R_SENT },
  { name: 'request awaiting acceptance, refusal allowed (variant)', procedure: 'request', data: approvals, steps: [...R_SENT, [U.frNimicReferee, { type: 'request.approve' }]] },
  {
    name: 'request awaiting reply approval (variant)',
    procedure: 'request',
    data: approvals,
    steps: [...R_SENT, [U.frNimicReferee, { type: 'request.approve' }], [U.deHandler, { type: 'request.accept' }], [U.deHandler, { type: 'request.reply', ...answers }]],
  },
  { name: 'alert draft', procedure: 'alert', data: worldData, steps: [] },
  { name: 'alert submitted', procedure: 'alert', data: worldData, steps: A_SUBMITTED },
  { name: 'alert broadcast', procedure: 'alert', data: worldData, steps: A_BROADCAST },
  { name: 'alert forwarded, with information submitted', procedure: 'alert', data: worldData, steps: A_FORWARDED },
  { name: 'alert under closure, comment period', procedure: 'alert', data: worldData, steps: A_COMMENTS },
  { name: 'alert under closure, objection period', procedure: 'alert', data: worldData, steps: A_OBJECTIONS },
  {
    name: 'alert closed',
    procedure: 'alert',
    data: worldData,
    steps: [...A_OBJECTIONS, ['advance', TEST_ALERT_POLICY.objectionPeriod.days * DAY], [U.deNimicBroadcaster, { type: 'alert.close' }]],
  },
  { name: 'alert with a withdrawal proposed', procedure: 'alert', data: worldData, steps: [...A_FORWARDED, [U.frAlertHandler, { type: 'alert.propose-withdrawal', reason: en('The evidence was wrong.') }]] },
]

interface Built {
  readonly x: Srv
  readonly id: ExchangeId
}

const ok = async (x: Srv, who: UserId | 'system', command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await x.app.execute(who === 'system' ? SYSTEM : x.actor(who), command)
  if (E.isLeft(r)) throw new Error(`scenario step ${String(command.type)} refused: ${r.left.code} ${r.left.message}`)
  return r.right.exchangeId
}

/** A fresh server holding the scenario's exchange; the same ids every time. */
const build = async (sc: Scenario): Promise<Built> => {
  const x = server(sc.data())
  let id: ExchangeId
  if (sc.procedure === 'request') {
    // A real document, so that downloads can be checked.
    const up = await x.call(U.frHandler, 'POST', '/attachments', DOCUMENT, 'text/plain')
    const { contentRef, size } = (await up.json()) as { contentRef: string; size: number }
    id = await ok(x, U.frHandler, pqDraft({ attachments: [{ fileName: 'diplome.txt', mediaType: 'text/plain', size, contentRef, relevance: 'evidence-of-qualifications' }] }))
  } else id = await ok(x, U.frAlertHandler, alertDraft({ establishment: 'DE', recipientStates: ['DE'] }))
  for (const step of sc.steps) {
    if (typeof step[1] === 'number') x.clock.advance(step[1])
    else await ok(x, step[0] as UserId | 'system', { ...step[1], exchangeId: id })
  }
  return { x, id }
}

// ---------------------------------------------------------------------------------------------
// valid payloads per action, from the exchange's state and the caller

const requestPayloads = (type: string, s: RequestState, viewer: Viewer, directory: Directory): ReadonlyArray<Record<string, unknown>> => {
  const me = viewer.kind === 'user' ? viewer.authority : undefined
  const facts = requestFacts(s, viewer, directory, {})
  const linkedTo = (id: AuthorityId | undefined) => {
    const a = id === undefined ? undefined : directory.authority(id)
    return a === undefined ? [] : (requestAccess(a, PQ)?.linkedCoordinators ?? [])
  }
  const colleagues = directory
    .authorities()
    .filter((a) => me !== undefined && a.memberState === me.memberState && a.id !== me.id && a.id !== s.responding.authorityId && canUseRequestWorkflow(a, PQ) && !isRequestCoordinator(a, PQ))
  const active = s.questions.filter((q) => q.movedTo === undefined).map((q) => q.questionId)
  switch (type) {
    case 'request.edit':
      return [{ justification: en('Verification of the diploma.') }]
    case 'request.return':
    case 'request.return-reply':
      return [{ suggestions: en('Please make the question clearer.') }]
    case 'request.accept': {
      const linked = linkedTo(me?.id)
      return [linked.length > 1 ? { coordinator: linked[0] } : {}]
    }
    case 'request.refuse':
      return [{ justification: de('Keine zuständige Behörde.'), noOtherCompetentAuthority: true }]
    case 'request.forward':
      return colleagues.map((c) => ({ to: c.id, justification: de('Zuständigkeit der Kammer.') }))
    case 'request.split':
      return active.length < 2 ? [] : colleagues.map((c) => ({ to: c.id, justification: de('Teilweise zuständig.'), questions: [active[0]], attachments: [] }))
    case 'request.save-reply':
      return [{ answers: active.slice(0, 1).map((questionId) => ({ questionId, answerId: 'yes' })) }]
    case 'request.reply':
      return [{ answers: active.map((questionId) => ({ questionId, answerId: 'yes' })) }, {}]
    case 'request.add-message':
      return [{ text: en('A precision.') }]
    case 'request.add-attachment':
      return [{ attachment: { fileName: 'extra.pdf', mediaType: 'application/pdf', size: 1000, contentRef: 'blob:extra', relevance: 'evidence-of-qualifications' } }]
    case 'request.change-coordinator':
      return facts.coordinatorSides.flatMap((side) => linkedTo(side === 'requesting' ? s.requesting.authorityId : s.responding.authorityId).map((coordinator) => ({ side, coordinator })))
    case 'request.allocate':
      return facts.allocatableSides.flatMap((side) => {
        const id =
          side === 'requesting' ? s.requesting.authorityId
          : side === 'responding' ? s.responding.authorityId
          : side === 'requesting-coordinator' ? s.requesting.coordinatorId
          : s.responding.coordinatorId
        const role = side.endsWith('coordinator') ? 'referee' : 'request-handler'
        const user = id === undefined ? undefined : directory.usersOf(id).find((u) => hasRequestRole(u, PQ, role))
        return user === undefined ? [] : [{ side, users: [user.id] }]
      })
    case 'request.request-additional-info':
      return [{ justification: en('Please complete the reply.'), questions: active.slice(0, 1) }]
    case 'request.reject-additional-info':
    case 'request.maintain-position':
      return [{ justification: de('Die Antwort ist vollständig.') }]
    case 'request.find-reply-satisfactory':
    case 'request.find-reply-unsatisfactory':
      return [{}, { comment: en('Seen by the coordinator.') }]
    case 'request.copy':
      return [{ include: { addressee: true, questions: true, attachments: true, caseData: true } }]
    case 'request.record-contrary-decision':
      return [{ decidedOn: '2026-03-01', reference: 'C(2026) 1234' }]
    case 'request.remove-personal-data':
      return [{ reason: en("The data subject's erasure request."), requestedBy: 'data-subject' }]
    default:
      return [{}]
  }
}

const alertPayloads = (type: string, s: AlertState, viewer: Viewer, directory: Directory): ReadonlyArray<Record<string, unknown>> => {
  const me = viewer.kind === 'user' ? viewer.authority : undefined
  const reachable = me === undefined ? [] : reachableCoordinators(directory, me)
  const pending = s.information.filter((i) => i.status === 'submitted').map((i) => ({ informationId: i.id }))
  switch (type) {
    case 'alert.edit':
    case 'alert.modify':
      return [{ serviceActivity: 'Patient transport by ambulance' }]
    case 'alert.forward-to-coordinator':
      return [A.frNimic, A.frDimic].filter((c) => c !== s.selectedCoordinator).map((coordinator) => ({ coordinator }))
    case 'alert.add-recipient-states':
      return (['IT', 'DE', 'FR'] as const).filter((m) => !s.content.recipientStates.includes(m)).map((m) => ({ memberStates: [m] }))
    case 'alert.forward-within-state':
      return directory
        .authorities()
        .filter((a) => me !== undefined && a.memberState === me.memberState && a.id !== me.id && a.id !== s.initiatingAuthority && canUseAlertWorkflow(a) && !s.recipients.some((r) => r.authorityId === a.id && !r.removed))
        .map((a) => ({ authorities: [a.id] }))
    case 'alert.remove-recipient':
      return s.recipients.filter((r) => r.kind === 'forwarded' && !r.removed && !r.hasActed).map((r) => ({ authorityId: r.authorityId }))
    case 'alert.change-establishment':
      return [{ establishment: s.content.establishment === 'IT' ? 'DE' : 'IT' }, { establishment: null }]
    case 'alert.submit-information':
      return reachable.flatMap((coordinator) => ['general', 'objection'].map((kind) => ({ kind, coordinator, text: en('The provider still operates in Lyon.') })))
    case 'alert.edit-information':
      return pending.map((p) => ({ ...p, text: en('The provider still operates in Lyon and Nice.') }))
    case 'alert.delete-information':
    case 'alert.broadcast-information':
      return pending
    case 'alert.propose-withdrawal':
      return [{ reason: en('The evidence was wrong.') }]
    case 'alert.propose-closure':
      return reachable.map((coordinator) => ({ coordinator, text: en('The provider ceased trading.') }))
    case 'alert.comment':
      return [{ text: en('We agree with the closure.') }]
    case 'alert.edit-closure-proposal':
      return [{ text: en('The provider ceased trading in May.') }]
    case 'alert.broadcast-closure-proposal':
      return [{ includedComments: (s.closure?.comments ?? []).map((c) => c.id) }]
    case 'alert.remove-personal-data':
      return [{ reason: en("The provider's erasure request.") }]
    default:
      return [{}]
  }
}

// ---------------------------------------------------------------------------------------------
// the sweep

/** Nobody, a caller the directory does not know, and every fixture user. */
const VIEWERS: ReadonlyArray<UserId | undefined> = [undefined, 'ghost-user' as UserId, ...Object.values(U)]
const who = (v: UserId | undefined) => v ?? '(no caller)'
const known = (x: Srv, v: UserId | undefined): v is UserId => v !== undefined && x.directory.user(v) !== undefined

/** Plain JSON, as it crosses the wire. */
const wire = (u: unknown): unknown => JSON.parse(JSON.stringify(u)) as unknown

/** Problems found, each naming the scenario, the caller and the route; the sweep expects none. */
type Problems = string[]

/** The answer must be what the core answered: its value (as JSON), or its error with the status of that error. */
const same = async (problems: Problems, what: string, res: Response, core: E.Either<DomainError, unknown>): Promise<void> => {
  const body = (await res.json()) as { error?: { code?: string } }
  if (E.isLeft(core)) {
    if (res.status !== statusOf(core.left) || body.error?.code !== core.left.code) problems.push(`${what}: ${res.status} ${body.error?.code ?? ''}, the core says ${core.left.code}`)
  } else if (res.status !== 200 || JSON.stringify(body) !== JSON.stringify(wire(core.right))) problems.push(`${what}: ${res.status} differs from the core`)
}

/** Comments as the core's view shows them: structured messages, information, closure comments. */
const commentsIn = (view: { content?: unknown }): unknown => {
  const c = view.content as { messages?: unknown; information?: unknown; closure?: { comments?: unknown } } | undefined
  if (c === undefined || c === null || typeof c !== 'object') return { messages: [] }
  return {
    ...(Array.isArray(c.messages) ? { messages: c.messages } : {}),
    ...(Array.isArray(c.information) ? { information: c.information } : {}),
    ...(Array.isArray(c.closure?.comments) ? { closureComments: c.closure.comments } : {}),
  }
}

/**
 * A fingerprint of everything written: the events of every stream, in order. A command commits its
 * events, summaries, timers and notifications in one unit, so an unchanged log means nothing was written.
 */
const everything = async (x: Srv): Promise<string> => (await x.storage.events.readAll(0, 1_000_000)).map((e) => `${e.position}:${e.streamId}:${e.version}`).join(',')

const attachmentIdsOf = (view: unknown): ReadonlyArray<string> => {
  const atts = (view as { content?: { attachments?: ReadonlyArray<{ id?: unknown }> } }).content?.attachments ?? []
  return atts.flatMap((a) => (typeof a.id === 'string' ? [a.id] : []))
}

/** The routes of the exchange API, which the sweep compares with the core one by one. */
const EXCHANGE_API: ReadonlySet<string> = new Set([
  'getOpenApi', 'createExchange', 'getExchange', 'executeCommand', 'getAvailableActions', 'getHistory', 'getComments', 'addComment',
  'downloadAttachment', 'uploadAttachment', 'getDashboard', 'getActionList', 'search', 'exportSearch', 'searchAuthorities', 'getMe',
  // Reports: who may produce and read which is proved against the core in reports-routes.test.ts.
  'getReportKinds', 'createReport', 'listReports', 'downloadReport', 'deleteReport',
])

/**
 * Every other route (sign-in, administration): answered below 500 with a typed error when refused,
 * writing nothing to any exchange, and granting nothing administrative on a server that names no
 * administrator and has no built-in login.
 */
const sweepOthers = async (problems: Problems, sc: Scenario, x: Srv, v: UserId | undefined): Promise<void> => {
  for (const r of ROUTES.filter((r) => !EXCHANGE_API.has(r.operationId))) {
    const at = `${sc.name} | ${who(v)} | ${r.method} ${r.path}`
    const before = await everything(x)
    const res = await x.call(v, r.method, r.path.replace(':id', r.path.startsWith('/users') ? U.frHandler : '1'), r.method === 'POST' ? {} : undefined)
    const text = await res.text()
    if (res.status >= 500) problems.push(`${at}: ${res.status}`)
    else if (res.status >= 400 && typeof (JSON.parse(text) as { error?: { code?: unknown } }).error?.code !== 'string') problems.push(`${at}: ${res.status} without a typed error`)
    else if (res.status < 400 && r.authenticated) problems.push(`${at}: granted (${res.status}) with no administrator and no login configured`)
    if ((await everything(x)) !== before) problems.push(`${at}: something was written`)
  }
}

/** Reads: every GET route for one caller, against the core. */
const sweepReads = async (problems: Problems, sc: Scenario, { x, id }: Built, v: UserId | undefined, attachments: ReadonlyArray<string>): Promise<void> => {
  const at = (route: string) => `${sc.name} | ${who(v)} | ${route}`
  await sweepOthers(problems, sc, x, v)
  if (!known(x, v)) {
    for (const r of ROUTES.filter((r) => r.authenticated)) {
      const res = await x.call(v, r.method, r.path.replace(':id', id).replace(':attachmentId', attachments[0] ?? 'a'), r.method === 'POST' ? {} : undefined)
      const body = (await res.json()) as { error?: { code?: string } }
      if (res.status !== 401 || body.error?.code !== 'http.unauthenticated') problems.push(`${at(`${r.method} ${r.path}`)}: ${res.status} without a known caller`)
    }
    if ((await x.call(v, 'GET', '/openapi.json')).status !== 200) problems.push(at('GET /openapi.json'))
    return
  }
  const actor = x.actor(v)
  const local = x.local(v)
  const view = await x.app.view(actor, id)
  await same(problems, at('GET /exchanges/:id'), await x.call(v, 'GET', `/exchanges/${id}`), view)
  await same(problems, at('GET /exchanges/:id/actions'), await x.call(v, 'GET', `/exchanges/${id}/actions`), E.map((actions: unknown) => ({ actions }))(await x.app.availableActions(actor, id)))
  await same(problems, at('GET /exchanges/:id/history'), await x.call(v, 'GET', `/exchanges/${id}/history`), E.map((w: { history: unknown }) => ({ history: w.history }))(view))
  await same(problems, at('GET /exchanges/:id/comments'), await x.call(v, 'GET', `/exchanges/${id}/comments`), E.map(commentsIn)(view))
  // Attachments: served exactly when the caller's view lists them, with the bytes uploaded.
  const visible = E.isRight(view) ? attachmentIdsOf(view.right) : []
  for (const a of [...attachments, 'no-such-attachment']) {
    const res = await x.call(v, 'GET', `/exchanges/${id}/attachments/${a}`)
    const text = await res.text()
    if (visible.includes(a) ? res.status !== 200 || text !== DOCUMENT : res.status !== 404) problems.push(`${at(`GET attachment ${a}`)}: ${res.status}, the view ${visible.includes(a) ? 'shows' : 'hides'} it`)
  }
  await same(problems, at('GET /dashboard'), await x.call(v, 'GET', '/dashboard'), await local.dashboard())
  await same(problems, at('GET /action-list'), await x.call(v, 'GET', '/action-list'), E.map((items: unknown) => ({ items }))(await local.actionList()))
  for (const procedure of [undefined, requestForInformation.id, testAlertProcedure.id]) {
    const query = procedure === undefined ? '' : `?procedure=${procedure}`
    const input = { sort: 'updated-desc', limit: 20, ...(procedure === undefined ? {} : { procedure }) } as const
    const core = await local.search(input)
    await same(problems, at(`GET /search${query}`), await x.call(v, 'GET', `/search${query}`), core)
    await same(problems, at(`GET /search/export${query}`), await x.call(v, 'GET', `/search/export${query}`), core)
  }
  await same(problems, at('GET /authorities'), await x.call(v, 'GET', '/authorities?memberState=DE'), E.map((items: unknown) => ({ items }))(await local.authorities({ memberState: 'DE' })))
  const me = (await (await x.call(v, 'GET', '/me')).json()) as { userId?: string; authorityId?: string }
  if (me.userId !== v || me.authorityId !== x.directory.user(v)?.authorityId) problems.push(`${at('GET /me')}: ${JSON.stringify(me)}`)
  if ((await x.call(v, 'GET', '/openapi.json')).status !== 200) problems.push(at('GET /openapi.json'))
}

interface Tally {
  listed: number
  accepted: number
  refused: number
}

/** Writes: every action of the procedure, for one caller; accepted iff listed. */
const sweepCommands = async (problems: Problems, tally: Tally, sc: Scenario, base: Built, v: UserId): Promise<void> => {
  const { x, id } = base
  const actor = x.actor(v)
  const listed = E.getOrElse((): ReadonlyArray<string> => [])(await x.app.availableActions(actor, id))
  const loaded = await x.app.load(id)
  if (E.isLeft(loaded)) throw new Error(`${sc.name}: the exchange cannot be loaded`)
  const viewer = viewerOf(x.directory, actor)
  // Every action of the procedure, and the creation of the other procedure: none may run through this path.
  const actions = sc.procedure === 'request' ? [...REQUEST_ACTIONS, 'alert.create'] : [...ALERT_ACTIONS, 'request.create']
  const payloadsOf = (type: string): ReadonlyArray<Record<string, unknown>> => {
    if (viewer === undefined) return [{}]
    // Complete drafts, which the core would accept on POST /exchanges.
    if (type === 'request.create' || type === 'alert.create') {
      const { type: _type, ...fields } = type === 'request.create' ? pqDraft() : alertDraft()
      return [fields]
    }
    const p = type.startsWith('request.') ? requestPayloads(type, loaded.right.state as RequestState, viewer, x.directory) : alertPayloads(type, loaded.right.state as AlertState, viewer, x.directory)
    return p.length === 0 ? [{}] : p
  }
  const at = (type: string) => `${sc.name} | ${v} | POST ${type}`
  for (const type of actions) {
    if (listed.includes(type)) {
      tally.listed += 1
      // A listed action runs on a fresh copy of the exchange, with each valid payload until one passes.
      const tried: string[] = []
      let accepted = false
      for (const payload of payloadsOf(type)) {
        const copy = await build(sc)
        const res = await copy.x.call(v, 'POST', `/exchanges/${id}/commands`, { ...payload, type })
        const body = (await res.json()) as { exchangeId?: string; version?: number; error?: { code?: string } }
        if (res.status === 200) {
          accepted = body.exchangeId === id
          if (!accepted) tried.push(`answered for ${body.exchangeId ?? '?'}`)
          break
        }
        tried.push(`${res.status} ${body.error?.code ?? ''}`)
      }
      if (accepted) tally.accepted += 1
      else problems.push(`${at(type)}: listed by availableActions but refused (${tried.join('; ')})`)
    } else {
      // An unlisted action is refused whatever its payload, and nothing at all is written.
      for (const payload of payloadsOf(type)) {
        const before = await everything(x)
        const res = await x.call(v, 'POST', `/exchanges/${id}/commands`, { ...payload, type })
        const body = (await res.json()) as { error?: { code?: string } }
        tally.refused += 1
        if (res.status < 400 || res.status >= 500 || typeof body.error?.code !== 'string') problems.push(`${at(type)}: not listed by availableActions, answered ${res.status}`)
        if ((await everything(x)) !== before) problems.push(`${at(type)}: refused, yet something was written`)
      }
    }
  }
  // A comment through its own route is a structured message: accepted iff `request.add-message` is listed.
  const before = await everything(x)
  const copy = listed.includes('request.add-message') ? await build(sc) : base
  const res = await copy.x.call(v, 'POST', `/exchanges/${id}/comments`, { text: en('A comment.') })
  if ((res.status === 200) !== listed.includes('request.add-message')) problems.push(`${sc.name} | ${v} | POST /exchanges/:id/comments: ${res.status}`)
  if (copy === base && (await everything(x)) !== before) problems.push(`${sc.name} | ${v} | POST /exchanges/:id/comments: refused, yet something was written`)
}

describe('authorisation over HTTP: every route × every viewer kind', () => {
  const total = { listed: 0, accepted: 0 }
  it.each(SCENARIOS.map((sc) => [sc.name, sc] as const))('%s: reads equal the core, commands are accepted iff availableActions lists them', async (_name, sc) => {
    const base = await build(sc)
    // The attachments of the exchange, as its most privileged viewers see them.
    const attachments = [...new Set((await Promise.all([U.frHandler, U.deHandler].map((u) => base.x.app.view(base.x.actor(u), base.id)))).flatMap((r) => (E.isRight(r) ? attachmentIdsOf(r.right) : [])))]
    if (sc.procedure === 'request') expect(attachments.length).toBeGreaterThan(0)
    const problems: Problems = []
    const tally: Tally = { listed: 0, accepted: 0, refused: 0 }
    for (const v of VIEWERS) {
      await sweepReads(problems, sc, base, v, attachments)
      if (known(base.x, v)) await sweepCommands(problems, tally, sc, base, v)
    }
    console.log(`authorization: ${sc.name}: ${VIEWERS.length} callers × ${ROUTES.length} routes; ${tally.listed} listed actions, ${tally.accepted} accepted; ${tally.refused} unlisted commands refused; ${problems.length} problems`)
    expect(problems).toEqual([])
    expect(tally.refused).toBeGreaterThan(0)
    total.listed += tally.listed
    total.accepted += tally.accepted
  }, 60_000)

  it('reached the core: the callers of the scenarios could act', () => {
    expect(total.accepted).toBeGreaterThan(100)
    expect(total.accepted).toBe(total.listed)
  })

  it('tells an outsider nothing of an exchange it may not see, whatever command it sends', async () => {
    const { x, id } = await build(SCENARIOS[0] as Scenario)
    const answers = new Set<string>()
    for (const [exchange, type] of [
      [id, 'request.add-message'],
      [id, 'request.send'],
      [id, 'request.create'],
      [id, 'alert.create'],
      [id, 'nothing.at-all'],
      ['no-such-exchange', 'request.add-message'],
    ] as const) {
      const res = await x.call(U.itHandler, 'POST', `/exchanges/${exchange}/commands`, { type, text: en('Hello?') })
      const body = (await res.json()) as { error: { code: string; message: string; details?: unknown } }
      answers.add(JSON.stringify([res.status, body.error.code, body.error.message.replace(exchange, '<id>')]))
    }
    expect([...answers]).toEqual([JSON.stringify([404, 'exchange.not-found', 'There is no exchange <id> you may see'])])
  })

  it('creates drafts for exactly the callers the core lets create them', async () => {
    const problems: Problems = []
    let created = 0
    for (const v of VIEWERS) {
      for (const draft of [pqDraft(), alertDraft()]) {
        const viaHttp = server(worldData())
        const direct = server(worldData())
        const res = await viaHttp.call(v, 'POST', '/exchanges', draft)
        const body = (await res.json()) as { exchangeId?: string; error?: { code?: string } }
        if (!known(viaHttp, v)) {
          if (res.status !== 401) problems.push(`${who(v)} | create ${draft.type}: ${res.status} without a known caller`)
          continue
        }
        const core = await direct.app.execute(direct.actor(v), draft)
        if (E.isRight(core)) {
          created += 1
          if (res.status !== 201 || body.exchangeId !== core.right.exchangeId) problems.push(`${v} | create ${draft.type}: ${res.status}, the core creates ${core.right.exchangeId}`)
        } else if (res.status !== statusOf(core.left) || body.error?.code !== core.left.code) problems.push(`${v} | create ${draft.type}: ${res.status} ${body.error?.code ?? ''}, the core says ${core.left.code}`)
        // Uploads need a signed-in caller, nothing more.
        const up = await viaHttp.call(v, 'POST', '/attachments', DOCUMENT, 'text/plain')
        if (up.status !== 201) problems.push(`${v} | upload: ${up.status}`)
      }
    }
    console.log(`authorization: creation by ${VIEWERS.length} callers, ${created} drafts the core allows, ${problems.length} problems`)
    expect(problems).toEqual([])
    expect(created).toBeGreaterThan(0)
  })
})
