/**
 * Laws of the alert procedure over random command sequences (CONVENTIONS §15, second style).
 *
 * Each run builds a directory from the fixture world with random alert parameters (final approval
 * on some coordinators, an extra incoming mailbox, the links of the competent authorities, alert
 * roles granted and taken away, now and then an authority whose alert access is inactive), seeds a
 * draft alert from a random initiating authority to random recipient states, then plays 5 to 40
 * commands by any fixture user or the system, moving the clock on between them by a minute, hours,
 * days, or the months after which personal data is blocked and erased. Most steps are steered (a user
 * of an authority taking part in the alert, an action its toolbar offers) so that runs reach the
 * closure statuses and retention; the others take anyone, any action and noisy payloads.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type {
  Actor,
  AlertAction,
  AlertContentView,
  AlertEvent,
  AlertState,
  AlertUserRole,
  AuthorityId,
  DirectoryData,
  DomainError,
  ExchangeId,
  ExchangeView,
  IdSource,
  MemberState,
  Notification,
  UserId,
  Viewer,
} from '../../index.js'
import {
  ALERT_ACTIONS,
  ALERT_CRITERIA,
  ALERT_STATUSES,
  AlertContentViewCodec,
  SYSTEM,
  alertParticipants,
  checkDirectory,
  collectPersonalData,
  isDomainError,
  isListedFor,
  isRedacted,
  listedStatus,
  listingScope,
  reachableCoordinators,
  sequentialIds,
  viewerOf,
} from '../../index.js'
import type { Harness } from '../../testing/index.js'
import { A, ALERT_START, U, createHarness, testAlertProcedure, withAlertAccess, withUser, world, worldData } from '../../testing/index.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const procedure = testAlertProcedure
/** Put in every personal-data field of the runs; found nowhere else. */
const SENTINEL = 'zq-alert-pd-4d1e'
/** 100 random scenarios per law in the suite; `IMI_PROP_RUNS=1500 npx vitest run …` for a deeper run. */
const RUNS = Number(process.env.IMI_PROP_RUNS) || 100
/** A failing property shrinks, but never for longer than the test may run. */
const LIMITS = { numRuns: RUNS, interruptAfterTimeLimit: Math.max(50_000, RUNS * 500), markInterruptAsFailure: true } as const
const TIMEOUT = LIMITS.interruptAfterTimeLimit + 10_000
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const USERS: ReadonlyArray<UserId> = Object.values(U)
const AUTHORITIES: ReadonlyArray<AuthorityId> = Object.values(A)
/** The alert coordinators of the fixture world (the NIMICs are their states' mailboxes). */
const COORDINATORS = [A.frNimic, A.frDimic, A.deNimic, A.deDimic, A.itNimic] as const
/** States of the fixture world, and two without any alert mailbox. */
const STATES: ReadonlyArray<MemberState> = ['FR', 'DE', 'IT', 'AT', 'BE']
const ROLES: ReadonlyArray<AlertUserRole> = ['alert-viewer', 'alert-handler', 'alert-broadcaster']
const LANGUAGES = ['fr', 'de', 'en', 'it'] as const
/** Free texts of the runs; notifications must repeat none of them (MAIL-ALERT-NO-CONTENT). */
const TEXTS = [
  'Le prestataire exerce toujours à Lyon.',
  'Der Dienstleister ist weiterhin in Stuttgart tätig.',
  'The provider ceased trading in May.',
  'Il prestatore opera anche a Milano.',
] as const
const COMMENT_PHASE: ReadonlyArray<string> = ['closure-open-for-comments', 'closure-awaiting-broadcast']
const STABLE_CODE = /^[a-z]+\.[a-z0-9-]+$/
const RULE_ID = /^[A-Z]+(-[A-Z0-9]+)+$/
/** Codes by which decide says who may act or when: never for an action the toolbar offers. */
const GUARD_CODES: ReadonlyArray<string> = ['alert.wrong-status', 'alert.not-allowed']
/** Actions that end an alert, or send it back; steered steps draw them less often. */
const REWINDING: ReadonlyArray<AlertAction> = [
  'alert.delete',
  'alert.propose-withdrawal',
  'alert.cancel-withdrawal',
  'alert.cancel-closure-proposal',
  'alert.delete-information',
]
/** Actions run by timers, as the system. */
const SYSTEM_ACTIONS: ReadonlyArray<AlertAction> = ['alert.end-comment-period', 'alert.end-objection-period', 'alert.block-personal-data', 'alert.erase-personal-data']
/** Actions that take an alert to its next status, or its personal data to the next retention step. */
const MAIN_LINE: ReadonlyArray<AlertAction> = [
  'alert.submit',
  'alert.accept',
  'alert.broadcast',
  'alert.acknowledge',
  'alert.propose-closure',
  'alert.end-comment-period',
  'alert.broadcast-closure-proposal',
  'alert.end-objection-period',
  'alert.close',
  'alert.broadcast-withdrawal',
  'alert.block-personal-data',
  'alert.erase-personal-data',
]
/** Actions that do not move an alert on; steered steps prefer the others. */
const HOUSEKEEPING: ReadonlyArray<AlertAction> = [
  'alert.edit',
  'alert.modify',
  'alert.edit-information',
  'alert.edit-closure-proposal',
  'alert.change-establishment',
  'alert.add-recipient-states',
  'alert.forward-to-coordinator',
]

// ---------------------------------------------------------------------------------------------
// directories

interface DirectoryParams {
  readonly finalApproval: ReadonlyArray<boolean>
  readonly extraMailbox: AuthorityId | undefined
  /** How many coordinators the French and German competent authorities are linked to (1 or 2). */
  readonly frLinked: number
  readonly deLinked: number
  readonly roles: ReadonlyArray<{ readonly user: UserId; readonly roles: ReadonlyArray<AlertUserRole> }>
  readonly inactive: AuthorityId | undefined
}

const rarely = fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) })

const directoryArb: fc.Arbitrary<DirectoryParams> = fc.record({
  finalApproval: fc.array(rarely, { minLength: COORDINATORS.length, maxLength: COORDINATORS.length }),
  extraMailbox: fc.constantFrom<AuthorityId | undefined>(undefined, undefined, undefined, A.frDimic, A.deDimic),
  frLinked: fc.constantFrom(1, 2, 2),
  deLinked: fc.constantFrom(1, 2, 2),
  roles: fc.array(fc.record({ user: fc.constantFrom(...USERS), roles: fc.subarray([...ROLES]) }), { maxLength: 4 }),
  inactive: fc.constantFrom<AuthorityId | undefined>(undefined, undefined, undefined, undefined, A.frCa2, A.deCa2, A.itCa),
})

