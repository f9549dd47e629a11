/**
 * Laws of the request procedure over random command sequences (CONVENTIONS §15, second style).
 *
 * Each run builds a directory with random workflow parameters, seeds a complete draft (a Professional
 * Qualifications request, or now and then a Services notification of individual measures, which the
 * Commission receives), then plays 5 to 25 commands. Some steps take any fixture user (or the system) and any action on any request,
 * known or not; most are steered (a user involved in the request, an action the toolbar offers,
 * rarely one that closes or rewinds it) so that runs reach the arbitration statuses. Payloads are
 * random, drawn from plausible values and from noise, valid or not.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type {
  Actor,
  AllocationSide,
  AuthorityId,
  DirectoryData,
  DomainError,
  ExchangeId,
  IdSource,
  Notification,
  RequestAction,
  RequestEvent,
  RequestSide,
  RequestState,
  UserId,
  Viewer,
} from '../../index.js'
import {
  ATTACHMENT_RELEVANCE,
  EARLY_REMOVAL_REQUESTERS,
  PROFESSIONAL_QUALIFICATIONS_GENERAL,
  QUESTION_SETS,
  SERVICES_MEASURES_NOTIFICATION,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  SYSTEM,
  allQuestions,
  canSeePersonalData,
  commissionReceives,
  createRequestProcedure,
  effectiveRequestRoles,
  findQuestion,
  isDomainError,
  isRedacted,
  isRequestCoordinator,
  requestAccess,
  requestAccessLevel,
  listingScope,
  isListedFor,
  requestForInformation,
  requestMachine,
  sequentialIds,
  viewerOf,
} from '../../index.js'
import type { Harness } from '../../testing/index.js'
import { A, PQ, SERVICES_LA, U, createHarness, withRequestAccess, world, worldData } from '../../testing/index.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const START = new Date('2026-03-02T09:00:00Z')
/** Put in every personal-data field and attachment; found nowhere else. */
const SENTINEL = 'zq-personal-7f3a9c'
/** 400 random sequences per law in the suite; `IMI_PROP_RUNS=5000 npx vitest run …` for a deeper run. */
const RUNS = Number(process.env.IMI_PROP_RUNS) || 400
/** A failing property shrinks, but never for longer than the test may run. */
const LIMITS = { numRuns: RUNS, interruptAfterTimeLimit: Math.max(110_000, RUNS * 250), markInterruptAsFailure: true } as const
const TIMEOUT = LIMITS.interruptAfterTimeLimit + 10_000

type Procedure = ReturnType<typeof createRequestProcedure>

const USERS: ReadonlyArray<UserId> = Object.values(U)
const AUTHORITIES: ReadonlyArray<AuthorityId> = Object.values(A)
/** Competent authorities; only those with an allocator may switch allocation on (ACT-ALLOCATOR-MIN-ONE). */
const CAS = [A.frCa, A.frCa2, A.deCa, A.deCa2, A.itCa] as const
const CAS_WITH_ALLOCATOR: ReadonlyArray<AuthorityId> = [A.frCa, A.deCa]
const COORDINATORS = [A.frNimic, A.frDimic, A.deNimic, A.deDimic, A.itNimic] as const
const COORDINATORS_WITH_ALLOCATOR: ReadonlyArray<AuthorityId> = [A.frNimic, A.deNimic]
const QUESTION_IDS = allQuestions(PROFESSIONAL_QUALIFICATIONS_GENERAL).map((q) => q.id)
const LANGUAGES = ['fr', 'de', 'en', 'it'] as const
/** Free texts of the runs; notifications must repeat none of them (MAIL-REQ-NO-CONTENT). */
const TEXTS = [
  'Merci de vérifier ce point du dossier.',
  'Bitte prüfen Sie die Angaben zur Niederlassung.',
  'Please check the registration of the professional.',
  'Si prega di verificare il titolo di formazione.',
] as const
const MACHINE_STATES = Object.keys(requestMachine.config.states ?? {})
/** Codes by which decide says who may act or when: never for an action the toolbar offers. */
const GUARD_CODES: ReadonlyArray<string> = [
  'request.wrong-status',
  'request.not-allowed',
  'request.not-allocated',
  'request.may-not-accept',
  'request.may-not-refuse',
  'request.read-only',
  'request.copy-not-allowed',
  'request.no-third-round',
  'request.round-one',
  'request.round-two',
  'request.allocation-closed',
]
const STABLE_CODE = /^[a-z]+\.[a-z0-9-]+$/
/** Actions that close a request or send it back; steered steps draw them less often. */
const REWINDING: ReadonlyArray<RequestAction> = [
  'request.refuse',
  'request.forward',
  'request.return',
  'request.return-reply',
  'request.close',
  'request.accept-refusal',
  'request.find-reply-satisfactory',
  'request.reconsider',
]
/** Actions that do not move a request on; steered steps prefer the others. */
const HOUSEKEEPING: ReadonlyArray<RequestAction> = [
  'request.delete-draft',
  'request.copy',
  'request.add-message',
  'request.add-attachment',
  'request.change-coordinator',
  'request.allocate',
  'request.save-reply',
]

// ---------------------------------------------------------------------------------------------
// arbitraries

const often = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })
const rarely = fc.oneof({ weight: 1, arbitrary: fc.constant(true) }, { weight: 3, arbitrary: fc.constant(false) })

