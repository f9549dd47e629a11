/**
 * Path coverage of the request statechart (CONVENTIONS §15, third style).
 *
 * Every transition declared in `requestMachine.config`, guarded branch by guarded branch, is taken
 * by a concrete scenario that runs through decide: a breadth-first search over real commands, from a
 * fresh complete draft, in a few directory variants (arbitration scenarios, approval, allocation,
 * refusal, a cap on arbitration rounds). Each scenario found is then replayed through the harness,
 * and the last command must take exactly that branch and land on its target status.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { getStateNodes } from 'xstate/graph'
import type {
  Actor,
  ArbitrationScenario,
  AuthorityId,
  DirectoryData,
  ExchangeId,
  RequestAction,
  RequestCoordinatorParameters,
  RequestEvent,
  RequestFacts,
  RequestPolicy,
  RequestState,
  RequestStatus,
  UserId,
  Viewer,
} from '../../index.js'
import {
  DEFAULT_REQUEST_COORDINATOR_PARAMETERS,
  REQUEST_STATUSES,
  SYSTEM,
  canUseRequestWorkflow,
  createRequestProcedure,
  hasRequestRole,
  isRequestCoordinator,
  requestAccess,
  requestFacts,
  requestMachine,
  sequentialIds,
  viewerOf,
} from '../../index.js'
import { A, PQ, U, createHarness, withRequestAccess, world, worldData } from '../../testing/index.js'

const START = new Date('2026-03-02T09:00:00Z')
const fr = (text: string) => ({ text, language: 'fr' }) as const
const de = (text: string) => ({ text, language: 'de' }) as const

// ---------------------------------------------------------------------------------------------
// the declared transitions

interface Declared {
  readonly key: string
  readonly source: RequestStatus
  readonly event: RequestAction
  /** The position of the branch among the guarded branches of (source, event). */
  readonly branch: number
  readonly target: RequestStatus
}

type TransitionConfig = string | { readonly target?: string }
const configOf = requestMachine.config.states as Record<string, { readonly on?: Record<string, TransitionConfig | ReadonlyArray<TransitionConfig>> }>

const keyOf = (source: string, event: string, branch: number, target: string) => `${source} --${event}#${branch}--> ${target}`

/** Every (status, action, branch, target) of `requestMachine.config`. */
const DECLARED: ReadonlyArray<Declared> = Object.entries(configOf).flatMap(([source, node]) =>
  Object.entries(node.on ?? {}).flatMap(([event, config]) => {
    const branches: ReadonlyArray<TransitionConfig> = Array.isArray(config) ? config : [config as TransitionConfig]
    return branches.map((b, branch) => {
      const target = (typeof b === 'string' ? b : (b.target ?? source)) as RequestStatus
      return { key: keyOf(source, event, branch, target), source: source as RequestStatus, event: event as RequestAction, branch, target }
    })
  }),
)

/** The branch the machine takes for an action and the facts of its actor, as a declared key. */
const branchTaken = (status: RequestStatus, type: RequestAction, facts: RequestFacts): string | undefined => {
  const snapshot = requestMachine.resolveState({ value: status, context: {} })
  const [definition] = requestMachine.getTransitionData(snapshot, { type, facts })
  if (definition === undefined) return undefined
  const node = getStateNodes(requestMachine).find((n) => n.key === status)
  const branch = node?.transitions.get(type)?.indexOf(definition) ?? -1
  return keyOf(status, type, branch, definition.target?.[0]?.key ?? status)
}