const isCoordinator = (id: AuthorityId | undefined): boolean => (COORDINATORS as ReadonlyArray<AuthorityId | undefined>).includes(id)

const buildData = (p: DirectoryParams): DirectoryData => {
  let data = worldData()
  COORDINATORS.forEach((id, i) => {
    data = withAlertAccess(data, id, (a) => ({ ...a, finalApproval: p.finalApproval[i] === true }))
  })
  if (p.extraMailbox !== undefined) data = withAlertAccess(data, p.extraMailbox, (a) => ({ ...a, incomingMailbox: true }))
  data = withAlertAccess(data, A.frCa, (a) => ({ ...a, linkedCoordinators: p.frLinked === 1 ? [A.frNimic] : [A.frNimic, A.frDimic] }))
  data = withAlertAccess(data, A.deCa, (a) => ({ ...a, linkedCoordinators: p.deLinked === 1 ? [A.deDimic] : [A.deNimic, A.deDimic] }))
  for (const r of p.roles) {
    const authority = data.users.find((u) => u.id === r.user)?.authorityId
    // Only users of alert coordinators may be broadcasters (ACT-BROADCASTER-ALERT-COORD).
    const roles = isCoordinator(authority) ? r.roles : r.roles.filter((x) => x !== 'alert-broadcaster')
    data = withUser(data, r.user, (u) => ({ ...u, alertRoles: roles }))
  }
  if (p.inactive !== undefined) data = withAlertAccess(data, p.inactive, (a) => ({ ...a, status: 'inactive' }))
  return data
}

// ---------------------------------------------------------------------------------------------
// payloads

const textArb = fc.record({
  text: fc.constantFrom(...TEXTS),
  language: fc.oneof({ weight: 12, arbitrary: fc.constantFrom<string | undefined>(...LANGUAGES) }, { weight: 1, arbitrary: fc.constantFrom<string | undefined>(undefined, 'xx') }),
})
const toText = (t: { readonly text: string; readonly language: string | undefined }) =>
  t.language === undefined ? { text: `${t.text} ${SENTINEL}` } : { text: `${t.text} ${SENTINEL}`, language: t.language }
/** A text for the payloads built for law (c): valid, and personal data like every other. */
const TEXT = { text: `${TEXTS[2]} ${SENTINEL}`, language: 'en' }
const PROVIDER = { name: `Ambulances Express ${SENTINEL}`, address: `12 rue de la Paix ${SENTINEL}` }
/** The reason of an early removal: kept in the history after the erasure, so never personal data (RET-EARLY-REMOVAL). */
const REMOVAL_REASON = { text: "The provider's erasure request under Art. 17 GDPR.", language: 'en' }

/** What a payload may draw on besides chance: the alert as it stands, the actor and the directory. */
interface PayloadEnv {
  readonly state: AlertState | undefined
  readonly viewer: Viewer | undefined
  readonly directory: ReturnType<typeof world>
}

const myReachable = (env: PayloadEnv): ReadonlyArray<AuthorityId> =>
  env.viewer?.kind === 'user' ? reachableCoordinators(env.directory, env.viewer.authority) : []

/**
 * The payloads built for an action: valid ones where any exists, and enough of them that an action
 * some payload makes acceptable is accepted with one of them (law c).
 */
const candidates = (type: AlertAction, env: PayloadEnv, exhaustive: boolean): ReadonlyArray<Record<string, unknown>> => {
  const s = env.state
  if (s === undefined) return []
  const pending = s.information.filter((i) => i.status === 'submitted').map((i) => i.id)
  const initiating = env.directory.authority(s.initiatingAuthority)
  // Law (c) also tries a coordinator the actor may not reach; random steps mostly do not.
  const coordinators = exhaustive ? [...new Set([...myReachable(env), A.itNimic])] : myReachable(env)
  const me = env.viewer?.kind === 'user' ? env.viewer.authority : undefined
  const mine = (ids: ReadonlyArray<AuthorityId>) => (exhaustive ? ids : ids.filter((id) => env.directory.authority(id)?.memberState === me?.memberState))
  switch (type) {
    case 'alert.edit':
      // Random steps also complete a draft that misses something.
      return exhaustive || s.status !== 'draft' ? [{ serviceActivity: 'Patient transport by ambulance' }] : [{ checklist: ALERT_CRITERIA.map((c) => c.id), caseDescription: TEXT }]
    case 'alert.modify':
      return [{ serviceActivity: 'Patient transport by ambulance' }]
    case 'alert.submit':
      return [{}, ...(initiating === undefined ? [] : reachableCoordinators(env.directory, initiating)).map((coordinator) => ({ coordinator }))]
    case 'alert.forward-to-coordinator':
      return mine(AUTHORITIES).map((coordinator) => ({ coordinator }))
    case 'alert.add-recipient-states':
      return (exhaustive ? STATES : STATES.filter((m) => !s.content.recipientStates.includes(m))).map((m) => ({ memberStates: [m] }))
    case 'alert.forward-within-state':
      return mine(AUTHORITIES).map((id) => ({ authorities: [id] }))
    case 'alert.remove-recipient':
      return s.recipients.map((r) => ({ authorityId: r.authorityId }))
    case 'alert.change-establishment':
      return [{ establishment: null }, { establishment: 'FR' }, { establishment: 'DE' }]
    case 'alert.submit-information':
      return coordinators.flatMap((coordinator) =>
        (exhaustive || s.status === 'closure-open-for-objections' ? ['general', 'objection'] : ['general']).map((kind) => ({ kind, coordinator, text: TEXT })),
      )
    case 'alert.edit-information':
      return pending.map((informationId) => ({ informationId, text: TEXT }))
    case 'alert.delete-information':
    case 'alert.broadcast-information':
      return pending.map((informationId) => ({ informationId }))
    case 'alert.propose-withdrawal':
      return [{ reason: TEXT }]
    case 'alert.propose-closure':
      return coordinators.map((coordinator) => ({ coordinator, text: TEXT }))
    case 'alert.comment':
    case 'alert.edit-closure-proposal':
      return [{ text: TEXT }]
    case 'alert.broadcast-closure-proposal':
      return [{ includedComments: [] }]
    case 'alert.remove-personal-data':
      return [{ reason: REMOVAL_REASON, requestedBy: 'data-subject' }, { reason: REMOVAL_REASON }]
    default:
      return [{}]
  }
}

