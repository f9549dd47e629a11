/**
 * Path coverage of the alert statechart (CONVENTIONS §15, third style).
 *
 * Every transition declared in `alertMachine.config`, guarded branch by guarded branch, is taken by a
 * concrete scenario that runs through decide: a breadth-first search over real commands, and over
 * moves of the clock to the next deadline, from a few starting points that are themselves real
 * command sequences from a new draft (a draft, a broadcast alert, a closure in each of its phases,
 * a withdrawn and a closed alert). Each scenario found is then replayed through
 * the harness, and its last command must take exactly that branch and land on its target status.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { getStateNodes } from 'xstate/graph'
import type { Actor, AlertAction, AlertEvent, AlertFacts, AlertState, AlertStatus, AuthorityId, ExchangeId, IdSource, UserId, Viewer } from '../../index.js'
import {
  ALERT_STATUSES,
  SYSTEM,
  alertFacts,
  alertMachine,
  alertRetention,
  canUseAlertWorkflow,
  reachableCoordinators,
  sequentialIds,
  viewerOf,
} from '../../index.js'
import type { Harness } from '../../testing/index.js'
import { A, ALERT_START, DAY, TEST_ALERT_POLICY, U, alertDraft, alertHarness, createHarness, testAlertProcedure, world } from '../../testing/index.js'

const procedure = testAlertProcedure
const en = (text: string) => ({ text, language: 'en' }) as const

// ---------------------------------------------------------------------------------------------
// the declared transitions

interface Declared {
  readonly key: string
  readonly source: AlertStatus
  readonly event: AlertAction
  /** The position of the branch among the guarded branches of (source, event). */
  readonly branch: number
  readonly target: AlertStatus
}

type TransitionConfig = string | { readonly target?: string }
const configOf = alertMachine.config.states as Record<string, { readonly on?: Record<string, TransitionConfig | ReadonlyArray<TransitionConfig>> }>

const keyOf = (source: string, event: string, branch: number, target: string) => `${source} --${event}#${branch}--> ${target}`

/** Every (status, action, branch, target) of `alertMachine.config`. */
const DECLARED: ReadonlyArray<Declared> = Object.entries(configOf).flatMap(([source, node]) =>
  Object.entries(node.on ?? {}).flatMap(([event, config]) => {
    const branches: ReadonlyArray<TransitionConfig> = Array.isArray(config) ? config : [config as TransitionConfig]
    return branches.map((b, branch) => {
      const target = (typeof b === 'string' ? b : (b.target ?? source)) as AlertStatus
      return { key: keyOf(source, event, branch, target), source: source as AlertStatus, event: event as AlertAction, branch, target }
    })
  }),
)

/** The branch the machine takes for an action and the facts of its actor, as a declared key. */
const branchTaken = (status: AlertStatus, type: AlertAction, facts: AlertFacts): string | undefined => {
  const snapshot = alertMachine.resolveState({ value: status, context: {} })
  const [definition] = alertMachine.getTransitionData(snapshot, { type, facts })
  if (definition === undefined) return undefined
  const node = getStateNodes(alertMachine).find((n) => n.key === status)
  const branch = node?.transitions.get(type)?.indexOf(definition) ?? -1
  return keyOf(status, type, branch, definition.target?.[0]?.key ?? status)
}