interface TextMaterial {
  readonly text: string
  readonly language: string | undefined
}
const textArb: fc.Arbitrary<TextMaterial> = fc.record({
  text: fc.constantFrom(...TEXTS),
  language: fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom<string | undefined>(...LANGUAGES) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant('xx') },
  ),
})
const toText = (t: TextMaterial): { text: string; language?: string } =>
  t.language === undefined ? { text: t.text } : { text: t.text, language: t.language }

interface AuthorityParams {
  readonly approvalRequired: boolean
  readonly mayRefuseRequests: boolean
  readonly mayAcceptRequests: boolean
  readonly allocation: boolean
}
interface CoordinatorParams {
  readonly takesPartInArbitration: boolean
  readonly approveRequests: boolean
  readonly approveReplies: boolean
  readonly allocation: boolean
}
interface DirectoryParams {
  readonly authorities: ReadonlyArray<AuthorityParams>
  readonly coordinators: ReadonlyArray<CoordinatorParams>
  /** 0: no linked coordinator, 1: the NIMIC, 2: the NIMIC and the DIMIC (a choice before sending or accepting). */
  readonly frLinked: number
  readonly deLinked: number
}

const directoryArb: fc.Arbitrary<DirectoryParams> = fc.record({
  authorities: fc.array(
    fc.record({
      approvalRequired: fc.boolean(),
      mayRefuseRequests: fc.boolean(),
      mayAcceptRequests: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      allocation: rarely,
    }),
    { minLength: CAS.length, maxLength: CAS.length },
  ),
  coordinators: fc.array(
    fc.record({ takesPartInArbitration: fc.boolean(), approveRequests: fc.boolean(), approveReplies: fc.boolean(), allocation: rarely }),
    { minLength: COORDINATORS.length, maxLength: COORDINATORS.length },
  ),
  frLinked: fc.constantFrom(0, 1, 1, 2),
  deLinked: fc.constantFrom(0, 1, 1, 2),
})

const buildData = (p: DirectoryParams): DirectoryData => {
  let data = worldData()
  CAS.forEach((id, i) => {
    const a = p.authorities[i] as AuthorityParams
    data = withRequestAccess(data, id, (r) => ({
      ...r,
      allocation: a.allocation && CAS_WITH_ALLOCATOR.includes(id),
      parameters: { approvalRequired: a.approvalRequired, mayRefuseRequests: a.mayRefuseRequests, mayAcceptRequests: a.mayAcceptRequests },
    }))
  })
  COORDINATORS.forEach((id, i) => {
    const c = p.coordinators[i] as CoordinatorParams
    data = withRequestAccess(data, id, (r) => ({
      ...r,
      allocation: c.allocation && COORDINATORS_WITH_ALLOCATOR.includes(id),
      coordinatorParameters: { takesPartInArbitration: c.takesPartInArbitration, approveRequests: c.approveRequests, approveReplies: c.approveReplies },
    }))
  })
  const links = (nimic: AuthorityId, dimic: AuthorityId, n: number): AuthorityId[] => (n === 0 ? [] : n === 1 ? [nimic] : [nimic, dimic])
  data = withRequestAccess(data, A.frCa, (r) => ({ ...r, linkedCoordinators: links(A.frNimic, A.frDimic, p.frLinked) }))
  data = withRequestAccess(data, A.deCa, (r) => ({ ...r, linkedCoordinators: links(A.deNimic, A.deDimic, p.deLinked) }))
  return data
}

const attachmentArb = fc.record({
  fileName: fc.constantFrom(`diplome-${SENTINEL}.pdf`, `Approbation ${SENTINEL}.pdf`),
  mediaType: fc.constantFrom('application/pdf', 'image/png'),
  size: fc.nat(5_000_000),
  contentRef: fc.nat(999).map((n) => `blob:${SENTINEL}:${n}`),
  relevance: fc.constantFrom(...ATTACHMENT_RELEVANCE),
})

const draftTextArb = fc.record({ text: fc.constantFrom(...TEXTS), language: fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }) })

const validCaseData = fc.record(
  {
    name: fc.constantFrom(`Camille Martin ${SENTINEL}`, `${SENTINEL} Dupont`),
    'date-of-birth': fc.constant(`1980-05-04 ${SENTINEL}`),
    profession: fc.constantFrom('Médecin', 'Infirmier'),
    reference: fc.constant('DOS-2026-17'),
  },
  { requiredKeys: ['name'] },
)
const caseDataArb = fc.oneof(
  { weight: 8, arbitrary: validCaseData },
  { weight: 1, arbitrary: validCaseData.map((c) => ({ ...c, 'shoe-size': '42' })) },
)

const questionsArb = fc
  .array(
    fc.record({
      questionId: fc.constantFrom(...QUESTION_IDS),
      withParameters: often,
      comment: fc.option(draftTextArb, { nil: undefined }),
      aboutNewAttachment: rarely,
    }),
    { maxLength: 4 },
  )
  .map((qs) =>
    qs.map((q) => ({
      questionId: q.questionId,
      ...(q.withParameters ? { parameters: { profession: 'Médecin', from: '2019-01-01' } } : {}),
      ...(q.comment === undefined ? {} : { comment: q.comment }),
      ...(q.aboutNewAttachment ? { attachmentId: 'new:0' } : {}),
    })),
  )

const deadlineArb = fc.constantFrom('2026-01-15', '2026-04-01', '2026-06-30', '2026-02-30')