/**
 * The refusals an offered action may still meet, by the rules that name what its payload or the
 * directory must be; none for the others: an offered action is never refused for who or when.
 */
const PAYLOAD_RULES: Partial<Record<AlertAction, ReadonlyArray<string>>> = {
  'alert.submit': ['ALERT-SUBMIT-CHECKLIST', 'ALERT-SUBMIT-CONTENT', 'ALERT-SUBMIT-COORDINATOR', 'ALERT-SUBMIT-RECIPIENT-MS', 'ACT-MAILBOX-MIN-ONE'],
  'alert.forward-to-coordinator': ['ALERT-FORWARD-COORDINATOR', 'ALERT-WITHIN-MS-ACTIONS'],
  'alert.add-recipient-states': ['ALERT-WITHIN-MS-ACTIONS', 'ALERT-ADD-MS-AFTER-BROADCAST', 'ACT-MAILBOX-MIN-ONE'],
  'alert.broadcast': ['ACT-MAILBOX-MIN-ONE'],
  'alert.forward-within-state': ['ALERT-MAILBOX-FIRST-FORWARD', 'ALERT-WITHIN-MS-ACTIONS', 'ALERT-COORD-ADDS-RECIPIENTS'],
  'alert.submit-information': ['ALERT-INFO-TARGET-COORD', 'ALERT-OBJECTION-IN-PERIOD', 'ALERT-OBJECTION-WHO'],
  'alert.propose-closure': ['ALERT-CLOSURE-COORDINATOR'],
  // The due date of retention is the timer's, not the machine's.
  'alert.block-personal-data': ['RET-ALERT-PD-PURGE', 'RET-WITHDRAWN-PD-PURGE'],
  'alert.erase-personal-data': ['RET-ALERT-PD-PURGE', 'RET-WITHDRAWN-PD-PURGE', 'RET-DELETE-THREE-YEARS'],
}

const draftArb = (creator: UserId, directory: ReturnType<typeof world>) => {
  const own = directory.authority(directory.user(creator)?.authorityId as AuthorityId)
  const reachable = own === undefined ? [] : reachableCoordinators(directory, own)
  const others = STATES.slice(0, 3).filter((m) => m !== own?.memberState)
  return fc
    .record({
      recipientStates: fc.oneof({ weight: 8, arbitrary: fc.subarray(others, { minLength: 1 }) }, { weight: 1, arbitrary: fc.subarray([...STATES]) }),
      establishment: fc.constantFrom<MemberState | null | undefined>('FR', 'DE', 'IT', null, undefined),
      coordinator: fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom<AuthorityId | undefined>(...(reachable.length === 0 ? [undefined] : reachable)) },
        { weight: 1, arbitrary: fc.constantFrom<AuthorityId | undefined>(undefined, ...COORDINATORS) },
      ),
      checklist: fc.oneof({ weight: 15, arbitrary: fc.constant(ALERT_CRITERIA.map((c) => c.id)) }, { weight: 1, arbitrary: fc.subarray(ALERT_CRITERIA.map((c) => c.id)) }),
      caseDescription: fc.option(textArb, { nil: undefined, freq: 15 }),
    })
    .map((d) => ({
      type: 'alert.create',
      checklist: d.checklist,
      provider: PROVIDER,
      serviceActivity: 'Non-emergency patient transport',
      recipientStates: d.recipientStates,
      ...(d.establishment === undefined ? {} : { establishment: d.establishment }),
      ...(d.coordinator === undefined ? {} : { coordinator: d.coordinator }),
      ...(d.caseDescription === undefined ? {} : { caseDescription: toText(d.caseDescription) }),
    }))
}

/** Payloads drawn from chance: any authority, any state, texts with or without a language, fields missing. */
const noiseArb = (type: AlertAction): fc.Arbitrary<Record<string, unknown>> => {
  const authority = fc.constantFrom<string>(...AUTHORITIES, 'nowhere')
  const text = textArb.map(toText)
  const item = fc.constantFrom('h-i1', 'h-i2', 'h-i3', 'no-such-item')
  switch (type) {
    case 'alert.edit':
      return fc.record(
        { serviceActivity: fc.constantFrom('Transport', ' '), recipientStates: fc.subarray([...STATES]), coordinator: authority, provider: fc.constant(PROVIDER), caseDescription: text },
        { requiredKeys: [] },
      )
    case 'alert.modify':
      return fc.record({ provider: fc.constant(PROVIDER), caseDescription: text, serviceActivity: fc.constantFrom('Transport', '') }, { requiredKeys: [] })
    case 'alert.submit':
    case 'alert.forward-to-coordinator':
      return fc.record({ coordinator: authority }, { requiredKeys: [] })
    case 'alert.add-recipient-states':
      return fc.record({ memberStates: fc.subarray([...STATES, 'EU']) })
    case 'alert.forward-within-state':
      return fc.record({ authorities: fc.subarray([...AUTHORITIES, 'nowhere'], { maxLength: 3 }) })
    case 'alert.remove-recipient':
      return fc.record({ authorityId: authority })
    case 'alert.change-establishment':
      return fc.record({ establishment: fc.constantFrom<string | null>(...STATES, null, 'EU') })
    case 'alert.submit-information':
      return fc.record({ kind: fc.constantFrom('general', 'clarification-request', 'closure-suggestion', 'objection', 'gossip'), coordinator: authority, text }, { requiredKeys: ['kind'] })
    case 'alert.edit-information':
      return fc.record({ informationId: item, text })
    case 'alert.delete-information':
    case 'alert.broadcast-information':
      return fc.record({ informationId: item })
    case 'alert.propose-withdrawal':
      return fc.record({ reason: text }, { requiredKeys: [] })
    case 'alert.propose-closure':
      return fc.record({ coordinator: authority, text }, { requiredKeys: [] })
    case 'alert.comment':
    case 'alert.edit-closure-proposal':
      return fc.record({ text }, { requiredKeys: [] })
    case 'alert.broadcast-closure-proposal':
      return fc.record({ includedComments: fc.subarray(['h-i1', 'h-i2', 'h-i3', 'h-i4']) })
    case 'alert.remove-personal-data':
      return fc.record({ reason: fc.constantFrom<Record<string, string>>(REMOVAL_REASON, { text: ' ', language: 'en' }, { text: REMOVAL_REASON.text }), requestedBy: fc.constantFrom('data-subject', 'court', 'the neighbour') }, { requiredKeys: [] })
    default:
      return fc.constant({})
  }
}