/** The rules each transition proves, by `source|event|branch`, falling back on `event`. */
const RULES: Readonly<Record<string, ReadonlyArray<string>>> = {
  'draft|alert.edit|0': ['ALERT-NUMBER-FIRST-SAVE'],
  'alert.edit': ['ALERT-UNBROADCAST-EDITOR'],
  'draft|alert.delete|0': ['ALERT-DRAFT-DELETE'],
  'alert.delete': ['ALERT-UNBROADCAST-EDITOR', 'ALERT-WITHDRAW-STATUSES'],
  'alert.submit': ['ALERT-SUBMIT-STATUS'],
  'alert.forward-to-coordinator': ['ALERT-FORWARD-COORDINATOR', 'ALERT-FORWARD-RESELECT'],
  'alert.accept': ['ALERT-ACCEPT-SUBMITTED'],
  'awaiting-broadcast|alert.add-recipient-states|0': ['ALERT-ADD-MS-BEFORE-BROADCAST'],
  'alert.add-recipient-states': ['ALERT-ADD-MS-AFTER-BROADCAST'],
  'alert.broadcast': ['ALERT-BROADCAST-ACCEPTED', 'ALERT-ACCEPT-BEFORE-BROADCAST'],
  'alert.acknowledge': ['ALERT-MAILBOX-ACKNOWLEDGE'],
  'alert.forward-within-state': ['ALERT-MAILBOX-FIRST-FORWARD'],
  'alert.remove-recipient': ['ALERT-REMOVE-MAILBOX-ONLY'],
  'alert.submit-information': ['ALERT-INFO-ANY-TIME', 'ALERT-INFO-SUBMIT'],
  'alert.edit-information': ['ALERT-UNBROADCAST-EDITOR'],
  'alert.delete-information': ['ALERT-UNBROADCAST-EDITOR'],
  'alert.broadcast-information': ['ALERT-INFO-BROADCAST'],
  'broadcast|alert.modify|0': ['ALERT-MODIFY-PROVIDER-CASE'],
  'alert.modify': ['ALERT-MODIFY-DURING-CLOSURE'],
  'alert.change-establishment': ['ALERT-CHANGE-MSE-WHO', 'ALERT-CHANGE-MSE-NO-PROPOSAL'],
  'alert.propose-withdrawal': ['ALERT-WITHDRAW-SUBMIT', 'ALERT-WITHDRAW-STATUSES'],
  'alert.cancel-withdrawal': ['ALERT-WITHDRAW-CANCEL'],
  'alert.broadcast-withdrawal': ['ALERT-WITHDRAW-BROADCAST'],
  'alert.propose-closure': ['ALERT-CLOSURE-FROM-BROADCAST', 'ALERT-CLOSURE-OPEN-COMMENTS'],
  'alert.comment': ['ALERT-COMMENT-WHO', 'ALERT-COMMENT-IN-PERIOD'],
  'alert.edit-closure-proposal': ['ALERT-PROPOSAL-EDITOR'],
  'closure-open-for-objections|alert.cancel-closure-proposal|0': ['ALERT-NOT-CLOSE-CANCEL'],
  'alert.cancel-closure-proposal': ['ALERT-PROPOSAL-EDITOR', 'ALERT-PROPOSAL-CANCEL-RETURNS'],
  'alert.end-comment-period': ['ALERT-COMMENT-PERIOD-END'],
  'alert.broadcast-closure-proposal': ['ALERT-PROPOSAL-BROADCAST'],
  'alert.end-objection-period': ['ALERT-OBJECTION-PERIOD-END'],
  'alert.close': ['ALERT-CLOSE-STATUS', 'ALERT-CLOSE-AFTER-OBJECTIONS'],
  'alert.block-personal-data': ['RET-ALERT-PD-PURGE'],
  'alert.erase-personal-data': ['RET-DELETE-THREE-YEARS'],
  'alert.remove-personal-data': ['RET-EARLY-REMOVAL'],
}
const rulesOf = (d: Declared): ReadonlyArray<string> => RULES[`${d.source}|${d.event}|${d.branch}`] ?? RULES[d.event] ?? []

// ---------------------------------------------------------------------------------------------
// scenarios

type Who = UserId | Actor
/** A command by someone, or the clock moved on to an instant. */
type Step = { readonly who: Who; readonly command: Record<string, unknown> } | { readonly advanceTo: string }

const directory = world()
const USERS: ReadonlyArray<UserId> = Object.values(U)
const ACTORS: ReadonlyArray<Who> = [...USERS, SYSTEM]

const actorOf = (who: Who): Actor => (typeof who !== 'string' ? who : { kind: 'user', userId: who, authorityId: directory.user(who)?.authorityId as AuthorityId })

/** Stands for the id of the alert in scripted steps; replaced by the real one. */
const MAIN = 'main' as ExchangeId
const cmd = (who: Who, type: AlertAction, payload: Record<string, unknown> = {}): Step => ({ who, command: { type, exchangeId: MAIN, ...payload } })
const advanceBy = (days: number): Step => ({ advanceTo: new Date(ALERT_START.getTime() + days * DAY).toISOString() })