/** A draft edit: mostly small touches, sometimes a rewrite of any part, valid or not. */
const editArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ justification: draftTextArb, deadline: fc.constantFrom('2026-04-01', '2026-06-30') }, { requiredKeys: [] }) },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        questionSetId: fc.constantFrom('pq.general', 'pq.general', 'services.provider'),
        addressee: fc.constantFrom(...AUTHORITIES),
        requestingCoordinator: fc.constantFrom(...COORDINATORS),
        caseData: caseDataArb,
        questions: questionsArb,
        justification: draftTextArb,
        deadline: deadlineArb,
        attachments: fc.array(attachmentArb, { maxLength: 2 }),
      },
      { requiredKeys: [] },
    ),
  },
)

/** One of several lists of candidates, weighted; empty lists are skipped. */
const fromLists = <T>(...lists: ReadonlyArray<readonly [number, ReadonlyArray<T>]>): fc.Arbitrary<T> =>
  fc.oneof(...lists.filter(([, xs]) => xs.length > 0).map(([weight, xs]) => ({ weight, arbitrary: fc.constantFrom(...xs) })))

/** What a payload may draw on besides pure chance: the request as it stands and the directory. */
interface PayloadEnv {
  readonly state: RequestState | undefined
  /** Authorities of the actor's member state, other than its own. */
  readonly sameState: ReadonlyArray<string>
  /** The coordinators linked to the actor's authority. */
  readonly myLinked: ReadonlyArray<string>
  readonly linkedOf: (side: RequestSide) => ReadonlyArray<string>
  readonly usersOf: (side: AllocationSide) => ReadonlyArray<UserId>
}

/** The predefined answers of a question, in whichever shipped set it is. */
const answerIdsOf = (questionId: string): ReadonlyArray<string> => {
  for (const set of QUESTION_SETS) {
    const q = findQuestion(set, questionId)
    if (q !== undefined) return q.answers.map((a) => a.id)
  }
  return ['yes', 'no', 'unknown']
}

const answersArb = (env: PayloadEnv) => {
  const active = env.state === undefined ? [] : activeQuestionIds(env.state)
  const answer = (questionId: string) =>
    fc
      .record({
        answerId: fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom<string | undefined>(...answerIdsOf(questionId)) },
          { weight: 1, arbitrary: fc.constantFrom<string | undefined>('perhaps', undefined) },
        ),
        comment: fc.option(textArb, { nil: undefined }),
      })
      .map((a) => ({
        questionId,
        ...(a.answerId === undefined ? {} : { answerId: a.answerId }),
        ...(a.comment === undefined ? {} : { comment: toText(a.comment) }),
      }))
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(...active.map(answer)) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...QUESTION_IDS).chain(answer), { maxLength: 3 }) },
  )
}

const questionPickArb = (env: PayloadEnv) => {
  const active = env.state === undefined ? [] : activeQuestionIds(env.state)
  return fc.oneof({ weight: 4, arbitrary: fc.subarray(active) }, { weight: 1, arbitrary: fc.subarray(QUESTION_IDS, { maxLength: 3 }) })
}

const targetArb = (env: PayloadEnv) => fromLists<string>([3, env.sameState], [1, [...AUTHORITIES, 'nowhere']])

/** The payload of a command of a given type, drawn from plausible values and from noise. */
const payloadArb = (type: RequestAction, env: PayloadEnv): fc.Arbitrary<Record<string, unknown>> => {
  const text = textArb.map(toText)
  switch (type) {
    case 'request.create':
      return fc.record({ legislativeArea: fc.constantFrom(PQ, PQ, PQ, SERVICES_LA) }).chain((c) => editArb.map((e) => ({ ...c, ...e })))
    case 'request.edit':
      return editArb
    case 'request.return':
    case 'request.return-reply':
      return fc.record({ suggestions: text })
    case 'request.accept':
      return fc.record(
        { coordinator: fromLists<string>([3, env.myLinked], [1, AUTHORITIES]), deadline: deadlineArb },
        { requiredKeys: [] },
      )
    case 'request.refuse':
      return fc.record({ justification: text, noOtherCompetentAuthority: often })
    case 'request.forward':
      return fc.record({ to: targetArb(env), justification: text })
    case 'request.split': {
      const attachments = [...(env.state?.attachments.map((a) => a.id as string) ?? []), 'no-such-attachment']
      return fc.record({
        to: targetArb(env),
        justification: text,
        questions: questionPickArb(env),
        attachments: fc.subarray(attachments, { maxLength: Math.min(2, attachments.length) }),
      })
    }
    case 'request.save-reply':
      return fc.record({ answers: answersArb(env) })
    case 'request.reply':
      return fc.record({ answers: answersArb(env) }, { requiredKeys: [] })
    case 'request.add-message':
      return fc.record({ text })
    case 'request.add-attachment':
      return fc.record({ attachment: attachmentArb })
    case 'request.change-coordinator':
      return fc
        .constantFrom<RequestSide>('requesting', 'responding')
        .chain((side) => fromLists<string>([3, env.linkedOf(side)], [1, COORDINATORS]).map((coordinator) => ({ side, coordinator })))
    case 'request.allocate':
      return fc
        .constantFrom<AllocationSide>('requesting', 'responding', 'requesting-coordinator', 'responding-coordinator')
        .chain((side) => {
          const own = env.usersOf(side)
          return fc
            .oneof(
              ...(own.length === 0 ? [] : [{ weight: 3, arbitrary: fc.subarray([...own], { minLength: 1, maxLength: Math.min(2, own.length) }) }]),
              { weight: 1, arbitrary: fc.subarray([...USERS], { minLength: 1, maxLength: 3 }) },
            )
            .map((users) => ({ side, users }))
        })
    case 'request.request-additional-info':
      return fc.record({ justification: text, questions: questionPickArb(env) })
    case 'request.reject-additional-info':
    case 'request.maintain-position':
      return fc.record({ justification: text })
    case 'request.find-reply-satisfactory':
    case 'request.find-reply-unsatisfactory':
      return fc.record({ comment: text }, { requiredKeys: [] })
    case 'request.copy':
      return fc.record({ include: fc.record({ addressee: fc.boolean(), questions: fc.boolean(), attachments: fc.boolean(), caseData: fc.boolean() }) })
    case 'request.record-contrary-decision':
      return fc.record({ decidedOn: deadlineArb, reference: fc.constantFrom('C(2026) 1234', ' ') }, { requiredKeys: [] })
    case 'request.remove-personal-data':
      return fc.record({ reason: text, requestedBy: fc.constantFrom<string>(...EARLY_REMOVAL_REQUESTERS, 'the neighbour') }, { requiredKeys: ['reason'] })
    default:
      return fc.constant({})
  }
}