/** The rules each transition proves, by `source|event|branch`, falling back on `event`. */
const RULES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'request.edit': ['REQ-DRAFT-SAVE'],
  'request.delete-draft': ['REQ-DRAFT-DELETE'],
  'draft|request.send|0': ['REQ-SEND-TARGET-STATUS', 'REQ-REQUEST-APPROVAL-APPLIES'],
  'request.send': ['REQ-SEND-TARGET-STATUS'],
  'request.approve': ['REQ-APPROVE-REQUEST', 'REQ-APPROVAL-BY-REFEREE'],
  'request.return': ['REQ-REJECT-REQUEST-APPROVAL'],
  'request.accept': ['REQ-ACCEPT-STATUS'],
  'awaiting-acceptance|request.refuse|0': ['REQ-REFUSE-AWAITING', 'REQ-REFUSE-CLOSES'],
  'accepted|request.refuse|0': ['REQ-REFUSE-AFTER-ACCEPT', 'REQ-REFUSE-CLOSES'],
  'request.forward': ['REQ-FORWARD-STATUSES', 'REQ-FORWARD-NEW-ADDRESSEE'],
  'request.split': ['REQ-SPLIT-STATUSES', 'REQ-SPLIT-REMAINING'],
  'request.save-reply': ['REQ-REPLY-FROM-ACCEPTED'],
  'accepted|request.reply|0': ['REQ-REPLY-TARGET-STATUS', 'REQ-REPLY-APPROVAL-APPLIES'],
  'request.reply': ['REQ-REPLY-FROM-ACCEPTED', 'REQ-REPLY-TARGET-STATUS'],
  'request.approve-reply': ['REQ-APPROVE-REPLY'],
  'request.return-reply': ['REQ-REJECT-REPLY-APPROVAL'],
  'request.add-message': ['REQ-MESSAGES-WINDOW', 'REQ-MESSAGES-BOTH-SIDES'],
  'request.add-attachment': ['REQ-MESSAGES-WINDOW', 'REQ-EXTRA-ATTACHMENTS'],
  'request.change-coordinator': ['REQ-COORD-CHANGEABLE'],
  'draft|request.allocate|0': ['REQ-OUT-REALLOCATE-DRAFT'],
  'request.allocate': ['REQ-ALLOC-ANY-STAGE'],
  'request.close': ['REQ-CLOSE-ACCEPT-REPLY'],
  'request.request-additional-info': ['REQ-ADDINFO-FROM-REPLIED', 'REQ-ADDINFO-REQUESTED'],
  'request.accept-additional-info': ['REQ-ADDINFO-ACCEPT'],
  'request.reject-additional-info': ['REQ-ADDINFO-REJECT'],
  'request.accept-refusal': ['REQ-ADDINFO-ACCEPT-REFUSAL'],
  'additional-info-refused|request.insist|0': ['REQ-ADDINFO-INSIST', 'REQ-ARB-SCENARIO', 'REQ-ARB-RC-FIRST'],
  'additional-info-refused|request.insist|1': ['REQ-ADDINFO-INSIST', 'REQ-ARB-SCENARIO', 'REQ-ARB-RC-FIRST'],
  'additional-info-refused|request.insist|2': ['REQ-ADDINFO-INSIST', 'REQ-ARB-SCENARIO', 'REQ-ARB-S2-ESCALATE'],
  'additional-info-refused|request.insist|3': ['REQ-ADDINFO-INSIST', 'REQ-ARB-SCENARIO', 'REQ-ARB-S4-SECOND-ROUND'],
  'request.find-reply-satisfactory': ['REQ-ARB-SATISFACTORY-CLOSE', 'REQ-ARB-REFEREE-ACTS'],
  'arbitration-requesting-coordinator|request.find-reply-unsatisfactory|0': ['REQ-ARB-S1-UNSATISFACTORY'],
  'arbitration-requesting-coordinator|request.find-reply-unsatisfactory|1': ['REQ-ARB-S3-RC-UNSATISFACTORY'],
  'arbitration-responding-coordinator|request.find-reply-unsatisfactory|0': ['REQ-ARB-RESPC-UNSATISFACTORY'],
  'request.reconsider': ['REQ-ARB-RETURN-RECONSIDER'],
  'additional-info-requested|request.maintain-position|0': ['REQ-ARB-S4-MAINTAIN-CLOSE'],
  'returned-after-arbitration|request.maintain-position|0': ['REQ-ARB-S1-MAINTAIN-CLOSE'],
  'returned-after-arbitration|request.maintain-position|1': ['REQ-ARB-ROUND-CAP'],
  'returned-after-arbitration|request.maintain-position|2': ['REQ-ARB-S2-RELAUNCH', 'REQ-ARB-S3-RELAUNCH'],
  'request.block-personal-data': ['RET-BLOCK-SIX-MONTHS'],
  'request.erase-personal-data': ['RET-DELETE-THREE-YEARS'],
  'request.remove-personal-data': ['RET-EARLY-REMOVAL'],
}
const rulesOf = (d: Declared): ReadonlyArray<string> => RULES[`${d.source}|${d.event}|${d.branch}`] ?? RULES[d.event] ?? []

/** Scenarios under which a transition must have been taken, for the rules that name them. */
const SCENARIOS: Readonly<Record<string, ReadonlyArray<ArbitrationScenario>>> = {
  'additional-info-refused|request.insist|0': ['S1'],
  'additional-info-refused|request.insist|1': ['S3'],
  'additional-info-refused|request.insist|2': ['S2'],
  'additional-info-refused|request.insist|3': ['S4'],
  'arbitration-requesting-coordinator|request.find-reply-unsatisfactory|0': ['S1'],
  'arbitration-requesting-coordinator|request.find-reply-unsatisfactory|1': ['S3'],
  'returned-after-arbitration|request.maintain-position|0': ['S1'],
  'returned-after-arbitration|request.maintain-position|2': ['S2', 'S3'],
}