const payloadArb = (type: AlertAction, env: PayloadEnv, creator: UserId): fc.Arbitrary<Record<string, unknown>> => {
  if (type === 'alert.create') return draftArb(creator, env.directory)
  const built = candidates(type, env, false)
  if (built.length === 0) return noiseArb(type)
  return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...built) }, { weight: 1, arbitrary: noiseArb(type) })
}

// ---------------------------------------------------------------------------------------------
// steps and sequences

/** How a step picks its actor, its alert, its action and how far the clock moves afterwards. */
const stepArb = fc.record({
  /** `involved`: a user of an authority taking part in the alert; else anyone, the system included. */
  actor: fc.oneof({ weight: 1, arbitrary: fc.constant('any') }, { weight: 5, arbitrary: fc.constant('involved') }),
  actorIndex: fc.nat(),
  exchange: fc.oneof({ weight: 16, arbitrary: fc.constant('main') }, { weight: 3, arbitrary: fc.constant('known') }, { weight: 1, arbitrary: fc.constant('unknown') }),
  exchangeIndex: fc.nat(),
  /**
   * `advance`: an offered action that takes the alert to its next status, if any; `progress`: an
   * offered action that moves it on; `offered`: any offered action; `any`: any action at all.
   */
  type: fc.oneof(
    { weight: 1, arbitrary: fc.constant('any') },
    { weight: 3, arbitrary: fc.constant('offered') },
    { weight: 4, arbitrary: fc.constant('progress') },
    { weight: 4, arbitrary: fc.constant('advance') },
  ),
  action: fc.constantFrom(...ALERT_ACTIONS),
  typeIndex: fc.nat(),
  advance: fc.oneof(
    { weight: 12, arbitrary: fc.constant(MINUTE) },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }).map((h) => h * HOUR) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 16 }).map((d) => d * DAY) },
    { weight: 1, arbitrary: fc.constantFrom(190 * DAY, 1100 * DAY) },
  ),
  /** Rarely, the directory changes before the command (roles and parameters are read at the moment of the action). */
  directory: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: directoryArb }),
})
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never

const sequenceArb = fc.record({
  directory: directoryArb,
  /** The coordinator's own handler launches now and then: one person then submits and broadcasts (ALERT-SUBMIT-BROADCAST-DISTINCT). */
  creator: fc.constantFrom(U.frAlertHandler, U.frAlertHandler, U.frNimicBroadcaster, U.frNimicBroadcaster, U.fr2AlertHandler, U.frLda, U.deAlertHandler, U.itAlertHandler),
  length: fc.integer({ min: 5, max: 40 }),
})
type Sequence = typeof sequenceArb extends fc.Arbitrary<infer S> ? S : never

// ---------------------------------------------------------------------------------------------
// a counting id source, so that decide can be re-run with a fresh source at the same position

interface CountingIds {
  readonly source: IdSource
  readonly position: () => { readonly x: number; readonly n: number; readonly i: number }
}
const countingIds = (prefix: string): CountingIds => {
  const inner = sequentialIds(prefix)
  const at = { x: 0, n: 0, i: 0 }
  return {
    source: {
      exchangeId: () => (at.x++, inner.exchangeId()),
      exchangeNumber: (p) => (at.n++, inner.exchangeNumber(p)),
      itemId: () => (at.i++, inner.itemId()),
    },
    position: () => ({ ...at }),
  }
}
/** A fresh `sequentialIds` with the same prefix, moved on to a position. */
const idsAt = (prefix: string, pos: { readonly x: number; readonly n: number; readonly i: number }): IdSource => {
  const ids = sequentialIds(prefix)
  for (let k = 0; k < pos.x; k += 1) ids.exchangeId()
  for (let k = 0; k < pos.n; k += 1) ids.exchangeNumber('ALERT')
  for (let k = 0; k < pos.i; k += 1) ids.itemId()
  return ids
}

// ---------------------------------------------------------------------------------------------
// resolving a step against the run so far

type Who = UserId | Actor

const pick = <T>(xs: ReadonlyArray<T>, i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length])
const viewerFor = (h: Harness<AlertState>, who: Who): Viewer | undefined => {
  if (typeof who !== 'string') return viewerOf(h.directory, who)
  const u = h.directory.user(who)
  return u === undefined ? undefined : viewerOf(h.directory, { kind: 'user', userId: who, authorityId: u.authorityId })
}
const involvedUsers = (h: Harness<AlertState>, s: AlertState): ReadonlyArray<UserId> => {
  const involved = new Set<AuthorityId>(alertParticipants(s))
  return USERS.filter((u) => involved.has(h.directory.user(u)?.authorityId as AuthorityId))
}
const anyone = (i: number): Who => (i % (USERS.length + 1) === USERS.length ? SYSTEM : (USERS[i % USERS.length] as UserId))

const resolveExchange = (h: Harness<AlertState>, step: Step, main: ExchangeId | undefined): ExchangeId => {
  if (step.exchange === 'unknown') return 'no-such-alert' as ExchangeId
  if (step.exchange === 'main' && main !== undefined && h.exists(main)) return main
  return pick(h.exchanges(), step.exchangeIndex) ?? main ?? ('no-such-alert' as ExchangeId)
}

const offeredTo = (h: Harness<AlertState>, state: AlertState, who: Who): ReadonlyArray<AlertAction> => {
  const viewer = viewerFor(h, who)
  return viewer === undefined ? [] : (procedure.availableActions(state, viewer, h.context(who)) as ReadonlyArray<AlertAction>)
}

/**
 * Picks the actor and the action of a step. Steered steps look for an involved user (or the system)
 * to whom the toolbar offers something, starting from a random one; the others take anyone and any action.
 */