/** How a step picks its actor, its request and its action. */
const stepArb = fc.record({
  /** `involved`: a user of an authority taking part in or coordinating the request; else anyone, the system included. */
  actor: fc.oneof({ weight: 1, arbitrary: fc.constant('any') }, { weight: 4, arbitrary: fc.constant('involved') }),
  actorIndex: fc.nat(),
  exchange: fc.oneof(
    { weight: 15, arbitrary: fc.constant('main') },
    { weight: 4, arbitrary: fc.constant('known') },
    { weight: 1, arbitrary: fc.constant('unknown') },
  ),
  exchangeIndex: fc.nat(),
  /** `progress`: an offered action that moves the request on, if any; `offered`: any offered action; `any`: any action at all. */
  type: fc.oneof(
    { weight: 1, arbitrary: fc.constant('any') },
    { weight: 6, arbitrary: fc.constant('progress') },
    { weight: 1, arbitrary: fc.constant('offered') },
  ),
  action: fc.constantFrom(...REQUEST_ACTIONS),
  typeIndex: fc.nat(),
  /** Rarely, the directory changes before the command (parameters read at the moment of the action). */
  directory: fc.oneof({ weight: 24, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: directoryArb }),
})
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never

const sequenceArb = fc.record({
  directory: directoryArb,
  maxArbitrationRounds: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 }) }),
  creator: fc.constantFrom(U.frHandler, U.deHandler, U.itHandler),
  addresseeIndex: fc.nat(),
  requestingCoordinatorIndex: fc.nat(),
  seedQuestions: fc.subarray(QUESTION_IDS, { minLength: 2, maxLength: 4 }),
  /** Sometimes the seed is a Services notification of individual measures (derogations), complete or nearly. */
  notification: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    {
      weight: 1,
      arbitrary: fc.record({
        procedure: fc.constantFrom('normal-step3', 'urgency'),
        allConfirmed: often,
        relatedRequestNumber: fc.constantFrom('REQ-000001', 'REQ-000001', 'no number'),
      }),
    },
  ),
  length: fc.integer({ min: 5, max: 25 }),
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
  let x = 0
  let n = 0
  let i = 0
  return {
    source: {
      exchangeId: () => {
        x += 1
        return inner.exchangeId()
      },
      exchangeNumber: (p) => {
        n += 1
        return inner.exchangeNumber(p)
      },
      itemId: () => {
        i += 1
        return inner.itemId()
      },
    },
    position: () => ({ x, n, i }),
  }
}
/** A fresh `sequentialIds` with the same prefix, moved on to a position. */
const idsAt = (prefix: string, pos: { readonly x: number; readonly n: number; readonly i: number }): IdSource => {
  const ids = sequentialIds(prefix)
  for (let k = 0; k < pos.x; k += 1) ids.exchangeId()
  for (let k = 0; k < pos.n; k += 1) ids.exchangeNumber('REQ')
  for (let k = 0; k < pos.i; k += 1) ids.itemId()
  return ids
}

// ---------------------------------------------------------------------------------------------
// resolving a step against the run so far

type Who = UserId | Actor

const isSent = (s: RequestState): boolean => s.status !== 'draft' && s.status !== 'awaiting-request-approval'
const activeQuestionIds = (s: RequestState): string[] => s.questions.filter((q) => q.movedTo === undefined).map((q) => q.questionId)
const pick = <T>(xs: ReadonlyArray<T>, i: number): T | undefined => (xs.length === 0 ? undefined : xs[i % xs.length])
const linkedOf = (h: Harness<RequestState>, id: AuthorityId | undefined, la = PQ): ReadonlyArray<AuthorityId> => {
  const a = id === undefined ? undefined : h.directory.authority(id)
  return a === undefined ? [] : (requestAccess(a, la)?.linkedCoordinators ?? [])
}
const viewerFor = (h: Harness<RequestState>, who: Who): Viewer | undefined => {
  if (typeof who !== 'string') return viewerOf(h.directory, who)
  const u = h.directory.user(who)
  return u === undefined ? undefined : viewerOf(h.directory, { kind: 'user', userId: who, authorityId: u.authorityId })
}

const involvedAuthorities = (s: RequestState): ReadonlyArray<AuthorityId> =>
  [
    s.requesting.authorityId,
    s.responding.authorityId,
    s.requesting.coordinatorId,
    s.responding.coordinatorId,
    ...s.requesting.linkedCoordinators,
    ...s.responding.linkedCoordinators,
    ...s.formerAddressees,
  ].filter((a): a is AuthorityId => a !== undefined)