// ---------------------------------------------------------------------------------------------
// directory variants

interface Variant {
  readonly name: string
  readonly data: DirectoryData
  readonly policy: RequestPolicy
}

const coordinatorParameters = (data: DirectoryData, id: AuthorityId, p: Partial<RequestCoordinatorParameters>): DirectoryData =>
  withRequestAccess(data, id, (r) => ({ ...r, coordinatorParameters: { ...DEFAULT_REQUEST_COORDINATOR_PARAMETERS, ...r.coordinatorParameters, ...p } }))
const notArbitrating = (data: DirectoryData, id: AuthorityId) => coordinatorParameters(data, id, { takesPartInArbitration: false })

const approvalAllocationRefusal = (): DirectoryData => {
  let data = worldData()
  data = withRequestAccess(data, A.frCa, (r) => ({ ...r, allocation: true, parameters: { ...r.parameters, approvalRequired: true } }))
  data = withRequestAccess(data, A.deCa, (r) => ({ ...r, allocation: true, parameters: { ...r.parameters, approvalRequired: true, mayRefuseRequests: true } }))
  data = withRequestAccess(data, A.frNimic, (r) => ({ ...r, allocation: true }))
  data = withRequestAccess(data, A.deNimic, (r) => ({ ...r, allocation: true }))
  data = coordinatorParameters(data, A.frNimic, { approveRequests: true })
  return coordinatorParameters(data, A.deNimic, { approveReplies: true })
}

const VARIANTS: ReadonlyArray<Variant> = [
  { name: 'both coordinators arbitrate (S3)', data: worldData(), policy: {} },
  { name: 'only the requesting coordinator arbitrates (S1)', data: notArbitrating(worldData(), A.deNimic), policy: {} },
  { name: 'only the responding coordinator arbitrates (S2)', data: notArbitrating(worldData(), A.frNimic), policy: {} },
  { name: 'no coordinator arbitrates (S4)', data: notArbitrating(notArbitrating(worldData(), A.frNimic), A.deNimic), policy: {} },
  { name: 'approval on both sides, allocation, refusal allowed', data: approvalAllocationRefusal(), policy: {} },
  { name: 'S2 with arbitration rounds capped at 0', data: notArbitrating(worldData(), A.frNimic), policy: { maxArbitrationRounds: 0 } },
]

// ---------------------------------------------------------------------------------------------
// scenarios

type Who = UserId | Actor
interface Step {
  readonly who: Who
  readonly command: Record<string, unknown>
}
interface Witness {
  readonly variant: Variant
  readonly steps: ReadonlyArray<Step>
}

const USERS: ReadonlyArray<UserId> = Object.values(U)
const ACTORS: ReadonlyArray<Who> = [...USERS, SYSTEM]

const actorOf = (data: ReturnType<typeof world>, who: Who): Actor => {
  if (typeof who !== 'string') return who
  return { kind: 'user', userId: who, authorityId: data.user(who)?.authorityId as AuthorityId }
}