const pickActorAndAction = (h: Harness<AlertState>, step: Step, state: AlertState | undefined): { who: Who; type: AlertAction } => {
  if (step.type === 'any' || state === undefined) {
    const pool = step.actor === 'involved' && state !== undefined ? involvedUsers(h, state) : []
    return { who: pick(pool, step.actorIndex) ?? anyone(step.actorIndex), type: step.action }
  }
  const pool: ReadonlyArray<Who> = step.actor === 'involved' ? [...involvedUsers(h, state), SYSTEM] : [...USERS, SYSTEM]
  // Steered: the first actor, from a random one, offered an action of the main line (advance), or one
  // that moves the alert on (progress); else the first offered one of those; else one that rewinds
  // it; else the first offered anything.
  const steered = step.type === 'advance' || step.type === 'progress'
  const found: Array<{ who: Who; offered: ReadonlyArray<AlertAction> } | undefined> = [undefined, undefined, undefined, undefined]
  for (let k = 0; k < pool.length && found[0] === undefined; k += 1) {
    const who = pool[(step.actorIndex + k) % pool.length] as Who
    const offered = offeredTo(h, state, who)
    const moving = offered.filter((a) => !HOUSEKEEPING.includes(a) && !REWINDING.includes(a))
    const main = moving.filter((a) => MAIN_LINE.includes(a))
    const rewinding = offered.filter((a) => REWINDING.includes(a))
    if (step.type === 'advance' && main.length > 0) found[0] = { who, offered: main }
    else if (step.type === 'progress' && moving.length > 0) found[0] = { who, offered: moving }
    else if (steered && found[1] === undefined && moving.length > 0) found[1] = { who, offered: moving }
    else if (steered && found[2] === undefined && rewinding.length > 0) found[2] = { who, offered: rewinding }
    else if (found[3] === undefined && offered.length > 0) found[3] = { who, offered }
    if (!steered && found[3] !== undefined) break
  }
  const chosen = found[0] ?? found[1] ?? found[2] ?? found[3]
  if (chosen === undefined) return { who: anyone(step.actorIndex), type: step.action }
  // Actions that end or rewind the alert, and information anybody may add, are drawn less often, so that runs go deep.
  const weighted = chosen.offered.flatMap((a) => (REWINDING.includes(a) || a === 'alert.submit-information' ? [a] : [a, a, a]))
  return { who: chosen.who, type: weighted[step.typeIndex % weighted.length] as AlertAction }
}

// ---------------------------------------------------------------------------------------------
// the run

/** For law (c): each action, offered or not, and what decide said to each payload built for it. */
interface Agreement {
  readonly action: AlertAction
  readonly offered: boolean
  readonly results: ReadonlyArray<E.Either<DomainError, unknown>>
}

interface StepRecord {
  readonly who: Who
  readonly command: Record<string, unknown>
  readonly exchangeId: ExchangeId | undefined
  readonly before: AlertState | undefined
  readonly offered: ReadonlyArray<string> | undefined
  readonly agreement: ReadonlyArray<Agreement> | undefined
  readonly result: E.Either<DomainError, ReadonlyArray<AlertEvent>>
  /** Decide, re-run twice with fresh id sources at the harness's position, when the command decodes. */
  readonly replays: readonly [E.Either<DomainError, unknown>, E.Either<DomainError, unknown>] | undefined
  readonly directoryChanged: boolean
  readonly newNotifications: ReadonlyArray<Notification>
}

interface RunOptions {
  readonly replay?: boolean
  readonly agreement?: boolean
}

const PREFIX = 'h'

/** Plays a sequence, handing each step to `check` as soon as it is done. */
const play = (seq: Sequence, g: fc.GeneratorValue, options: RunOptions, check: (h: Harness<AlertState>, r: StepRecord) => void): Harness<AlertState> => {
  const ids = countingIds(PREFIX)
  const h = createHarness<AlertState>(procedure, world(buildData(seq.directory)), ALERT_START, ids.source)

  const exec = (who: Who, command: Record<string, unknown>, exchangeId: ExchangeId | undefined, directoryChanged: boolean): void => {
    const before = exchangeId !== undefined && h.exists(exchangeId) ? h.state(exchangeId) : undefined
    const viewer = viewerFor(h, who)
    const offered = before !== undefined && viewer !== undefined ? procedure.availableActions(before, viewer, h.context(who)) : undefined
    let agreement: Agreement[] | undefined
    if (options.agreement === true && before !== undefined && offered !== undefined) {
      const env: PayloadEnv = { state: before, viewer, directory: h.directory }
      agreement = ALERT_ACTIONS.filter((a) => a !== 'alert.create').map((action) => ({
        action,
        offered: offered.includes(action),
        results: candidates(action, env, true).map((payload) => {
          const decoded = procedure.commands.decode({ type: action, exchangeId: before.exchangeId, ...payload })
          if (E.isLeft(decoded)) throw new Error(`a payload built for ${action} does not decode`)
          return procedure.decide(decoded.right, before, { ...h.context(who), ids: sequentialIds('law-c') })
        }),
      }))
    }
    let replays: StepRecord['replays']
    if (options.replay === true) {
      const decoded = procedure.commands.decode(command)
      if (E.isRight(decoded)) {
        const again = () => procedure.decide(decoded.right, before, { ...h.context(who), ids: idsAt(PREFIX, ids.position()) })
        replays = [again(), again()]
      }
    }
    const notified = h.notifications().length
    const result = h.exec(who, command) as E.Either<DomainError, ReadonlyArray<AlertEvent>>
    check(h, { who, command, exchangeId, before, offered, agreement, result, replays, directoryChanged, newNotifications: h.notifications().slice(notified) })
  }

  exec(seq.creator, g(() => draftArb(seq.creator, h.directory)), undefined, false)
  for (let k = 0; k < seq.length; k += 1) {
    const step = g(() => stepArb)
    if (step.directory !== undefined) h.directory = world(buildData(step.directory))
    // The main alert is the latest one; once every alert is deleted (or none was created), a new one is launched.
    const main = h.exchanges().at(-1)
    const exchangeId = resolveExchange(h, step, main)
    const state = h.exists(exchangeId) ? h.state(exchangeId) : undefined
    const { who, type } =
      main === undefined && step.exchange !== 'unknown' ? { who: seq.creator as Who, type: 'alert.create' as const } : pickActorAndAction(h, step, state)
    const payload = g(() => payloadArb(type, { state, viewer: viewerFor(h, who), directory: h.directory }, typeof who === 'string' ? who : seq.creator))
    const command = type === 'alert.create' ? payload : { type, exchangeId, ...payload }
    exec(who, command, type === 'alert.create' ? undefined : exchangeId, step.directory !== undefined)
    h.advance(step.advance)
  }
  return h
}

/** The alerts a step touched: those it wrote events to, or all of them after a directory change. */
const touched = (h: Harness<AlertState>, r: StepRecord): ReadonlyArray<ExchangeId> => {
  if (r.directoryChanged) return h.exchanges()
  if (E.isLeft(r.result)) return []
  return [...new Set(r.result.right.map((e) => e.exchangeId))].filter((id) => h.exists(id))
}