const involvedUsers = (h: Harness<RequestState>, state: RequestState): ReadonlyArray<UserId> => {
  const involved = new Set(involvedAuthorities(state))
  return USERS.filter((u) => involved.has(h.directory.user(u)?.authorityId as AuthorityId))
}

const anyone = (i: number): Who => (i % (USERS.length + 1) === USERS.length ? SYSTEM : (USERS[i % USERS.length] as UserId))

const resolveExchange = (h: Harness<RequestState>, step: Step, main: ExchangeId): ExchangeId => {
  if (step.exchange === 'unknown') return 'no-such-request' as ExchangeId
  if (step.exchange === 'main' && h.exists(main)) return main
  return pick(h.exchanges(), step.exchangeIndex) ?? main
}

const sideAuthority = (s: RequestState, side: AllocationSide): AuthorityId | undefined =>
  side === 'requesting'
    ? s.requesting.authorityId
    : side === 'responding'
      ? s.responding.authorityId
      : side === 'requesting-coordinator'
        ? s.requesting.coordinatorId
        : s.responding.coordinatorId

const payloadEnv = (h: Harness<RequestState>, state: RequestState | undefined, who: Who): PayloadEnv => {
  const viewer = viewerFor(h, who)
  const me = viewer?.kind === 'user' ? viewer.authority : undefined
  return {
    state,
    sameState: me === undefined ? [] : h.directory.authorities().filter((a) => a.memberState === me.memberState && a.id !== me.id).map((a) => a.id),
    myLinked: linkedOf(h, me?.id),
    linkedOf: (side) => linkedOf(h, state === undefined ? undefined : side === 'requesting' ? state.requesting.authorityId : state.responding.authorityId),
    usersOf: (side) => {
      const id = state === undefined ? undefined : sideAuthority(state, side)
      return id === undefined ? [] : h.directory.usersOf(id).map((u) => u.id)
    },
  }
}

/**
 * Picks the actor and the action of a step. Steered steps look for an involved user to whom the
 * toolbar offers something, starting from a random one; the others take anyone and any action.
 */
const pickActorAndAction = (h: Harness<RequestState>, procedure: Procedure, step: Step, state: RequestState | undefined): { who: Who; type: RequestAction } => {
  if (step.type === 'any' || state === undefined) {
    const pool = step.actor === 'involved' && state !== undefined ? involvedUsers(h, state) : []
    return { who: pick(pool, step.actorIndex) ?? anyone(step.actorIndex), type: step.action }
  }
  const offeredTo = (who: Who): ReadonlyArray<RequestAction> => {
    const viewer = viewerFor(h, who)
    return viewer === undefined ? [] : (procedure.availableActions(state, viewer, h.context(who)) as ReadonlyArray<RequestAction>)
  }
  const pool: ReadonlyArray<Who> = step.actor === 'involved' ? [...involvedUsers(h, state), SYSTEM] : [...USERS, SYSTEM]
  // Steered to progress: the first user, from a random one, offered an action that moves the request
  // on; else the first offered anything.
  let chosen: { who: Who; offered: ReadonlyArray<RequestAction> } | undefined
  let fallback: { who: Who; offered: ReadonlyArray<RequestAction> } | undefined
  for (let k = 0; k < pool.length && chosen === undefined; k += 1) {
    const who = pool[(step.actorIndex + k) % pool.length] as Who
    const offered = offeredTo(who)
    const moving = step.type === 'progress' ? offered.filter((a) => !HOUSEKEEPING.includes(a)) : offered
    if (moving.length > 0) chosen = { who, offered: moving }
    else if (fallback === undefined && offered.length > 0) fallback = { who, offered }
  }
  chosen ??= fallback
  if (chosen === undefined) return { who: anyone(step.actorIndex), type: step.action }
  // Actions that end or rewind the request are drawn less often, so that runs go deep.
  const weighted = chosen.offered.flatMap((a) => (step.type === 'progress' && !REWINDING.includes(a) ? [a, a, a, a] : [a]))
  return { who: chosen.who, type: weighted[step.typeIndex % weighted.length] as RequestAction }
}

// ---------------------------------------------------------------------------------------------
// the run

interface StepRecord {
  readonly who: Who
  readonly command: Record<string, unknown>
  readonly exchangeId: ExchangeId | undefined
  readonly before: RequestState | undefined
  readonly available: ReadonlyArray<string> | undefined
  readonly result: E.Either<DomainError, ReadonlyArray<RequestEvent>>
  /** Decide, re-run twice with fresh id sources at the harness's position, when the command decodes. */
  readonly replays: readonly [E.Either<DomainError, unknown>, E.Either<DomainError, unknown>] | undefined
  readonly directoryChanged: boolean
  readonly newNotifications: ReadonlyArray<Notification>
}

interface RunOptions {
  readonly replay?: boolean
  readonly available?: boolean
}

const PREFIX = 'p'