/** The seed of every scenario: a complete draft from the French authority to the German one. */
const SEED: Step = {
  who: U.frHandler,
  command: {
    type: 'request.create',
    legislativeArea: PQ,
    questionSetId: 'pq.general',
    addressee: A.deCa,
    caseData: { name: 'Camille Martin', 'date-of-birth': '1980-05-04', profession: 'Médecin' },
    questions: [
      { questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' }, comment: fr('Merci de confirmer.') },
      { questionId: 'pq.establishment.suspension' },
    ],
    deadline: '2026-06-30',
  },
}

const activeQuestions = (s: RequestState): string[] => s.questions.filter((q) => q.movedTo === undefined).map((q) => q.questionId)

/** A few concrete payloads per action, enough to take every branch. */
const payloads = (type: RequestAction, s: RequestState, viewer: Viewer, facts: RequestFacts, directory: ReturnType<typeof world>): ReadonlyArray<Record<string, unknown>> => {
  const me = viewer.kind === 'user' ? viewer.authority : undefined
  const linkedTo = (id: AuthorityId | undefined) => {
    const a = id === undefined ? undefined : directory.authority(id)
    return a === undefined ? [] : (requestAccess(a, PQ)?.linkedCoordinators ?? [])
  }
  const colleague = directory
    .authorities()
    .find((a) => me !== undefined && a.memberState === me.memberState && a.id !== me.id && canUseRequestWorkflow(a, PQ) && !isRequestCoordinator(a, PQ))
  const active = activeQuestions(s)
  switch (type) {
    case 'request.edit':
      return [{ justification: fr('Vérification du titre de formation.') }]
    case 'request.return':
    case 'request.return-reply':
      return [{ suggestions: fr('Merci de préciser la question.') }]
    case 'request.accept': {
      const linked = linkedTo(me?.id)
      return [linked.length > 1 ? { coordinator: linked[0] } : {}]
    }
    case 'request.refuse':
      return [{ justification: de('Keine zuständige Behörde.'), noOtherCompetentAuthority: true }]
    case 'request.forward':
      return colleague === undefined ? [] : [{ to: colleague.id, justification: de('Zuständigkeit der Kammer.') }]
    case 'request.split':
      return colleague === undefined || active.length < 2 ? [] : [{ to: colleague.id, justification: de('Teilweise zuständig.'), questions: [active[0]], attachments: [] }]
    case 'request.save-reply':
      return [{ answers: active.slice(0, 1).map((questionId) => ({ questionId, answerId: 'yes' })) }]
    case 'request.reply':
      return [{ answers: active.map((questionId) => ({ questionId, answerId: 'yes' })) }]
    case 'request.add-message':
      return [{ text: fr('Une précision.') }]
    case 'request.add-attachment':
      return [{ attachment: { fileName: 'diplome.pdf', mediaType: 'application/pdf', size: 1000, contentRef: 'blob:1', relevance: 'evidence-of-qualifications' } }]
    case 'request.change-coordinator':
      return facts.coordinatorSides.flatMap((side) => {
        const coordinator = linkedTo(side === 'requesting' ? s.requesting.authorityId : s.responding.authorityId)[0]
        return coordinator === undefined ? [] : [{ side, coordinator }]
      })
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
      return [{ justification: fr('Merci de compléter la réponse.'), questions: active.slice(0, 1) }]
    case 'request.reject-additional-info':
    case 'request.maintain-position':
      return [{ justification: de('Die Antwort ist vollständig.') }]
    case 'request.remove-personal-data':
      return [{ reason: fr("Demande d'effacement de la personne concernée."), requestedBy: 'data-subject' }]
    default:
      return [{}]
  }
}

/** A coarse abstraction of a request, enough to tell apart the situations that enable different branches. */
const abstraction = (s: RequestState): string =>
  JSON.stringify([
    s.status,
    s.responding.authorityId,
    s.responding.accepted,
    s.requesting.coordinatorId,
    s.responding.coordinatorId,
    s.requesting.allocated,
    s.responding.allocated,
    s.requesting.coordinatorAllocated,
    s.responding.coordinatorAllocated,
    s.additionalInfo?.round,
    s.arbitration,
    s.personalData,
    activeQuestions(s).length,
  ])

const MAX_NODES = 400

/**
 * Breadth-first search over real commands in one variant: from the seed, every action the toolbar
 * offers to any fixture user (or the system), with the payloads above, through decide and evolve.
 * Returns the shortest scenario found for each declared transition.
 */
const search = (variant: Variant): Map<string, ReadonlyArray<Step>> => {
  const procedure = createRequestProcedure(variant.policy)
  const directory = world(variant.data)
  const context = (who: Who) => ({ now: START, actor: actorOf(directory, who), directory, ids: sequentialIds('h') })
  const found = new Map<string, ReadonlyArray<Step>>()
  const seedCommand = procedure.commands.decode(SEED.command)
  if (E.isLeft(seedCommand)) throw new Error('the seed does not decode')
  const seeded = procedure.decide(seedCommand.right, undefined, context(SEED.who))
  if (E.isLeft(seeded)) throw new Error(`the seed is refused: ${seeded.left.code}`)
  const first = seeded.right.events.reduce<RequestState | undefined>((s, e) => procedure.evolve(s, e), undefined) as RequestState
  const queue: Array<{ state: RequestState; steps: ReadonlyArray<Step> }> = [{ state: first, steps: [SEED] }]
  const seen = new Set([abstraction(first)])
  for (let i = 0; i < queue.length && i < MAX_NODES; i += 1) {
    const { state, steps } = queue[i] as (typeof queue)[number]
    for (const who of ACTORS) {
      const ctx = context(who)
      const viewer = viewerOf(directory, ctx.actor)
      if (viewer === undefined) continue
      const facts = requestFacts(state, viewer, directory, variant.policy)
      for (const type of procedure.availableActions(state, viewer, ctx) as ReadonlyArray<RequestAction>) {
        if (type === 'request.copy') continue
        for (const payload of payloads(type, state, viewer, facts, directory)) {
          const command = { type, exchangeId: state.exchangeId, ...payload }
          const decoded = procedure.commands.decode(command)
          if (E.isLeft(decoded)) throw new Error(`a search payload does not decode: ${type}`)
          const decided = procedure.decide(decoded.right, state, context(who))
          if (E.isLeft(decided)) continue
          const key = branchTaken(state.status, type, facts)
          const path = [...steps, { who, command }]
          if (key !== undefined && !found.has(key)) found.set(key, path)
          if (decided.right.erase) continue
          const next = decided.right.events.filter((e) => e.exchangeId === state.exchangeId).reduce<RequestState>((s, e) => procedure.evolve(s, e), state)
          const k = abstraction(next)
          if (!seen.has(k)) {
            seen.add(k)
            queue.push({ state: next, steps: path })
          }
        }
      }
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// the tests

describe('request machine path coverage', () => {
  const witnesses = new Map<string, Witness[]>()

  beforeAll(() => {
    for (const variant of VARIANTS)
      for (const [key, steps] of search(variant)) witnesses.set(key, [...(witnesses.get(key) ?? []), { variant, steps }])
  }, 120_000)

  it('[REQ-STATUS-SET] the machine declares exactly the statuses of the model, and the transitions between them', () => {
    expect(Object.keys(configOf).sort()).toEqual([...REQUEST_STATUSES].sort())
    expect(requestMachine.config.initial).toBe('draft')
    // The enumeration from the config matches the machine's resolved transitions, branch for branch.
    const resolved = getStateNodes(requestMachine).flatMap((n) =>
      [...n.transitions].flatMap(([event, defs]) => defs.map((d, i) => keyOf(n.key, event, i, d.target?.[0]?.key ?? n.key))),
    )
    expect([...resolved].sort()).toEqual(DECLARED.map((d) => d.key).sort())
    for (const d of DECLARED) {
      expect(REQUEST_STATUSES).toContain(d.source)
      expect(REQUEST_STATUSES).toContain(d.target)
    }
  })

  it('every declared transition is taken by some scenario', () => {
    expect([...witnesses.keys()].sort()).toEqual(DECLARED.map((d) => d.key).sort())
  })

  it('[REQ-STATUS-SET] every status is reachable from a new draft', () => {
    const reached = new Set<string>(['draft', ...[...witnesses.keys()].map((k) => DECLARED.find((d) => d.key === k)?.target ?? '')])
    expect([...reached].filter((s) => s !== '').sort()).toEqual([...REQUEST_STATUSES].sort())
  })

  const titled = DECLARED.map((d) => ({ ...d, title: `${rulesOf(d).map((r) => `[${r}]`).join('')} ${d.key}`.trim() }))
  it.each(titled)('$title', (d) => {
    const found = witnesses.get(d.key) ?? []
    expect(found.length).toBeGreaterThan(0)
    const scenarios = new Set<ArbitrationScenario>()
    for (const { variant, steps } of found) {
      const h = createHarness<RequestState>(createRequestProcedure(variant.policy), world(variant.data), START)
      const [seed, ...rest] = steps
      h.ok((seed as Step).who, (seed as Step).command)
      const main: ExchangeId = h.last()
      const last = rest[rest.length - 1] as Step
      for (const step of rest.slice(0, -1)) h.ok(step.who, step.command)
      expect(last.command.exchangeId).toBe(main)

      const before = h.state(main)
      expect(before.status).toBe(d.source)
      const viewer = viewerOf(h.directory, actorOf(h.directory, last.who)) as Viewer
      const facts = requestFacts(before, viewer, h.directory, variant.policy)
      expect(branchTaken(before.status, d.event, facts)).toBe(d.key)
      scenarios.add(facts.escalatedScenario ?? facts.scenario)

      const result = h.exec(last.who, last.command)
      expect(E.isRight(result)).toBe(true)
      if (d.event === 'request.delete-draft') {
        // Deleting a draft erases it rather than moving it (REQ-DRAFT-DELETE).
        expect(h.exists(main)).toBe(false)
        continue
      }
      expect(h.state(main).status).toBe(d.target)
      const own = (E.isRight(result) ? result.right : []).filter((e) => e.exchangeId === main) as ReadonlyArray<RequestEvent>
      expect(own).toHaveLength(1)
      expect(own[0]?.from).toBe(d.source)
      expect(own[0]?.to).toBe(d.target)
    }
    for (const scenario of SCENARIOS[`${d.source}|${d.event}|${d.branch}`] ?? []) expect([...scenarios]).toContain(scenario)
  })
})