const viewersOf = (h: Harness<AlertState>): ReadonlyArray<Viewer> => [
  ...USERS.map((u) => viewerFor(h, u)).filter((v): v is Viewer => v !== undefined),
  { kind: 'commission' },
  { kind: 'helpdesk' },
  { kind: 'system-administrator' },
]
const nameOf = (v: Viewer): string => (v.kind === 'user' ? v.user.id : v.kind)
const viewOf = (s: AlertState, v: Viewer) => procedure.view(s, v) as ExchangeView<AlertContentView> | undefined
const errorOf = (r: E.Either<DomainError, unknown>): DomainError | undefined => (E.isLeft(r) ? r.left : undefined)

/** Rounds of closure and of withdrawal, read from the events: which state knew them, and whether they were broadcast. */
interface Round {
  readonly kind: 'closure' | 'withdrawal'
  readonly memberState: MemberState
  revealed: boolean
  /** The events of the round before its broadcast, which the other states may not see until then. */
  readonly hidden: AlertEvent[]
}
const roundsOf = (s: AlertState, events: ReadonlyArray<AlertEvent>): ReadonlyArray<Round> => {
  const rounds: Round[] = []
  let closure: Round | undefined
  let withdrawal: Round | undefined
  for (const e of events) {
    switch (e.type) {
      case 'alert.closure-proposed':
        closure = { kind: 'closure', memberState: e.payload.memberState, revealed: false, hidden: [e] }
        rounds.push(closure)
        break
      case 'alert.commented':
      case 'alert.comment-period-ended':
      case 'alert.closure-proposal-edited':
        if (closure !== undefined && !closure.revealed) closure.hidden.push(e)
        break
      case 'alert.closure-proposal-cancelled':
        if (closure !== undefined && !closure.revealed) closure.hidden.push(e)
        closure = undefined
        break
      case 'alert.closure-proposal-broadcast':
        if (closure !== undefined) closure.revealed = true
        break
      case 'alert.withdrawal-proposed':
        withdrawal = { kind: 'withdrawal', memberState: s.initiatingMemberState, revealed: false, hidden: [e] }
        rounds.push(withdrawal)
        break
      case 'alert.withdrawal-cancelled':
        withdrawal?.hidden.push(e)
        withdrawal = undefined
        break
      case 'alert.withdrawal-broadcast':
        if (withdrawal !== undefined) withdrawal.revealed = true
        break
      default:
        break
    }
  }
  return rounds
}

const property = (options: RunOptions, check: (h: Harness<AlertState>, r: StepRecord) => void, atEnd?: (h: Harness<AlertState>) => void) =>
  fc.property(sequenceArb, fc.gen(), (seq, g) => {
    const h = play(seq, g, options, check)
    atEnd?.(h)
  })

// ---------------------------------------------------------------------------------------------
// the laws