/** Plays a sequence, handing each step to `check` as soon as it is done. */
const play = (
  seq: Sequence,
  g: fc.GeneratorValue,
  options: RunOptions,
  check: (h: Harness<RequestState>, r: StepRecord) => void,
): { h: Harness<RequestState>; procedure: Procedure } => {
  const procedure = seq.maxArbitrationRounds === undefined ? requestForInformation : createRequestProcedure({ maxArbitrationRounds: seq.maxArbitrationRounds })
  const ids = countingIds(PREFIX)
  const h = createHarness<RequestState>(procedure, world(buildData(seq.directory)), START, ids.source)

  const exec = (who: Who, command: Record<string, unknown>, exchangeId: ExchangeId | undefined, directoryChanged: boolean): void => {
    const before = exchangeId !== undefined && h.exists(exchangeId) ? h.state(exchangeId) : undefined
    const viewer = viewerFor(h, who)
    const available =
      options.available === true && before !== undefined && viewer !== undefined ? procedure.availableActions(before, viewer, h.context(who)) : undefined
    let replays: StepRecord['replays']
    if (options.replay === true) {
      const decoded = procedure.commands.decode(command)
      if (E.isRight(decoded)) {
        const again = () => procedure.decide(decoded.right, before, { ...h.context(who), ids: idsAt(PREFIX, ids.position()) })
        replays = [again(), again()]
      }
    }
    const notified = h.notifications().length
    const result = h.exec(who, command) as E.Either<DomainError, ReadonlyArray<RequestEvent>>
    h.advance(60_000)
    check(h, { who, command, exchangeId, before, available, result, replays, directoryChanged, newNotifications: h.notifications().slice(notified) })
  }

  // Seed: a complete draft, then an edit that attaches a document and names the coordinator.
  const creator = h.directory.user(seq.creator)
  const addressees = CAS.filter((a) => h.directory.authority(a)?.memberState !== h.directory.authority(creator?.authorityId as AuthorityId)?.memberState)
  const n = seq.notification
  const checklist = (SERVICES_MEASURES_NOTIFICATION.derogation?.checklist ?? []).map((i) => i.id)
  exec(
    seq.creator,
    n !== undefined ? {
      type: 'request.create',
      legislativeArea: SERVICES_LA,
      questionSetId: SERVICES_MEASURES_NOTIFICATION.id,
      addressee: pick(addressees, seq.addresseeIndex),
      caseData: { name: `Dupont Chauffage ${SENTINEL}`, address: `4 rue des Tanneurs ${SENTINEL}`, activity: 'Chauffage' },
      questions: [{ questionId: 'services.measures.observations', comment: { text: TEXTS[0], language: 'fr' } }],
      justification: { text: TEXTS[2], language: 'en' },
      derogation: {
        confirmed: n.allConfirmed ? checklist : checklist.slice(1),
        freeTexts: { 'mse-measures-inadequate': { text: TEXTS[1], language: 'de' }, 'measures-justified': { text: TEXTS[3], language: 'it' } },
        procedure: n.procedure,
        ...(n.relatedRequestNumber === 'no number' ? {} : { relatedRequestNumber: n.relatedRequestNumber }),
      },
    } : {
      type: 'request.create',
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: pick(addressees, seq.addresseeIndex),
      caseData: { name: `Camille Martin ${SENTINEL}`, 'date-of-birth': `1980-05-04 ${SENTINEL}`, profession: 'Médecin' },
      questions: seq.seedQuestions.map((questionId) => ({
        questionId,
        parameters: { profession: 'Médecin', from: '2019-01-01' },
        comment: { text: TEXTS[0], language: 'fr' },
      })),
      deadline: '2026-06-30',
    },
    undefined,
    false,
  )
  const main = h.last()
  const linked = linkedOf(h, creator?.authorityId)
  const coordinator = pick(linked, seq.requestingCoordinatorIndex)
  exec(
    seq.creator,
    {
      type: 'request.edit',
      exchangeId: main,
      attachments: [{ fileName: `diplome-${SENTINEL}.pdf`, mediaType: 'application/pdf', size: 120_000, contentRef: `blob:${SENTINEL}:seed`, relevance: 'evidence-of-qualifications' }],
      ...(coordinator === undefined ? {} : { requestingCoordinator: coordinator }),
    },
    main,
    false,
  )

  for (let k = 0; k < seq.length; k += 1) {
    const step = g(() => stepArb)
    if (step.directory !== undefined) h.directory = world(buildData(step.directory))
    const exchangeId = resolveExchange(h, step, main)
    const state = h.exists(exchangeId) ? h.state(exchangeId) : undefined
    const { who, type } = pickActorAndAction(h, procedure, step, state)
    const payload = g(() => payloadArb(type, payloadEnv(h, state, who)))
    const command = type === 'request.create' ? { type, ...payload } : { type, exchangeId, ...payload }
    exec(who, command, type === 'request.create' ? undefined : exchangeId, step.directory !== undefined)
  }
  return { h, procedure }
}

/** The exchanges a step touched: those it wrote events to, or all of them after a directory change. */
const touched = (h: Harness<RequestState>, r: StepRecord): ReadonlyArray<ExchangeId> => {
  if (r.directoryChanged) return h.exchanges()
  if (E.isLeft(r.result)) return []
  return [...new Set(r.result.right.map((e) => e.exchangeId))].filter((id) => h.exists(id))
}

const viewersOf = (h: Harness<RequestState>): ReadonlyArray<Viewer> => [
  ...USERS.map((u) => viewerFor(h, u)).filter((v): v is Viewer => v !== undefined),
  { kind: 'commission' },
  { kind: 'helpdesk' },
]

const grantedRoles = (v: Extract<Viewer, { kind: 'user' }>): ReadonlySet<string> =>
  new Set(v.user.requestRoles.find((g) => g.legislativeArea === PQ)?.roles ?? [])

const errorOf = (r: E.Either<DomainError, unknown>): DomainError | undefined => (E.isLeft(r) ? r.left : undefined)