// The starting points, each a real command sequence from a new draft about a provider established in
// Germany. Germany alone receives it, so that Italy can still be added at every stage.
const CREATE: Step = { who: U.frAlertHandler, command: alertDraft({ recipientStates: ['DE'], establishment: 'DE' }) }
const BROADCAST: ReadonlyArray<Step> = [CREATE, cmd(U.frAlertHandler, 'alert.submit'), cmd(U.frNimicBroadcaster, 'alert.accept'), cmd(U.frNimicBroadcaster, 'alert.broadcast')]
const FORWARDED: ReadonlyArray<Step> = [
  ...BROADCAST,
  cmd(U.deNimicBroadcaster, 'alert.acknowledge'),
  cmd(U.deNimicBroadcaster, 'alert.forward-within-state', { authorities: [A.deCa, A.deCa2] }),
]
const COMMENTS: ReadonlyArray<Step> = [...FORWARDED, cmd(U.deAlertHandler, 'alert.propose-closure', { coordinator: A.deNimic, text: en('The provider ceased trading.') })]
const AWAITING: ReadonlyArray<Step> = [...COMMENTS, advanceBy(TEST_ALERT_POLICY.commentPeriod.days), cmd(SYSTEM, 'alert.end-comment-period')]
const OBJECTIONS: ReadonlyArray<Step> = [...AWAITING, cmd(U.deNimicBroadcaster, 'alert.broadcast-closure-proposal', { includedComments: [] })]
const CLOSED: ReadonlyArray<Step> = [...OBJECTIONS, advanceBy(TEST_ALERT_POLICY.commentPeriod.days + TEST_ALERT_POLICY.objectionPeriod.days), cmd(U.deNimicBroadcaster, 'alert.close')]
const WITHDRAWN: ReadonlyArray<Step> = [
  ...FORWARDED,
  cmd(U.frAlertHandler, 'alert.propose-withdrawal', { reason: en('The evidence was wrong.') }),
  cmd(U.frNimicBroadcaster, 'alert.broadcast-withdrawal'),
]
const STARTS: ReadonlyArray<ReadonlyArray<Step>> = [[CREATE], BROADCAST, FORWARDED, COMMENTS, AWAITING, OBJECTIONS, CLOSED, WITHDRAWN]

/** Runs scripted or found steps through a harness; the first creates the alert. */
const replay = (h: Harness<AlertState>, steps: ReadonlyArray<Step>): ExchangeId => {
  let main: ExchangeId | undefined
  for (const step of steps) {
    if ('advanceTo' in step) h.now = new Date(step.advanceTo)
    else if (main === undefined) {
      h.ok(step.who, step.command)
      main = h.last()
    } else h.ok(step.who, { ...step.command, exchangeId: main })
  }
  if (main === undefined) throw new Error('a scenario starts with the creation of the alert')
  return main
}

/** An id source that hands out the item ids the harness would hand out next, from a count. */
const idsFrom = (items: { n: number }): IdSource => ({
  exchangeId: () => 'h-x-unused' as ExchangeId,
  exchangeNumber: (p) => `${p}-unused`,
  itemId: () => `h-i${++items.n}`,
})

/** A few concrete payloads per action, enough to take every branch. */
const payloads = (type: AlertAction, s: AlertState, viewer: Viewer): ReadonlyArray<Record<string, unknown>> => {
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
      return (['IT', 'DE'] as const).filter((m) => !s.content.recipientStates.includes(m)).slice(0, 1).map((m) => ({ memberStates: [m] }))
    case 'alert.forward-within-state': {
      const to = directory
        .authorities()
        .find((a) => me !== undefined && a.memberState === me.memberState && a.id !== me.id && a.id !== s.initiatingAuthority && canUseAlertWorkflow(a) && !s.recipients.some((r) => r.authorityId === a.id && !r.removed))
      return to === undefined ? [] : [{ authorities: [to.id] }]
    }
    case 'alert.remove-recipient':
      return s.recipients.filter((r) => r.kind === 'forwarded' && !r.removed && !r.hasActed).map((r) => ({ authorityId: r.authorityId }))
    case 'alert.change-establishment':
      return [{ establishment: s.content.establishment === 'IT' ? 'DE' : 'IT' }]
    case 'alert.submit-information': {
      const coordinator = reachable[0]
      if (coordinator === undefined) return []
      const kinds = s.status === 'closure-open-for-objections' ? ['general', 'objection'] : ['general']
      return kinds.map((kind) => ({ kind, coordinator, text: en('The provider still operates in Lyon.') }))
    }
    case 'alert.edit-information':
      return pending.map((p) => ({ ...p, text: en('The provider still operates in Lyon and Nice.') }))
    case 'alert.delete-information':
    case 'alert.broadcast-information':
      return pending
    case 'alert.propose-withdrawal':
      return [{ reason: en('The evidence was wrong.') }]
    case 'alert.propose-closure':
      return reachable.slice(0, 1).map((coordinator) => ({ coordinator, text: en('The provider ceased trading.') }))
    case 'alert.comment':
      return [{ text: en('We agree with the closure.') }]
    case 'alert.edit-closure-proposal':
      return [{ text: en('The provider ceased trading in May.') }]
    case 'alert.broadcast-closure-proposal':
      return [{ includedComments: (s.closure?.comments ?? []).map((c) => c.id) }]
    case 'alert.remove-personal-data':
      return [{ reason: en("The provider's erasure request under Art. 17 GDPR."), requestedBy: 'data-subject' }]
    default:
      return [{}]
  }
}