describe('alert procedure laws over random command sequences', () => {
  it('the random directories are valid directories', () => {
    fc.assert(
      fc.property(directoryArb, (p) => {
        expect(checkDirectory(buildData(p))).toEqual([])
      }),
      { numRuns: 200 },
    )
  })

  it('(a) decide never throws and every refusal is a DomainError with a stable code, naming its rule, changing nothing', () => {
    fc.assert(
      property({}, (h, r) => {
        if (E.isRight(r.result)) return
        const e = r.result.left
        expect(isDomainError(e)).toBe(true)
        expect(e.code).toMatch(STABLE_CODE)
        expect(e.message.length).toBeGreaterThan(0)
        // A refusal of the procedure names the rule of the catalogue that refuses.
        if (e.code.startsWith('alert.')) expect(e.ruleId ?? '').toMatch(RULE_ID)
        if (r.exchangeId !== undefined && r.before !== undefined) expect(h.state(r.exchangeId)).toBe(r.before)
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[ALERT-ACK-PER-MS][ALERT-CLOSED-FINAL][ALERT-WITHDRAWN-FROZEN][ALERT-INFO-NOT-CLOSED] (b) every status is a status of the machine, every displayed status one of them or awaiting acknowledgement; closed and withdrawn are final', () => {
    const displayed: ReadonlyArray<string> = [...ALERT_STATUSES, 'awaiting-acknowledgement']
    fc.assert(
      property({}, (h, r) => {
        const viewers = viewersOf(h)
        for (const id of touched(h, r)) {
          const s = h.state(id)
          expect(ALERT_STATUSES).toContain(s.status)
          expect(ALERT_STATUSES).toContain(procedure.summary(s).status)
          // The entries a step adds come last; earlier ones were checked at their own step.
          for (const entry of s.history.slice(-2)) for (const x of [entry.from ?? 'draft', entry.to]) expect(ALERT_STATUSES).toContain(x)
          for (const viewer of viewers) {
            const view = viewOf(s, viewer)
            if (view === undefined) continue
            expect(ALERT_STATUSES).toContain(view.status)
            expect(displayed).toContain(view.displayedStatus)
            // Only a mailbox of a recipient state that has not acknowledged sees an alert awaiting acknowledgement.
            if (view.displayedStatus === 'awaiting-acknowledgement') {
              const me = viewer.kind === 'user' ? viewer.authority.id : undefined
              expect(s.recipients.some((x) => x.authorityId === me && !x.removed && x.kind === 'mailbox' && x.mailboxState === 'awaiting-acknowledgement')).toBe(true)
            }
            for (const entry of view.history.slice(-2)) for (const x of [entry.from ?? 'draft', entry.to]) expect(ALERT_STATUSES).toContain(x)
          }
        }
        const before = r.before
        if (before === undefined || r.exchangeId === undefined || (before.status !== 'closed' && before.status !== 'withdrawn')) return
        expect(h.state(r.exchangeId).status).toBe(before.status)
        const type = r.command.type as AlertAction
        const decodes = E.isRight(procedure.commands.decode(r.command))
        // Users are refused the actions of timers whatever the status; every other action is closed to them.
        // Early removal is the one thing a user may still do to an ended alert: an initiating handler,
        // while the data is in users' reach, recorded with its reason (RET-EARLY-REMOVAL).
        if (type === 'alert.remove-personal-data' && typeof r.who === 'string' && decodes) {
          const after = h.state(r.exchangeId)
          if (E.isRight(r.result)) {
            expect(before.personalData).toBe('available')
            expect(after.personalData).toBe('erased')
            expect(after.history.at(-1)).toMatchObject({ action: 'alert.personal-data-erased', justification: r.command.reason })
          } else expect(['RET-EARLY-REMOVAL', 'RET-BLOCKED-NO-USER-ACCESS']).toContain(errorOf(r.result)?.ruleId)
          return
        }
        if (typeof r.who === 'string' && decodes && !SYSTEM_ACTIONS.includes(type)) {
          expect(errorOf(r.result)?.code).toBe('alert.wrong-status')
          // Information has its own rule on a closed alert (ALERT-INFO-NOT-CLOSED).
          const information = type.endsWith('-information') && before.status === 'closed'
          expect(errorOf(r.result)?.ruleId).toBe(before.status === 'withdrawn' ? 'ALERT-WITHDRAWN-FROZEN' : information ? 'ALERT-INFO-NOT-CLOSED' : 'ALERT-CLOSED-FINAL')
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('(c) availableActions agrees with decide: an offered action is accepted with a payload built for it, unless its payload or the directory forbids it; an action not offered is refused; whoever is offered one sees the alert in full', () => {
    fc.assert(
      property({ agreement: true }, (h, r) => {
        if (r.agreement === undefined || r.offered === undefined) return
        for (const { action, offered, results } of r.agreement) {
          const accepted = results.some(E.isRight)
          // Never accepted but not offered…
          if (accepted) expect({ action, offered }).toEqual({ action, offered: true })
          // …nor offered and refused, but for what its payload or the directory must be.
          if (offered && !accepted) {
            const refusals = results.map(errorOf).filter((e): e is DomainError => e !== undefined)
            for (const e of refusals) {
              expect({ action, code: e.code, ruleId: e.ruleId, allowed: (PAYLOAD_RULES[action] ?? []).includes(e.ruleId ?? '') }).toEqual({ action, code: e.code, ruleId: e.ruleId, allowed: true })
              expect(GUARD_CODES).not.toContain(e.code)
            }
          }
        }
        // The command of the step itself, whatever its payload: accepted only if offered.
        if (E.isRight(r.result) && r.before !== undefined) expect(r.offered).toContain(r.command.type)
        // Nobody acts blind: a user offered an action on an alert sees it in full. Early removal is the
        // exception: the initiating authority, which entered the personal data, erases it from the
        // reduced view of an ended alert (RET-EARLY-REMOVAL).
        const viewer = viewerFor(h, r.who)
        const seeing = r.offered.filter((a) => a !== 'alert.remove-personal-data')
        if (r.before !== undefined && viewer?.kind === 'user' && seeing.length > 0)
          expect({ who: r.who, offered: seeing, access: viewOf(r.before, viewer)?.access }).toEqual({ who: r.who, offered: seeing, access: 'full' })
        if (r.before !== undefined && viewer?.kind === 'user' && r.offered.includes('alert.remove-personal-data'))
          expect({ initiating: viewer.authority.id === r.before.initiatingAuthority, ended: ['closed', 'withdrawn'].includes(r.before.status) }).toEqual({ initiating: true, ended: true })
      }),
      { ...LIMITS, numRuns: Math.ceil(RUNS / 2) },
    )
  }, TIMEOUT)

  it('[ALERT-COMMISSION-NO-PD][ALERT-REMOVED-LOSES-PD][ALERT-CLOSED-REDUCED-VIEW][ALERT-WITHDRAWN-REDUCED-VIEW][ALERT-WITHDRAWN-VIEW-SAME][ALERT-PARTICIPANT-PD][MAIL-ALERT-NO-CONTENT] (d) no personal data reaches a viewer outside the rules, nor a notification', () => {
    fc.assert(
      property({}, (h, r) => {
        for (const n of r.newNotifications) {
          const json = JSON.stringify(n)
          expect(json).not.toContain(SENTINEL)
          for (const t of TEXTS) expect(json).not.toContain(t)
        }
        const viewers = viewersOf(h)
        for (const id of touched(h, r)) {
          const s = h.state(id)
          const holdsSentinel = JSON.stringify(s.content.provider ?? null).includes(SENTINEL)
          for (const viewer of viewers) {
            const view = viewOf(s, viewer)
            const found = view?.content === undefined ? [] : collectPersonalData(AlertContentViewCodec, view.content)
            const leaks = JSON.stringify(view ?? null).includes(SENTINEL)
            const me = viewer.kind === 'user' ? viewer.authority.id : undefined
            // A removed recipient, unless it also broadcast the alert or a pending step awaits it as coordinator.
            const otherPart = me === s.initiatingAuthority || me === s.broadcastingCoordinator || (s.status !== 'draft' && me === s.selectedCoordinator) || (me !== undefined && s.involved.includes(me))
            const removed = me !== undefined && !otherPart && s.recipients.some((x) => x.authorityId === me && x.removed)
            const participant = me !== undefined && alertParticipants(s).includes(me)
            const ended = s.status === 'closed' || s.status === 'withdrawn'
            const kept = s.personalData === 'available' || (s.personalData === 'blocked' && viewer.kind === 'system-administrator')
            // Users keep only the overview once the alert ended; system administrators keep blocked data until erasure (RET-BLOCK-SIX-MONTHS).
            const hidden = viewer.kind === 'commission' || viewer.kind === 'helpdesk' || (viewer.kind === 'user' && !participant) || removed || (ended && viewer.kind !== 'system-administrator') || !kept
            if (hidden) {
              expect({ viewer: nameOf(viewer), leaks }).toEqual({ viewer: nameOf(viewer), leaks: false })
              expect(found.every(isRedacted)).toBe(true)
            }
            if (viewer.kind === 'helpdesk' || (viewer.kind === 'user' && !participant)) expect(view).toBeUndefined()
            if (removed) expect(view === undefined || view.content === undefined).toBe(true)
            // The Commission sees a broadcast alert, without personal data; nothing before.
            if (viewer.kind === 'commission') expect(view?.access).toBe(s.broadcastAt === undefined ? undefined : 'no-personal-data')
            // Redaction is not blanket: the initiating authority's alert users see the provider while the alert is active.
            if (viewer.kind === 'user' && me === s.initiatingAuthority && !ended && s.personalData === 'available' && holdsSentinel && view !== undefined && viewer.user.status === 'active')
              expect(JSON.stringify(view.content?.provider)).toContain(SENTINEL)
          }
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[ALERT-DISPLAY-OTHER-MS][ALERT-INFO-BROADCAST] (e) no viewer outside the state proposing closure sees the proposal before its broadcast; nor outside the initiating state a pending withdrawal; nor unbroadcast information beyond its author and coordinator', () => {
    fc.assert(
      property({}, (h, r) => {
        const viewers = viewersOf(h).filter((v) => v.kind !== 'system-administrator')
        for (const id of touched(h, r)) {
          const s = h.state(id)
          const events = h.events(id) as ReadonlyArray<AlertEvent>
          const rounds = roundsOf(s, events)
          const summary = procedure.summary(s)
          for (const viewer of viewers) {
            const view = viewOf(s, viewer)
            if (view === undefined) continue
            const ms = viewer.kind === 'user' ? viewer.authority.memberState : undefined
            const me = viewer.kind === 'user' ? viewer.authority.id : undefined
            const scope = listingScope(viewer)
            const shown = [view.status, view.displayedStatus, ...(scope === undefined ? [] : [listedStatus(summary, scope)])]
            // The events each viewer may not know of yet, and those it may.
            const unknown = rounds.filter((x) => !x.revealed && x.memberState !== ms)
            const hiddenEvents = new Set(unknown.flatMap((x) => x.hidden.map((e) => `${e.at}|${e.type}`)))
            const seen = view.history.map((e) => `${e.at}|${e.action}`)
            expect(seen.filter((k) => hiddenEvents.has(k))).toEqual([])
            const closure = s.closure
            if (closure !== undefined && closure.broadcastAt === undefined && closure.memberState !== ms) {
              expect(view.content?.closure).toBeUndefined()
              for (const x of shown) expect(COMMENT_PHASE).not.toContain(x)
            }
            // A comment-phase status shows only from a round this viewer knows of.
            const knownRounds = rounds.filter((x) => x.kind === 'closure' && (x.revealed || x.memberState === ms)).length
            if (knownRounds === 0) for (const e of view.history) expect(COMMENT_PHASE).not.toContain(e.to)
            if (s.withdrawal !== undefined && s.status === 'withdrawal-to-be-broadcast' && ms !== s.initiatingMemberState) {
              expect(view.content?.withdrawal).toBeUndefined()
              for (const x of shown) expect(x).not.toBe('withdrawal-to-be-broadcast')
            }
            for (const info of view.content?.information ?? []) {
              if (info.status !== 'broadcast') expect([info.submittingAuthority, info.coordinator]).toContain(me)
            }
          }
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[ALERT-EVENT-HISTORY] (f) every status change is in the history with its actor, and in the system administrator\'s view of it', () => {
    fc.assert(
      property({}, (h, r) => {
        if (E.isLeft(r.result)) return
        const id = r.result.right[0]?.exchangeId
        if (id === undefined || !h.exists(id)) return
        const s = h.state(id)
        const n = r.result.right.length
        const recorded = s.history.slice(-n).map((x) => [x.at, x.action, x.actor, x.from, x.to])
        expect(recorded).toEqual(r.result.right.map((e) => [e.at, e.type, e.actor, e.from, e.to]))
        expect(s.history).toHaveLength(s.version)
        const admin = viewOf(s, { kind: 'system-administrator' })
        expect(admin?.history.slice(-n).map((x) => [x.at, x.action, x.actor, x.from, x.to])).toEqual(recorded)
        for (const e of r.result.right) if (e.from !== e.to) expect(e.actor).toEqual(typeof r.who === 'string' ? { kind: 'user', userId: r.who, authorityId: h.directory.user(r.who)?.authorityId } : r.who)
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[ALERT-SUBMIT-BROADCAST-DISTINCT][ALERT-ACCEPT-BEFORE-BROADCAST] (g) submit and broadcast are never the same event, even for one person holding both roles', () => {
    fc.assert(
      property({}, (h, r) => {
        if (E.isLeft(r.result)) return
        // One command, one recorded step.
        expect(r.result.right.length).toBeLessThanOrEqual(1)
        for (const e of r.result.right) {
          if (e.type === 'alert.submitted') expect([e.from, e.to]).toEqual(['draft', 'submitted-for-broadcast'])
          if (e.type === 'alert.broadcast') expect([e.from, e.to]).toEqual(['awaiting-broadcast', 'broadcast'])
          if (e.to === 'broadcast' && e.from !== 'broadcast') expect(['alert.broadcast', 'alert.closure-proposal-cancelled', 'alert.withdrawal-cancelled']).toContain(e.type)
          if (e.type !== 'alert.broadcast' || !h.exists(e.exchangeId)) continue
          const steps = h.state(e.exchangeId).history.map((x) => x.action)
          const submitted = steps.indexOf('alert.submitted')
          const accepted = steps.lastIndexOf('alert.accepted')
          expect(submitted).toBeGreaterThanOrEqual(0)
          expect(accepted).toBeGreaterThan(submitted)
          expect(steps.lastIndexOf('alert.broadcast')).toBeGreaterThan(accepted)
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[ALERT-EVENT-HISTORY] (h) folding the stored events again gives the same state, and decide is deterministic', () => {
    fc.assert(
      property(
        { replay: true },
        (_h, r) => {
          if (r.replays === undefined) return
          const [first, second] = r.replays
          expect(second).toStrictEqual(first)
          if (E.isLeft(first)) expect(r.result).toStrictEqual(first)
          else {
            const d = first.right as { events: ReadonlyArray<AlertEvent> }
            expect(r.result).toStrictEqual(E.right(d.events))
          }
        },
        (h) => {
          for (const id of h.exchanges()) {
            const stored = JSON.parse(JSON.stringify(h.events(id))) as unknown[]
            const events = stored.map((u) => {
              const decoded = procedure.events.decode(u)
              expect(E.isRight(decoded)).toBe(true)
              return (decoded as E.Right<AlertEvent>).right
            })
            const folded = events.reduce<AlertState | undefined>((s, e) => procedure.evolve(s, e), undefined)
            expect(folded).toEqual(h.state(id))
          }
        },
      ),
      LIMITS,
    )
  }, TIMEOUT)

  it('[SRCH-ALERT-LIST-SCOPE][ALERT-ACK-PER-MS][ALERT-DISPLAY-OTHER-MS] (i) lists show an alert to exactly the viewers who may open it, with the status they see', () => {
    fc.assert(
      property({}, (h, r) => {
        const viewers = viewersOf(h).filter((v) => v.kind !== 'system-administrator')
        for (const id of touched(h, r)) {
          const s = h.state(id)
          const summary = procedure.summary(s)
          for (const viewer of viewers) {
            const scope = listingScope(viewer)
            const view = viewOf(s, viewer)
            const listed = scope !== undefined && isListedFor(summary, scope)
            expect({ viewer: nameOf(viewer), listed }).toEqual({ viewer: nameOf(viewer), listed: view !== undefined })
            if (scope !== undefined && view !== undefined) expect({ viewer: nameOf(viewer), status: listedStatus(summary, scope) }).toEqual({ viewer: nameOf(viewer), status: view.displayedStatus })
          }
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)
})