const property = (options: RunOptions, check: (h: Harness<RequestState>, r: StepRecord) => void, atEnd?: (h: Harness<RequestState>, procedure: Procedure) => void) =>
  fc.property(sequenceArb, fc.gen(), (seq, g) => {
    const { h, procedure } = play(seq, g, options, check)
    atEnd?.(h, procedure)
  })

// ---------------------------------------------------------------------------------------------
// the laws

describe('request procedure laws over random command sequences', () => {
  it('(a) decide never throws and every refusal is a DomainError with a stable code', () => {
    fc.assert(
      property({}, (h, r) => {
        if (E.isRight(r.result)) return
        const e = r.result.left
        expect(isDomainError(e)).toBe(true)
        expect(e.code).toMatch(STABLE_CODE)
        expect(e.message.length).toBeGreaterThan(0)
        // A refusal changes nothing.
        if (r.exchangeId !== undefined && r.before !== undefined) expect(h.state(r.exchangeId)).toBe(r.before)
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[REQ-STATUS-SET][REQ-CLOSURE-REASONS][REQ-CLOSED-TERMINAL] every state reached has a known status; closed is terminal and carries one reason', () => {
    const reasons = ['reply-accepted', 'refusal-justification-accepted', 'closed-by-coordinator-arbitration', 'closed-by-responding-authority', 'refused']
    fc.assert(
      property({}, (h, r) => {
        for (const id of touched(h, r)) {
          const s = h.state(id)
          expect(REQUEST_STATUSES).toContain(s.status)
          expect(MACHINE_STATES).toContain(s.status)
          if (s.status === 'closed') expect(reasons).toContain(s.closureReason)
          else expect(s.closureReason).toBeUndefined()
        }
        if (r.before?.status === 'closed' && r.exchangeId !== undefined) {
          expect(h.state(r.exchangeId).status).toBe('closed')
          const type = r.command.type as RequestAction
          const decodes = E.isRight(requestForInformation.commands.decode(r.command))
          if (typeof r.who === 'string' && decodes && !['request.copy', 'request.block-personal-data', 'request.erase-personal-data', 'request.remove-personal-data', 'request.record-contrary-decision'].includes(type)) {
            expect(errorOf(r.result)?.code).toBe('request.wrong-status')
            expect(errorOf(r.result)?.ruleId).toBe('REQ-CLOSED-TERMINAL')
          }
          // Early removal is the one thing a user may still do to a closed request: by a handler with
          // personal-data access while the data is in users' reach, recorded with its reason (RET-EARLY-REMOVAL).
          if (type === 'request.remove-personal-data' && decodes && typeof r.who === 'string') {
            const after = h.state(r.exchangeId)
            if (E.isRight(r.result)) {
              expect(r.before.personalData).toBe('available')
              expect(after.personalData).toBe('erased')
              expect(after.earlyRemoval?.reason).toEqual(r.command.reason)
              expect(after.history.at(-1)).toMatchObject({ action: 'request.personal-data-erased', justification: r.command.reason })
            } else expect(['RET-EARLY-REMOVAL', 'RET-BLOCKED-NO-USER-ACCESS', 'REQ-ALLOC-ONLY-ALLOCATED', 'REQ-OUT-CREATOR-SOLE', 'ACT-REQ-VIEWER-READ-ONLY', 'REQ-ARB-REFEREE-ACTS', 'REQ-ALLOC-WHO']).toContain(errorOf(r.result)?.ruleId)
          }
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[RET-PD-PARTICIPANTS-ONLY][REQ-PREACCEPT-NO-PD][REQ-PREACCEPT-NO-ATTACHMENTS][REQ-COORD-NO-PD][REQ-ALLOCATOR-NO-PD][ACT-LDA-NO-CONTENT][RET-BLOCKED-NO-USER-ACCESS][REQ-COMMISSION-NO-ACCESS][DEROG-COMMISSION-NO-PD][ACT-HELPDESK-NO-CONTENT][REQ-COPY-ANY-STATUS][REQ-COPY-NEW-DRAFT][REQ-COPY-PD-GUARD] no personal data reaches a viewer without full access, nor a copy', () => {
    fc.assert(
      property({}, (h, r) => {
        if (r.command.type === 'request.copy' && E.isRight(r.result) && r.before !== undefined) {
          const viewer = viewerFor(h, r.who)
          if (viewer?.kind !== 'user') throw new Error('only users copy')
          const source = r.before
          const own = viewer.authority.id
          // Only an authority that sent or received the request copies it (REQ-COPY-ANY-STATUS)…
          const sentOrReceived =
            own === source.requesting.authorityId || (isSent(source) && own === source.responding.authorityId) || source.formerAddressees.includes(own)
          expect(sentOrReceived).toBe(true)
          // …into a new draft, leaving the source unchanged (REQ-COPY-NEW-DRAFT)…
          const [created] = r.result.right
          expect(created?.type).toBe('request.created')
          expect(h.state(created?.exchangeId as ExchangeId).status).toBe('draft')
          expect(h.state(r.exchangeId as ExchangeId)).toBe(source)
          // …with personal data only if the copying user sees it now (REQ-COPY-PD-GUARD).
          if (JSON.stringify(created).includes(SENTINEL)) expect(canSeePersonalData(source, viewer)).toBe(true)
        }
        const viewers = viewersOf(h)
        for (const id of touched(h, r)) {
          const s = h.state(id)
          const holdsSentinel = JSON.stringify([s.caseData, s.attachments]).includes(SENTINEL)
          for (const viewer of viewers) {
            const view = requestForInformation.view(s, viewer)
            const leaks = JSON.stringify(view ?? null).includes(SENTINEL)
            const maySee = requestAccessLevel(s, viewer) === 'full' && s.personalData === 'available'
            if (!maySee) expect(leaks).toBe(false)
            // …and those with full access do see it: redaction is not blanket.
            else if (holdsSentinel) expect(leaks).toBe(true)

            if (viewer.kind !== 'user') {
              // The Commission sees the notifications of measures addressed to it, without personal data; nothing else (DEROG-COMMISSION-NO-PD).
              if (viewer.kind === 'commission' && commissionReceives(s)) expect(view?.access).toBe('no-personal-data')
              else expect(view).toBeUndefined()
              continue
            }
            const authority = viewer.authority.id
            const participant = authority === s.requesting.authorityId || (isSent(s) && authority === s.responding.authorityId)
            const coordinates =
              [s.requesting.coordinatorId, s.responding.coordinatorId, ...s.requesting.linkedCoordinators, ...s.responding.linkedCoordinators].includes(authority) ||
              isRequestCoordinator(viewer.authority, s.legislativeArea)
            const roles = effectiveRequestRoles(viewer.user, s.legislativeArea)
            const allocatorOnly = !roles.has('request-handler') && !roles.has('request-viewer')
            if (!participant) expect(leaks).toBe(false)
            if (coordinates && !participant) expect(leaks).toBe(false)
            if (allocatorOnly) expect(leaks).toBe(false)
            if (grantedRoles(viewer).size === 0) expect(view === undefined || !('content' in view)).toBe(true)
            if (s.personalData !== 'available') expect(leaks).toBe(false)
            if (authority === s.responding.authorityId && authority !== s.requesting.authorityId && !s.responding.accepted) {
              expect(leaks).toBe(false)
              const content = view !== undefined && 'content' in view ? (view.content as { attachments: ReadonlyArray<unknown> }) : undefined
              for (const a of content?.attachments ?? []) expect(isRedacted(a)).toBe(true)
            }
          }
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[SRCH-REQ-OWN-ALL][SRCH-REQ-COORD-LINKED][REQ-SAME-MS-PARTIAL] lists show an exchange to exactly the viewers who may open it', () => {
    fc.assert(
      property({}, (h, r) => {
        const viewers = viewersOf(h)
        for (const id of touched(h, r)) {
          const s = h.state(id)
          const summary = requestForInformation.summary(s)
          for (const viewer of viewers) {
            const scope = listingScope(viewer)
            const listed = scope !== undefined && isListedFor(summary, scope)
            expect({ viewer: viewer.kind === 'user' ? viewer.user.id : viewer.kind, listed }).toEqual({
              viewer: viewer.kind === 'user' ? viewer.user.id : viewer.kind,
              listed: requestForInformation.view(s, viewer) !== undefined,
            })
          }
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[MAIL-REQ-NO-CONTENT] notifications name the action, never the content of the request', () => {
    fc.assert(
      property({}, (_h, r) => {
        for (const n of r.newNotifications) {
          const json = JSON.stringify(n)
          expect(json).not.toContain(SENTINEL)
          for (const t of TEXTS) expect(json).not.toContain(t)
          expect(Object.keys(n).sort()).toEqual(['exchangeId', 'exchangeNumber', 'message', 'recipients', 'ruleId'])
          expect(n.message).toMatch(STABLE_CODE)
        }
      }),
      LIMITS,
    )
  }, TIMEOUT)

  it('[REQ-EVENT-HISTORY] replaying the stored events gives the same state, and decide is deterministic', () => {
    fc.assert(
      property(
        { replay: true },
        (_h, r) => {
          if (r.replays === undefined) return
          const [first, second] = r.replays
          expect(second).toStrictEqual(first)
          if (E.isLeft(first)) expect(r.result).toStrictEqual(first)
          else {
            const d = first.right as { events: ReadonlyArray<RequestEvent>; spawned: ReadonlyArray<{ events: ReadonlyArray<RequestEvent> }> }
            expect(r.result).toStrictEqual(E.right([...d.events, ...d.spawned.flatMap((s) => s.events)]))
          }
        },
        (h, procedure) => {
          for (const id of h.exchanges()) {
            const stored = JSON.parse(JSON.stringify(h.events(id))) as unknown[]
            const events = stored.map((u) => {
              const decoded = procedure.events.decode(u)
              expect(E.isRight(decoded)).toBe(true)
              return (decoded as E.Right<RequestEvent>).right
            })
            const folded = events.reduce<RequestState | undefined>((s, e) => procedure.evolve(s, e), undefined)
            const s = h.state(id)
            expect(folded).toEqual(s)
            // Every transition is in the history: when, who, what, from and to (REQ-EVENT-HISTORY).
            expect(s.version).toBe(events.length)
            expect(s.history.map((x) => [x.at, x.actor, x.action, x.from, x.to])).toEqual(events.map((e) => [e.at, e.actor, e.type, e.from, e.to]))
          }
        },
      ),
      LIMITS,
    )
  }, TIMEOUT)

  it('availableActions agrees with decide: offered actions pass the guards, others are refused', () => {
    fc.assert(
      property({ available: true }, (_h, r) => {
        if (r.available === undefined) return
        const type = r.command.type as string
        const error = errorOf(r.result)
        if (r.available.includes(type)) {
          if (error !== undefined) expect(GUARD_CODES).not.toContain(error.code)
        } else expect(error).toBeDefined()
      }),
      LIMITS,
    )
  }, TIMEOUT)
})