/** The deadlines of an alert still ahead of `now`; the clock moves to the earliest. */
const nextDeadline = (s: AlertState, now: string): string | undefined => {
  const r = alertRetention(s)
  return [s.closure?.commentPeriodEndsAt, s.closure?.objectionPeriodEndsAt, r.blockAt, r.eraseAt]
    .filter((x): x is string => x !== undefined && x > now)
    .sort()[0]
}

/** A coarse abstraction of an alert and the clock, enough to tell apart the situations that enable different branches. */
const abstraction = (s: AlertState, now: string): string =>
  JSON.stringify([
    s.status,
    s.selectedCoordinator,
    s.content.recipientStates,
    s.content.establishment,
    s.recipients.map((r) => [r.authorityId, r.mailboxState, r.hasActed, r.removed]),
    s.information.map((i) => [i.status, i.kind]),
    s.withdrawal?.from,
    s.closure === undefined ? undefined : [s.closure.comments.length, s.closure.broadcastAt !== undefined, s.closure.objectionPeriodEnded],
    s.personalData,
    nextDeadline(s, now),
  ])

const MAX_NODES = 200

/**
 * Breadth-first search over real commands from one starting point: every action the toolbar offers
 * to any fixture user (or the system), with the payloads above, through decide and evolve, and the
 * clock moved to the next deadline. Returns the shortest scenario found for each declared transition.
 */
const search = (start: ReadonlyArray<Step>): Map<string, ReadonlyArray<Step>> => {
  // The harness's own ids, counted, so that the search hands out the item ids a replay will.
  const inner = sequentialIds('h')
  const counted = { n: 0 }
  const h = createHarness<AlertState>(procedure, directory, ALERT_START, { ...inner, itemId: () => (counted.n++, inner.itemId()) })
  replay(h, start)
  const found = new Map<string, ReadonlyArray<Step>>()
  const first = h.state(h.last())
  const items = counted.n
  interface Node {
    readonly state: AlertState
    readonly now: string
    readonly items: number
    readonly steps: ReadonlyArray<Step>
  }
  const queue: Node[] = [{ state: first, now: h.now.toISOString(), items, steps: start }]
  const seen = new Set([abstraction(first, h.now.toISOString())])
  const enqueue = (node: Node) => {
    const k = abstraction(node.state, node.now)
    if (seen.has(k)) return
    seen.add(k)
    queue.push(node)
  }
  for (let i = 0; i < queue.length && i < MAX_NODES; i += 1) {
    const { state, now, items: used, steps } = queue[i] as Node
    const deadline = nextDeadline(state, now)
    if (deadline !== undefined) enqueue({ state, now: deadline, items: used, steps: [...steps, { advanceTo: deadline }] })
    for (const who of ACTORS) {
      const context = (counter: { n: number }) => ({ now: new Date(now), actor: actorOf(who), directory, ids: idsFrom(counter) })
      const viewer = viewerOf(directory, actorOf(who))
      if (viewer === undefined) continue
      const facts = alertFacts(state, viewer, directory, new Date(now))
      for (const type of procedure.availableActions(state, viewer, context({ n: used })) as ReadonlyArray<AlertAction>) {
        for (const payload of payloads(type, state, viewer)) {
          const command = { type, exchangeId: state.exchangeId, ...payload }
          const decoded = procedure.commands.decode(command)
          if (E.isLeft(decoded)) throw new Error(`a search payload does not decode: ${type}`)
          const counter = { n: used }
          const decided = procedure.decide(decoded.right, state, context(counter))
          if (E.isLeft(decided)) continue
          const key = branchTaken(state.status, type, facts)
          const path = [...steps, { who, command: { ...command, exchangeId: MAIN } }]
          if (key !== undefined && !found.has(key)) found.set(key, path)
          if (decided.right.erase) continue
          const next = decided.right.events.reduce<AlertState>((s, e) => procedure.evolve(s, e), state)
          enqueue({ state: next, now, items: counter.n, steps: path })
        }
      }
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// the tests

describe('alert machine path coverage', () => {
  const witnesses = new Map<string, ReadonlyArray<Step>>()

  beforeAll(() => {
    for (const start of STARTS)
      for (const [key, steps] of search(start)) {
        const known = witnesses.get(key)
        if (known === undefined || steps.length < known.length) witnesses.set(key, steps)
      }
  }, 120_000)

  it('[ALERT-EVENT-HISTORY] the machine declares exactly the statuses of the model, and the transitions between them', () => {
    expect(Object.keys(configOf).sort()).toEqual([...ALERT_STATUSES].sort())
    expect(alertMachine.config.initial).toBe('draft')
    // The enumeration from the config matches the machine's resolved transitions, branch for branch.
    const resolved = getStateNodes(alertMachine).flatMap((n) =>
      [...n.transitions].flatMap(([event, defs]) => defs.map((d, i) => keyOf(n.key, event, i, d.target?.[0]?.key ?? n.key))),
    )
    expect([...resolved].sort()).toEqual(DECLARED.map((d) => d.key).sort())
    for (const d of DECLARED) {
      expect(ALERT_STATUSES).toContain(d.source)
      expect(ALERT_STATUSES).toContain(d.target)
    }
  })

  it('[ALERT-WITHDRAWN-FROZEN][ALERT-CLOSED-FINAL][RET-EARLY-REMOVAL] withdrawn and closed alerts only run retention, on schedule or early', () => {
    for (const status of ['withdrawn', 'closed'] as const)
      expect([...new Set(DECLARED.filter((d) => d.source === status).map((d) => d.event))].sort()).toEqual(['alert.block-personal-data', 'alert.erase-personal-data', 'alert.remove-personal-data'])
    expect(DECLARED.filter((d) => d.source === 'withdrawn' || d.source === 'closed').every((d) => d.target === d.source)).toBe(true)
  })

  it('every declared transition is taken by some scenario', () => {
    expect([...witnesses.keys()].sort()).toEqual(DECLARED.map((d) => d.key).sort())
  })

  it('every status is reachable from a new draft', () => {
    const reached = new Set<string>(['draft', ...[...witnesses.keys()].map((k) => DECLARED.find((d) => d.key === k)?.target ?? '')])
    expect([...reached].filter((s) => s !== '').sort()).toEqual([...ALERT_STATUSES].sort())
  })

  const titled = DECLARED.map((d) => ({ ...d, title: `${rulesOf(d).map((r) => `[${r}]`).join('')} ${d.key}`.trim() }))
  it.each(titled)('$title', (d) => {
    const steps = witnesses.get(d.key)
    expect(steps).toBeDefined()
    const all = steps ?? []
    const last = all[all.length - 1]
    if (last === undefined || 'advanceTo' in last) throw new Error(`the scenario of ${d.key} does not end with a command`)
    const h = alertHarness(directory)
    const main = replay(h, all.slice(0, -1))
    const before = h.state(main)
    expect(before.status).toBe(d.source)
    const viewer = viewerOf(h.directory, actorOf(last.who)) as Viewer
    const facts = alertFacts(before, viewer, h.directory, h.now)
    expect(branchTaken(before.status, d.event, facts)).toBe(d.key)
    // The toolbar offers the action to whoever takes it.
    expect(procedure.availableActions(before, viewer, h.context(last.who))).toContain(d.event)

    const result = h.exec(last.who, { ...last.command, exchangeId: main })
    expect(E.isRight(result)).toBe(true)
    const own = (E.isRight(result) ? result.right : []) as ReadonlyArray<AlertEvent>
    // One command, one recorded event (ALERT-SUBMIT-BROADCAST-DISTINCT).
    expect(own).toHaveLength(1)
    expect(own[0]?.from).toBe(d.source)
    expect(own[0]?.to).toBe(d.target)
    if (d.event === 'alert.delete') {
      // Deleting an unbroadcast alert erases it rather than moving it.
      expect(h.exists(main)).toBe(false)
      return
    }
    const after = h.state(main)
    expect(after.status).toBe(d.target)
    expect(after.history[after.history.length - 1]).toMatchObject({ action: own[0]?.type, from: d.source, to: d.target, actor: actorOf(last.who) })
  })
})
