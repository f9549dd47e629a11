/**
 * The conformance suite every storage of `@imi-kit/core` passes: the memory, PGlite and PostgreSQL
 * storages of this package, and any third-party one. It runs on vitest.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  COMMISSION_SCOPE,
  SYSTEM,
  alertRetention,
  createApplicationService,
  createProcedureRegistry,
  dashboardOf,
  fixedClock,
  isListedFor,
  listingScope,
  reportExpiresAt,
  requestForInformation,
  searchSummaries,
  sequentialIds,
  viewerOf,
} from '@imi-kit/core'
import type {
  AlertEvent,
  AlertState,
  ApplicationService,
  Actor,
  Changes,
  Clock,
  EventEnvelope,
  ExchangeId,
  ExchangeSummary,
  LegislativeAreaId,
  ListingScope,
  MemberState,
  SearchQuery,
  Notification,
  ReportKind,
  ReportRecord,
  ReportStore,
  RequestState,
  Storage,
  StoredEvent,
  Timer,
} from '@imi-kit/core'
import { A, PQ, SERVICES_LA, U, alertDraft, testAlertProcedure, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '../memory/memory-storage.js'
import { rebuildProjections } from '../rebuild/rebuild-projections.js'
import type { SummaryReplacement } from '../rebuild/rebuild-target.js'

// model

/**
 * What the suite asks of the storage it is given. Leases are part of the contract, so the storage
 * must claim timers and outbox messages for `leaseMs`, and take the outbox's time from `clock`.
 *
 * @category contract
 */
export interface StorageContractOptions {
  readonly leaseMs: number
  readonly clock: Clock
}

/**
 * A storage under test, empty, and how to release it after the test.
 *
 * @category contract
 */
export interface StorageUnderTest {
  /** The storage, with the replacement of its summaries that the rebuild command uses. */
  readonly storage: Storage & SummaryReplacement
  /** Called after the test, passed or failed. */
  close(): Promise<void>
}

/**
 * Makes an empty storage for one test.
 *
 * @category contract
 */
export type MakeStorage = (options: StorageContractOptions) => Promise<StorageUnderTest>

// fixtures

const T0 = '2026-03-02T09:00:00.000Z'
const LEASE_MS = 60_000
const PROCEDURE = 'test.procedure'
const at = (ms: number) => new Date(Date.parse(T0) + ms)
const isoAt = (ms: number) => at(ms).toISOString()
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const xid = (s: string) => s as ExchangeId

const event = (exchangeId: ExchangeId, n: number): EventEnvelope => ({
  type: 'test.step',
  exchangeId,
  procedure: PROCEDURE,
  procedureVersion: 1,
  at: isoAt(n * MINUTE),
  actor: SYSTEM,
  ...(n === 1 ? {} : { from: 'open' }),
  to: 'open',
  payload: { n, text: `étape ${n}` },
})

const append = (streamId: ExchangeId, expectedVersion: number, count: number): Changes['appends'][number] => ({
  streamId,
  procedure: PROCEDURE,
  expectedVersion,
  events: Array.from({ length: count }, (_, i) => event(streamId, expectedVersion + i + 1)),
  personal: Array.from({ length: count }, () => []),
})

const changes = (partial: Partial<Omit<Changes, 'at'>>): Changes => ({ at: T0, appends: [], erase: [], erasePersonalData: [], timers: [], notifications: [], summaries: [], ...partial })

const summary = (exchangeId: ExchangeId, over: Partial<ExchangeSummary> = {}): ExchangeSummary => ({
  exchangeId,
  procedure: PROCEDURE,
  number: `N-${exchangeId}`,
  status: 'open',
  legislativeArea: PQ,
  authorities: [A.frCa, A.deCa],
  memberStates: ['FR', 'DE'],
  createdAt: T0,
  updatedAt: T0,
  searchText: `n-${exchangeId}`,
  audience: { participants: [A.frCa, A.deCa], coordinators: [A.frNimic, A.deNimic], observers: [], sameStateHandlers: ['FR', 'DE'] },
  ...over,
})

const timer = (exchangeId: ExchangeId, id: string, dueAt: string): Timer => ({ id, exchangeId, dueAt, command: { type: 'test.fire', exchangeId }, ruleId: 'TEST-TIMER' })

const notification = (exchangeId: ExchangeId, message: string): Notification => ({
  message,
  exchangeId,
  exchangeNumber: `N-${exchangeId}`,
  recipients: [{ kind: 'authority-mailbox', authorityId: A.deCa }],
  ruleId: 'TEST-NOTIFY',
})

const byExchange = <T extends { readonly exchangeId: string }>(xs: ReadonlyArray<T>): T[] => [...xs].sort((a, b) => a.exchangeId.localeCompare(b.exchangeId))
// The port leaves the order of timers due at the same instant open.
const inDueOrder = (ts: ReadonlyArray<Timer>): Timer[] => [...ts].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.exchangeId.localeCompare(b.exchangeId) || a.id.localeCompare(b.id))
const withoutPositions = (xs: ReadonlyArray<StoredEvent>) => xs.map(({ position: _p, ...e }) => e)
const increasing = (xs: ReadonlyArray<number>) => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? x))

const directory = world()
const as = (id: (typeof U)[keyof typeof U]): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
const draft = {
  type: 'request.create',
  legislativeArea: PQ,
  questionSetId: 'pq.general',
  addressee: A.deCa,
  caseData: { name: 'Jean Dupont', profession: 'Médecin' },
  questions: [
    { questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' } },
    { questionId: 'pq.establishment.suspension' },
  ],
  deadline: '2026-04-01',
}

const serviceOver = (storage: Storage, clock: Clock, ids = 'c'): ApplicationService =>
  createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds(ids), directory })

const runner = (app: ApplicationService) => async (who: (typeof U)[keyof typeof U], command: unknown) => {
  const r = await app.execute(as(who), command)
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right
}

/** Takes a draft of the standard two questions through send, accept, reply and close. */
const sendToClosure = async (run: ReturnType<typeof runner>, exchangeId: ExchangeId): Promise<void> => {
  await run(U.frHandler, { type: 'request.send', exchangeId })
  await run(U.deHandler, { type: 'request.accept', exchangeId })
  await run(U.deHandler, {
    type: 'request.reply',
    exchangeId,
    answers: [
      { questionId: 'pq.establishment.legally-established', answerId: 'yes' },
      { questionId: 'pq.establishment.suspension', answerId: 'no' },
    ],
  })
  await run(U.frHandler, { type: 'request.close', exchangeId })
}

// The script of the lifecycle test: a split request answered and closed, its split part accepted, a
// draft created then deleted, and the retention timers fired six months after closure.
const lifecycle = async (storage: Storage, clock: ReturnType<typeof fixedClock>): Promise<ReadonlyArray<ExchangeId>> => {
  const app = serviceOver(storage, clock)
  const run = runner(app)
  const step = () => clock.advance(17 * MINUTE)
  const { exchangeId } = await run(U.frHandler, draft)
  step()
  await run(U.frHandler, { type: 'request.send', exchangeId })
  step()
  const split = await run(U.deHandler, {
    type: 'request.split',
    exchangeId,
    to: A.deCa2,
    questions: ['pq.establishment.suspension'],
    attachments: [],
    justification: { text: 'Zuständig ist das Regierungspräsidium.', language: 'de' },
  })
  const part = split.spawned[0] as ExchangeId
  step()
  await run(U.deHandler, { type: 'request.accept', exchangeId })
  step()
  await run(U.frHandler, { type: 'request.add-message', exchangeId, text: { text: 'Merci de votre aide.', language: 'fr' } })
  step()
  await run(U.deHandler, { type: 'request.reply', exchangeId, answers: [{ questionId: 'pq.establishment.legally-established', answerId: 'yes' }] })
  step()
  await run(U.frHandler, { type: 'request.close', exchangeId })
  step()
  await run(U.de2Handler, { type: 'request.accept', exchangeId: part })
  step()
  const deleted = await run(U.frHandler, draft)
  step()
  await run(U.frHandler, { type: 'request.delete-draft', exchangeId: deleted.exchangeId })
  clock.set(new Date('2026-09-03T00:00:00Z'))
  expect(await app.fireDueTimers()).toBe(1)
  expect(await app.fireDueTimers()).toBe(0)
  return [exchangeId, part, deleted.exchangeId]
}

const VIEWERS = [U.frHandler, U.frViewer, U.frNimicAllocator, U.deHandler, U.deLda, U.de2Handler, U.itHandler] as const

/** Everything users can read back about the exchanges, through a service that has folded nothing yet. */
const readBack = async (storage: Storage, clock: Clock, ids: ReadonlyArray<ExchangeId>) => {
  const app = serviceOver(storage, clock, 'read')
  const perViewer = []
  for (const who of VIEWERS) {
    const actions = await app.actionList(as(who))
    perViewer.push({
      who,
      actionList: E.map((xs: ReadonlyArray<ExchangeSummary>) => byExchange(xs))(actions),
      exchanges: await Promise.all(ids.map(async (id) => ({ id, view: await app.view(as(who), id), actions: await app.availableActions(as(who), id) }))),
    })
  }
  return {
    perViewer,
    events: withoutPositions(await storage.events.readAll(0, 10_000)),
    summaries: await Promise.all(ids.map((id) => storage.projections.summary(id))),
    found: byExchange(await storage.projections.find({})),
  }
}

// The alert of the alert tests: its provider's name is a sentinel that must live only in the vault.
const ALERT_SENTINEL = 'sentinel-Alx-9k2-provider'
const alertServiceOver = (storage: Storage, clock: Clock, ids = 'a'): ApplicationService =>
  createApplicationService({ registry: createProcedureRegistry([requestForInformation, testAlertProcedure]), storage, clock, ids: sequentialIds(ids), directory })
const alertText = (text: string) => ({ text: `${text} (${ALERT_SENTINEL})`, language: 'en' })
const alertCreate = alertDraft({
  establishment: 'DE',
  provider: { name: `${ALERT_SENTINEL} Ambulances`, address: `12 rue de la Paix ${ALERT_SENTINEL}` },
  caseDescription: alertText('Vehicles operated without sanitary certification.'),
})
/** Every user of the fixture directory, and the Commission. */
const ALERT_SCOPES: ReadonlyArray<readonly [string, ListingScope]> = [
  ...Object.values(U).flatMap((u) => {
    const viewer = viewerOf(directory, as(u))
    const scope = viewer === undefined ? undefined : listingScope(viewer)
    return scope === undefined ? [] : [[u, scope] as const]
  }),
  ['commission', COMMISSION_SCOPE],
]

// A deterministic spread of summaries over the fixture authorities, states, statuses and dates, with
// ties on every sort key, so that keyset pages are tested where they break most easily.
const SEARCH_STATUSES = ['draft', 'awaiting-acceptance', 'accepted', 'replied', 'additional-info-requested', 'returned-after-arbitration', 'closed'] as const
const WORDS = ['médecin', 'Infirmier', 'pharmacien', 'ARCHITECTE', 'avocat', 'ref-2026', 'dossier']
const SEARCH_NOW = at(30 * DAY)

const searchWorld = (count: number): ReadonlyArray<ExchangeSummary> => {
  let seed = 7
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed % n
  }
  const pick = <T>(xs: ReadonlyArray<T>): T => xs[next(xs.length)] as T
  const authorities = Object.values(A)
  const stateOf = (a: string): MemberState => (a.slice(0, 2).toUpperCase() as MemberState)
  const some = <T>(xs: ReadonlyArray<T>): T[] => xs.filter(() => next(5) === 0)
  return Array.from({ length: count }, (_, i) => {
    const exchangeId = xid(`q-${String(next(1000)).padStart(3, '0')}-${i}`)
    const status = pick(SEARCH_STATUSES)
    const requesting = pick(authorities)
    const responding = status === 'draft' ? undefined : pick(authorities.filter((a) => a !== requesting))
    // Whole hours over 40 days: many summaries share an instant.
    const created = next(40 * 24) * HOUR
    const sent = responding === undefined ? undefined : created + next(48) * HOUR
    const updated = (sent ?? created) + next(10) * DAY
    const participants = responding === undefined ? [requesting] : [requesting, responding]
    const s: ExchangeSummary = {
      exchangeId,
      procedure: next(6) === 0 ? 'p.other' : PROCEDURE,
      number: `N-${String(next(60)).padStart(2, '0')}`,
      status,
      legislativeArea: next(4) === 0 ? SERVICES_LA : PQ,
      authorities: participants,
      memberStates: [...new Set(participants.map(stateOf))],
      createdAt: isoAt(created),
      updatedAt: isoAt(updated),
      ...(sent === undefined ? {} : { sentAt: isoAt(sent) }),
      ...(status === 'closed' ? { closedAt: isoAt(updated) } : {}),
      ...(next(3) === 0 ? {} : { deadline: isoAt(next(60) * DAY).slice(0, 10) }),
      requestingAuthority: requesting,
      ...(responding === undefined ? {} : { respondingAuthority: responding }),
      searchText: `n-${i} ${pick(WORDS)} ${pick(WORDS)}`.toLowerCase(),
      audience: {
        participants,
        coordinators: status === 'draft' ? [] : some([A.frNimic, A.deNimic, A.frDimic, A.deDimic, A.itNimic]),
        observers: some(authorities.filter((a) => !participants.includes(a))),
        sameStateHandlers: status === 'draft' ? [] : [...new Set(participants.map(stateOf))],
      },
    }
    return s
  })
}

const SEARCH_VIEWERS = [U.frHandler, U.frAllocator, U.frLda, U.frNimicReferee, U.deHandler, U.deViewer, U.deNimicAllocator, U.itHandler] as const

const scopeOf = (who: (typeof U)[keyof typeof U]): ListingScope => {
  const viewer = viewerOf(directory, as(who))
  const scope = viewer === undefined ? undefined : listingScope(viewer)
  if (scope === undefined) throw new Error(`${who} lists nothing`)
  return scope
}

/** Every page of a search, following `next`; fails on a page over the limit or a loop. */
const allPages = async (search: (q: SearchQuery) => Promise<{ readonly items: ReadonlyArray<ExchangeSummary>; readonly next?: string }>, q: SearchQuery) => {
  const items: ExchangeSummary[] = []
  let after: string | undefined
  for (let pages = 0; pages < 1000; pages++) {
    const page = await search(after === undefined ? q : { ...q, after })
    expect(page.items.length).toBeLessThanOrEqual(q.limit)
    items.push(...page.items)
    if (page.next === undefined) return items
    expect(page.items).toHaveLength(q.limit)
    after = page.next
  }
  throw new Error('The search never ended')
}

// suite

/**
 * Declares the storage contract as a vitest `describe` block: event streams with optimistic
 * concurrency, atomic multi-stream commits, erasure with no trace, leased timers and outbox,
 * summaries, and a request's whole lifecycle through the application service, read back identical to
 * the memory storage. `makeStorage` is called before every test and must return an empty storage.
 *
 * @example
 * ```ts
 * import { describeStorageContract } from '@imi-kit/storage-adapters/contract'
 * import { createMemoryStorage } from '@imi-kit/storage-adapters'
 * describeStorageContract('memory', async (options) => ({ storage: createMemoryStorage(options), close: async () => undefined }))
 * ```
 * @category contract
 */
export const describeStorageContract = (name: string, makeStorage: MakeStorage): void => {
  describe(`storage contract: ${name}`, () => {
    let opened: StorageUnderTest | undefined
    let clock = fixedClock(at(0))
    const store = (): Storage & SummaryReplacement => {
      if (opened === undefined) throw new Error('The storage under test is not open')
      return opened.storage
    }
    const commit = async (c: Changes) => store().commit(c)
    const committed = async (c: Changes) => {
      const r = await commit(c)
      expect(r).toEqual(E.right(undefined))
    }

    beforeEach(async () => {
      clock = fixedClock(at(0))
      opened = await makeStorage({ leaseMs: LEASE_MS, clock })
    })
    afterEach(async () => {
      await opened?.close()
      opened = undefined
    })

    describe('events', () => {
      it('reads a stream back in version order, as appended', async () => {
        const a = append(xid('s-a'), 0, 3)
        await committed(changes({ appends: [a] }))
        const read = await store().events.read(xid('s-a'))
        expect(read.map((e) => e.version)).toEqual([1, 2, 3])
        expect(read.map((e) => e.streamId)).toEqual(['s-a', 's-a', 's-a'])
        expect(read.map((e) => e.event)).toEqual(a.events)
        expect(increasing(read.map((e) => e.position))).toBe(true)
      })

      it('reads nothing for a stream that does not exist', async () => {
        expect(await store().events.read(xid('s-none'))).toEqual([])
      })

      it('orders readAll by global position across streams, in commit order, and pages with after and limit', async () => {
        await committed(changes({ appends: [append(xid('s-a'), 0, 2)] }))
        await committed(changes({ appends: [append(xid('s-b'), 0, 1), append(xid('s-c'), 0, 1)] }))
        await committed(changes({ appends: [append(xid('s-a'), 2, 2)] }))
        const all = await store().events.readAll(0, 100)
        expect(all.map((e) => `${e.streamId}@${e.version}`)).toEqual(['s-a@1', 's-a@2', 's-b@1', 's-c@1', 's-a@3', 's-a@4'])
        const positions = all.map((e) => e.position)
        expect(increasing(positions)).toBe(true)
        expect(positions[0]).toBeGreaterThan(0)
        expect(await store().events.readAll(positions[1] ?? 0, 2)).toEqual(all.slice(2, 4))
        expect(await store().events.readAll(0, 3)).toEqual(all.slice(0, 3))
        expect(await store().events.readAll(positions.at(-1) ?? 0, 10)).toEqual([])
        expect((await store().events.read(xid('s-a'))).map((e) => e.position)).toEqual([positions[0], positions[1], positions[4], positions[5]])
      })
    })

    describe('optimistic concurrency', () => {
      it('refuses a stale or future expected version with a typed conflict, and writes nothing', async () => {
        await committed(changes({ appends: [append(xid('s-a'), 0, 2)] }))
        const before = await store().events.readAll(0, 100)
        for (const expectedVersion of [0, 1, 3]) {
          const r = await commit(changes({ appends: [append(xid('s-a'), expectedVersion, 1)] }))
          expect(r).toEqual(E.left({ _tag: 'ConcurrencyConflict', streamId: 's-a', expectedVersion, actualVersion: 2 }))
        }
        const missing = await commit(changes({ appends: [append(xid('s-none'), 1, 1)] }))
        expect(missing).toEqual(E.left({ _tag: 'ConcurrencyConflict', streamId: 's-none', expectedVersion: 1, actualVersion: 0 }))
        expect(await store().events.readAll(0, 100)).toEqual(before)
        await committed(changes({ appends: [append(xid('s-a'), 2, 1)] }))
        expect((await store().events.read(xid('s-a'))).map((e) => e.version)).toEqual([1, 2, 3])
      })

      it('commits the streams, timers, summaries and notifications of one commit all or nothing', async () => {
        await committed(changes({ appends: [append(xid('s-b'), 0, 1)], summaries: [summary(xid('s-b'))] }))
        const before = await store().events.readAll(0, 100)
        const r = await commit(
          changes({
            appends: [append(xid('s-a'), 0, 2), append(xid('s-b'), 0, 1)],
            timers: [{ exchangeId: xid('s-a'), timers: [timer(xid('s-a'), 'deadline', T0)] }],
            summaries: [summary(xid('s-a')), summary(xid('s-b'), { status: 'changed' })],
            notifications: [notification(xid('s-a'), 'test.incoming')],
          }),
        )
        expect(r).toEqual(E.left({ _tag: 'ConcurrencyConflict', streamId: 's-b', expectedVersion: 0, actualVersion: 1 }))
        expect(await store().events.read(xid('s-a'))).toEqual([])
        expect(await store().events.readAll(0, 100)).toEqual(before)
        expect(await store().projections.summary(xid('s-a'))).toBeUndefined()
        expect((await store().projections.summary(xid('s-b')))?.status).toBe('open')
        expect(await store().timers.claimDue(at(DAY), 100)).toEqual([])
        expect(await store().outbox.claimPending(100)).toEqual([])
      })

      it('lets exactly one of two commits with the same expected version through', async () => {
        await committed(changes({ appends: [append(xid('s-a'), 0, 1)] }))
        const results = await Promise.all([commit(changes({ appends: [append(xid('s-a'), 1, 1)] })), commit(changes({ appends: [append(xid('s-a'), 1, 2)] }))])
        expect(results.filter(E.isRight)).toHaveLength(1)
        const lost = results.find(E.isLeft)
        expect(lost !== undefined && lost.left).toMatchObject({ _tag: 'ConcurrencyConflict', streamId: 's-a', expectedVersion: 1 })
        const versions = (await store().events.read(xid('s-a'))).map((e) => e.version)
        expect(lost !== undefined && lost.left.actualVersion).toBe(versions.length)
        expect(versions).toEqual(versions.map((_, i) => i + 1))
      })
    })

    describe('erasure', () => {
      const seed = async () => {
        await committed(
          changes({
            appends: [append(xid('s-a'), 0, 2), append(xid('s-b'), 0, 1)],
            timers: [
              { exchangeId: xid('s-a'), timers: [timer(xid('s-a'), 'deadline', isoAt(HOUR))] },
              { exchangeId: xid('s-b'), timers: [timer(xid('s-b'), 'deadline', isoAt(HOUR))] },
            ],
            summaries: [summary(xid('s-a')), summary(xid('s-b'))],
          }),
        )
      }

      it('erases a stream with no trace: events, readAll, summary and timers', async () => {
        await seed()
        await committed(changes({ erase: [{ streamId: xid('s-a'), expectedVersion: 2 }] }))
        expect(await store().events.read(xid('s-a'))).toEqual([])
        expect((await store().events.readAll(0, 100)).map((e) => e.streamId)).toEqual(['s-b'])
        expect(await store().projections.summary(xid('s-a'))).toBeUndefined()
        expect((await store().projections.find({})).map((s) => s.exchangeId)).toEqual(['s-b'])
        expect(await store().timers.claimDue(at(DAY), 100)).toEqual([timer(xid('s-b'), 'deadline', isoAt(HOUR))])
        // The id is free again: a new stream starts at version 0.
        await committed(changes({ appends: [append(xid('s-a'), 0, 1)] }))
        expect((await store().events.read(xid('s-a'))).map((e) => e.version)).toEqual([1])
      })

      it('refuses an erase with a stale version and keeps everything', async () => {
        await seed()
        const r = await commit(changes({ erase: [{ streamId: xid('s-a'), expectedVersion: 1 }] }))
        expect(r).toEqual(E.left({ _tag: 'ConcurrencyConflict', streamId: 's-a', expectedVersion: 1, actualVersion: 2 }))
        expect(await store().events.read(xid('s-a'))).toHaveLength(2)
        expect(await store().projections.summary(xid('s-a'))).toEqual(summary(xid('s-a')))
        expect(await store().timers.claimDue(at(DAY), 100)).toHaveLength(2)
      })

      it('keeps no summary for a stream that does not exist', async () => {
        await committed(changes({ summaries: [summary(xid('s-ghost'))] }))
        expect(await store().projections.summary(xid('s-ghost'))).toBeUndefined()
        expect(await store().projections.find({})).toEqual([])
      })
    })

    describe('timers', () => {
      it('claims the timers due, in due order and at most limit, each once while its lease runs', async () => {
        const a = xid('s-a')
        const t1 = timer(a, 't1', isoAt(MINUTE))
        const t2 = timer(a, 't2', isoAt(2 * MINUTE))
        const t3 = timer(a, 't3', isoAt(DAY))
        await committed(changes({ appends: [append(a, 0, 1)], timers: [{ exchangeId: a, timers: [t3, t2, t1] }] }))
        expect(await store().timers.claimDue(at(0), 10)).toEqual([])
        expect(await store().timers.claimDue(at(2 * MINUTE), 1)).toEqual([t1])
        expect(await store().timers.claimDue(at(2 * MINUTE), 10)).toEqual([t2])
        expect(await store().timers.claimDue(at(2 * MINUTE + 1), 10)).toEqual([])
      })

      it('never fires a completed timer again; an uncompleted claim becomes claimable when its lease ends', async () => {
        const a = xid('s-a')
        const t1 = timer(a, 't1', T0)
        const t2 = timer(a, 't2', T0)
        await committed(changes({ appends: [append(a, 0, 1)], timers: [{ exchangeId: a, timers: [t1, t2] }] }))
        expect(inDueOrder(await store().timers.claimDue(at(0), 10))).toEqual([t1, t2])
        await store().timers.complete(a, 't1')
        expect(await store().timers.claimDue(at(LEASE_MS - 1), 10)).toEqual([])
        expect(await store().timers.claimDue(at(LEASE_MS), 10)).toEqual([t2])
        expect(await store().timers.claimDue(at(LEASE_MS), 10)).toEqual([])
        await store().timers.complete(a, 't2')
        expect(await store().timers.claimDue(at(100 * LEASE_MS), 10)).toEqual([])
      })

      it("replaces an exchange's timers: drops the missing, keeps an unmoved timer's claim, frees a moved one", async () => {
        const a = xid('s-a')
        const b = xid('s-b')
        await committed(
          changes({
            appends: [append(a, 0, 1), append(b, 0, 1)],
            timers: [
              { exchangeId: a, timers: [timer(a, 'kept', T0), timer(a, 'moved', T0), timer(a, 'dropped', isoAt(HOUR))] },
              { exchangeId: b, timers: [timer(b, 'other', isoAt(HOUR))] },
            ],
          }),
        )
        expect(await store().timers.claimDue(at(0), 10)).toHaveLength(2)
        const moved = timer(a, 'moved', isoAt(20_000))
        const added = timer(a, 'added', T0)
        await committed(changes({ appends: [append(a, 1, 1)], timers: [{ exchangeId: a, timers: [timer(a, 'kept', T0), moved, added] }] }))
        expect(await store().timers.claimDue(at(30_000), 10)).toEqual([added, moved])
        // Past every lease, each uncompleted timer is claimable again; the dropped one is gone.
        expect(inDueOrder(await store().timers.claimDue(at(2 * HOUR), 10))).toEqual([added, timer(a, 'kept', T0), moved, timer(b, 'other', isoAt(HOUR))])
        await committed(changes({ timers: [{ exchangeId: b, timers: [] }] }))
        expect(inDueOrder(await store().timers.claimDue(at(10 * DAY), 10))).toEqual([added, timer(a, 'kept', T0), moved])
      })
    })

    describe('outbox', () => {
      it('hands out notifications in order, each once within its lease, until delivered', async () => {
        const a = xid('s-a')
        await committed(changes({ appends: [append(a, 0, 1)], notifications: [notification(a, 'one'), notification(a, 'two')] }))
        await committed({ ...changes({ appends: [append(a, 1, 1)], notifications: [notification(a, 'three')] }), at: isoAt(MINUTE) })
        const first = await store().outbox.claimPending(2)
        expect(first.map((m) => [m.notification, m.createdAt])).toEqual([
          [notification(a, 'one'), T0],
          [notification(a, 'two'), T0],
        ])
        const second = await store().outbox.claimPending(10)
        expect(second.map((m) => [m.notification.message, m.createdAt])).toEqual([['three', isoAt(MINUTE)]])
        const ids = [...first, ...second].map((m) => m.id)
        expect(increasing(ids)).toBe(true)
        expect(await store().outbox.claimPending(10)).toEqual([])
        await store().outbox.markDelivered(ids[0] ?? 0)
        clock.advance(LEASE_MS - 1)
        expect(await store().outbox.claimPending(10)).toEqual([])
        clock.advance(1)
        expect((await store().outbox.claimPending(10)).map((m) => m.notification.message)).toEqual(['two', 'three'])
        await store().outbox.markDelivered(ids[1] ?? 0)
        await store().outbox.markDelivered(ids[2] ?? 0)
        clock.advance(100 * LEASE_MS)
        expect(await store().outbox.claimPending(10)).toEqual([])
      })
    })

    describe('summaries', () => {
      const s1 = summary(xid('s-1'), { procedure: 'p.one', status: 'open', authorities: [A.frCa], memberStates: ['FR'] })
      const s2 = summary(xid('s-2'), {
        procedure: 'p.one',
        status: 'closed',
        authorities: [A.deCa, A.itCa],
        memberStates: ['DE', 'IT'],
        createdAt: isoAt(MINUTE),
        updatedAt: isoAt(HOUR),
        sentAt: isoAt(2 * MINUTE),
        closedAt: isoAt(HOUR),
        deadline: '2026-04-01',
      })
      const s3 = summary(xid('s-3'), { procedure: 'p.two', status: 'open', authorities: [A.deCa], memberStates: ['DE'], createdAt: isoAt(2 * MINUTE) })
      const seed = () => committed(changes({ appends: [s1, s2, s3].map((s) => append(s.exchangeId, 0, 1)), summaries: [s1, s2, s3] }))
      const found = async (q: Parameters<Storage['projections']['find']>[0]) => byExchange(await store().projections.find(q)).map((s) => s.exchangeId)

      it('reads a summary back as written, optional fields included', async () => {
        await seed()
        expect(await store().projections.summary(s1.exchangeId)).toEqual(s1)
        expect(await store().projections.summary(s2.exchangeId)).toEqual(s2)
        expect(await store().projections.summary(xid('s-none'))).toBeUndefined()
      })

      it('finds summaries by procedure, statuses and authorities, within a limit', async () => {
        await seed()
        expect(byExchange(await store().projections.find({}))).toEqual([s1, s2, s3])
        expect(await found({ procedure: 'p.one' })).toEqual(['s-1', 's-2'])
        expect(await found({ statuses: ['open'] })).toEqual(['s-1', 's-3'])
        expect(await found({ statuses: ['open', 'closed'] })).toEqual(['s-1', 's-2', 's-3'])
        expect(await found({ statuses: [] })).toEqual([])
        expect(await found({ authorities: [A.itCa, A.frCa] })).toEqual(['s-1', 's-2'])
        expect(await found({ authorities: [A.frNimic] })).toEqual([])
        expect(await found({ procedure: 'p.one', statuses: ['open'], authorities: [A.frCa, A.deCa] })).toEqual(['s-1'])
        expect(await store().projections.find({ limit: 2 })).toHaveLength(2)
        expect(await store().projections.find({ statuses: ['open'], limit: 1 })).toHaveLength(1)
      })

      it('finds exactly the summaries a listing scope lists, as isListedFor decides', async () => {
        // Audiences drawn from the fixture authorities by a fixed pseudo-random sequence, in three areas.
        let seed = 7
        const next = (n: number) => {
          seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
          return seed % n
        }
        const authorities = Object.values(A)
        const some = <T>(xs: ReadonlyArray<T>): T[] => xs.filter(() => next(4) === 0)
        const areasToUse = [PQ, SERVICES_LA, 'other-area' as LegislativeAreaId]
        const summaries = Array.from({ length: 60 }, (_, i) =>
          summary(xid(`s-${String(i).padStart(2, '0')}`), {
            legislativeArea: areasToUse[next(areasToUse.length)] ?? PQ,
            audience: { participants: some(authorities), coordinators: some(authorities), observers: some(authorities), sameStateHandlers: some(['FR', 'DE', 'IT'] as const) },
          }),
        )
        await committed(changes({ appends: summaries.map((x) => append(x.exchangeId, 0, 1)), summaries }))
        let listed = 0
        for (const user of Object.values(U)) {
          const viewer = viewerOf(directory, as(user))
          const scope = viewer === undefined ? undefined : listingScope(viewer)
          if (scope === undefined) continue
          const expected = summaries.filter((x) => isListedFor(x, scope)).map((x) => x.exchangeId)
          expect(await found({ scope }), user).toEqual(expected)
          expect(await found({ scope, statuses: ['closed'] })).toEqual([])
          listed += expected.length
        }
        expect(listed).toBeGreaterThan(20)
      })

      it('replaces a summary on a later commit', async () => {
        await seed()
        const closed = { ...s1, status: 'closed', authorities: [A.itCa], updatedAt: isoAt(DAY), closedAt: isoAt(DAY) }
        await committed(changes({ appends: [append(s1.exchangeId, 1, 1)], summaries: [closed] }))
        expect(await store().projections.summary(s1.exchangeId)).toEqual(closed)
        expect(await found({ statuses: ['open'] })).toEqual(['s-3'])
        expect(await found({ authorities: [A.frCa] })).toEqual([])
        expect(await found({ authorities: [A.itCa] })).toEqual(['s-1', 's-2'])
      })
    })

    describe('search and dashboard', () => {
      const world = searchWorld(190)
      const seed = () => committed(changes({ appends: world.map((x) => append(x.exchangeId, 0, 1)), summaries: world }))
      const ids = (xs: ReadonlyArray<ExchangeSummary>) => xs.map((x) => x.exchangeId)
      const agrees = async (q: SearchQuery) => {
        const mine = await allPages((x) => store().projections.search(x), q)
        const reference = await allPages(async (x) => searchSummaries(world, x), q)
        expect(ids(mine), JSON.stringify({ ...q, scope: q.scope.authorityId })).toEqual(ids(reference))
        expect(new Set(ids(mine)).size).toBe(mine.length)
        expect(mine).toEqual(reference)
        return mine
      }

      it('[SRCH-REQ-OWN-ALL] pages through every exchange a viewer lists, in each order, as searchSummaries does: no duplicate, no gap', async () => {
        await seed()
        let seen = 0
        for (const who of SEARCH_VIEWERS) {
          const scope = scopeOf(who)
          const listed = world.filter((x) => isListedFor(x, scope))
          for (const sort of ['updated-desc', 'created-desc', 'deadline-asc', 'number-asc'] as const) {
            const found = await agrees({ scope, sort, limit: 7 })
            expect(new Set(ids(found))).toEqual(new Set(ids(listed)))
          }
          // Drafts, open and closed exchanges of the viewer's own authority are all found.
          const own = listed.filter((x) => x.authorities.includes(scope.authorityId))
          if (who === U.frHandler) expect(new Set(own.map((x) => x.status)).size).toBeGreaterThanOrEqual(3)
          seen += listed.length
        }
        expect(seen).toBeGreaterThan(100)
      })

      it('[SRCH-REQ-CRITERIA] filters by procedure, status, dates sent and updated, member states, authorities and text, as searchSummaries does', async () => {
        await seed()
        const criteria: ReadonlyArray<Partial<SearchQuery>> = [
          { statuses: ['accepted', 'closed'] },
          { statuses: [] },
          { procedure: 'p.other' },
          { sentFrom: isoAt(5 * DAY), sentTo: isoAt(20 * DAY) },
          { updatedFrom: isoAt(10 * DAY) },
          { updatedTo: isoAt(15 * DAY), sort: 'number-asc' },
          { memberStates: ['IT'] },
          { memberStates: ['DE', 'FR'], statuses: ['replied'] },
          { authorities: [A.deCa2, A.itCa], sort: 'deadline-asc' },
          { text: 'MÉDECIN' },
          { text: 'n-1', sort: 'created-desc' },
          { text: 'no such text' },
        ]
        let found = 0
        for (const who of [U.frHandler, U.deNimicAllocator, U.itHandler]) {
          for (const c of criteria) found += (await agrees({ scope: scopeOf(who), sort: 'updated-desc', limit: 7, ...c })).length
        }
        expect(found).toBeGreaterThan(50)
      })

      it('[SRCH-REQ-OVERDUE] finds the open exchanges past their deadline, sorted by deadline', async () => {
        await seed()
        for (const who of [U.frNimicReferee, U.deHandler]) {
          const found = await agrees({ scope: scopeOf(who), overdueAt: '2026-03-20', sort: 'deadline-asc', limit: 7 })
          expect(found.length).toBeGreaterThan(0)
          expect(found.every((x) => x.deadline !== undefined && x.deadline < '2026-03-20' && x.closedAt === undefined && x.status !== 'draft')).toBe(true)
        }
      })

      it('[SRCH-REQ-COORD-LINKED] a coordinator finds the requests it is linked to, and only those it lists', async () => {
        await seed()
        const scope = scopeOf(U.frNimicReferee)
        const found = await agrees({ scope, sort: 'updated-desc', limit: 7 })
        // Participation takes precedence over coordination (see isListedFor).
        const linked = world.filter((x) => x.audience.coordinators.includes(A.frNimic) && !x.audience.participants.includes(A.frNimic) && scope.coordinatorAreas.includes(x.legislativeArea))
        expect(linked.length).toBeGreaterThan(0)
        expect(ids(found)).toEqual(expect.arrayContaining(ids(linked)))
      })

      it('refuses a limit outside 1–200 and a cursor it did not make', async () => {
        await seed()
        const scope = scopeOf(U.frHandler)
        await expect(store().projections.search({ scope, sort: 'updated-desc', limit: 0 })).rejects.toThrow(RangeError)
        await expect(store().projections.search({ scope, sort: 'updated-desc', limit: 201 })).rejects.toThrow(RangeError)
        await expect(store().projections.search({ scope, sort: 'updated-desc', limit: 5, after: 'nope' })).rejects.toThrow(RangeError)
      })

      it('counts the dashboard of each viewer as dashboardOf does', async () => {
        await seed()
        let total = 0
        for (const who of SEARCH_VIEWERS) {
          const scope = scopeOf(who)
          for (const now of [SEARCH_NOW, at(12 * DAY)]) {
            const counts = await store().projections.dashboard(scope, now)
            expect(counts, who).toEqual(dashboardOf(world, scope, now))
            total += Object.values(counts).reduce((a, b) => a + b, 0)
          }
        }
        expect(total).toBeGreaterThan(20)
      })
    })

    describe('application service', () => {
      const setup = () => {
        const app = serviceOver(store(), clock, 'm')
        return { app, run: runner(app) }
      }

      it('refuses malformed commands with a typed error and writes nothing', async () => {
        const { app } = setup()
        for (const bad of [null, 42, 'x', {}, { type: 'nope' }, { type: 'request.create' }, { type: 'request.accept', exchangeId: 7 }]) {
          const r = await app.execute(as(U.frHandler), bad)
          expect(E.isLeft(r) && r.left._tag).toBe('DomainError')
        }
        expect(await store().events.readAll(0, 100)).toEqual([])
      })

      it('[REQ-JUSTIFICATION-REQUIRED] names the rule when a justification is missing', async () => {
        const { app, run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await run(U.frHandler, { type: 'request.send', exchangeId })
        const r = await app.execute(as(U.deHandler), { type: 'request.forward', exchangeId, to: A.deCa2 })
        expect(E.isLeft(r) && r.left.ruleId).toBe('REQ-JUSTIFICATION-REQUIRED')
      })

      it('appends with the expected version and reports a conflict on a stale one', async () => {
        const { run } = setup()
        const { exchangeId, version } = await run(U.frHandler, draft)
        expect(version).toBe(1)
        const events = await store().events.read(exchangeId)
        const stale = await commit(changes({ appends: [{ streamId: exchangeId, procedure: requestForInformation.id, expectedVersion: 0, events: events.map((e) => e.event), personal: events.map(() => []) }] }))
        expect(E.isLeft(stale) && stale.left).toMatchObject({ _tag: 'ConcurrencyConflict', expectedVersion: 0, actualVersion: 1 })
        expect(await store().events.read(exchangeId)).toHaveLength(1)
      })

      it('decides again after a concurrent write instead of losing it', async () => {
        const { app, run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await run(U.frHandler, { type: 'request.send', exchangeId })
        await run(U.deHandler, { type: 'request.accept', exchangeId })
        const message = (text: string) => ({ type: 'request.add-message', exchangeId, text: { text, language: 'en' } })
        const results = await Promise.all([app.execute(as(U.frHandler), message('one')), app.execute(as(U.deHandler), message('two'))])
        expect(results.every(E.isRight)).toBe(true)
        const stored = await store().events.read(exchangeId)
        expect(stored.map((e) => e.version)).toEqual([1, 2, 3, 4, 5])
      })

      it('[REQ-DRAFT-DELETE] erases a deleted draft with no trace', async () => {
        const { run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await run(U.frHandler, { type: 'request.delete-draft', exchangeId })
        expect(await store().events.read(exchangeId)).toEqual([])
        expect(await store().events.readAll(0, 100)).toEqual([])
        expect(await store().projections.summary(exchangeId)).toBeUndefined()
        expect(await store().timers.claimDue(new Date('2100-01-01T00:00:00Z'), 100)).toEqual([])
      })

      it('[REQ-SPLIT-NEW-REQUEST] writes a split and the new request in one commit, with summaries for both', async () => {
        const { run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await run(U.frHandler, { type: 'request.send', exchangeId })
        const split = await run(U.deHandler, {
          type: 'request.split',
          exchangeId,
          to: A.deCa2,
          questions: ['pq.establishment.suspension'],
          attachments: [],
          justification: { text: 'Zuständig ist das Regierungspräsidium.', language: 'de' },
        })
        const created = split.spawned[0] as ExchangeId
        expect((await store().projections.summary(created))?.status).toBe('awaiting-acceptance')
        const all = await store().events.readAll(0, 100)
        expect(increasing(all.map((e) => e.position))).toBe(true)
        expect(all.map((e) => e.streamId)).toEqual([exchangeId, exchangeId, exchangeId, created])
      })

      it('[RET-BLOCK-SIX-MONTHS] stores retention timers and fires each once as the system actor', async () => {
        const { app, run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await sendToClosure(run, exchangeId)
        const personalData = async () => {
          const loaded = await app.load(exchangeId)
          return E.isRight(loaded) && (loaded.right.state as RequestState).personalData
        }
        // Closed at 10:00 Brussels winter time; six calendar months later is 10:00 Brussels summer time.
        clock.set(new Date('2026-09-02T07:59:59.999Z'))
        expect(await app.fireDueTimers()).toBe(0)
        clock.set(new Date('2026-09-02T08:00:00.000Z'))
        expect(await app.fireDueTimers()).toBe(1)
        expect(await app.fireDueTimers()).toBe(0)
        expect(await personalData()).toBe('blocked')
        clock.set(new Date('2029-03-02T08:59:59.999Z'))
        expect(await app.fireDueTimers()).toBe(0)
        clock.set(new Date('2029-03-02T09:00:00.000Z'))
        expect(await app.fireDueTimers()).toBe(1)
        expect(await personalData()).toBe('erased')
        clock.set(new Date('2100-01-01T00:00:00Z'))
        expect(await app.fireDueTimers()).toBe(0)
      })

      it('[RET-DELETE-THREE-YEARS] keeps personal data apart from the events and erases it for good', async () => {
        const { app, run } = setup()
        const sentinel = 'sentinel-7Qx-personal'
        const { exchangeId } = await run(U.frHandler, {
          ...draft,
          caseData: { name: sentinel, 'date-of-birth': '1980-01-01', profession: 'Médecin' },
          attachments: [{ fileName: `${sentinel}.pdf`, mediaType: 'application/pdf', size: 10, contentRef: `blob:${sentinel}`, relevance: 'certificate' }],
        })
        const stored = async () => JSON.stringify(await store().events.readAll(0, 1000))
        // Reads give the events back whole while the data is kept…
        expect(await stored()).toContain(sentinel)
        await sendToClosure(run, exchangeId)
        clock.set(new Date('2030-01-01T00:00:00Z'))
        expect(await app.fireDueTimers()).toBe(2)
        // …and after erasure no stored event holds it: each place says it was erased.
        const after = await stored()
        expect(after).not.toContain(sentinel)
        const created = (await store().events.read(exchangeId))[0]?.event.payload as { personalCaseData?: unknown; attachments?: ReadonlyArray<unknown> }
        expect(created.personalCaseData).toEqual({ redacted: 'erased' })
        expect(created.attachments).toEqual([{ redacted: 'erased' }])
        // A service with nothing cached folds the erased stream to the same state.
        const fresh = serviceOver(store(), clock, 'fresh')
        const loaded = await fresh.load(exchangeId)
        expect(E.isRight(loaded) && JSON.stringify(loaded.right.state)).not.toContain(sentinel)
        expect(E.isRight(loaded) && (loaded.right.state as RequestState).personalData).toBe('erased')
      })

      it('reports a stored event its procedure cannot decode as a typed error, and never folds it', async () => {
        const { app, run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        const [first] = await store().events.read(exchangeId)
        if (first === undefined) throw new Error('the draft has no event')
        // A later event of the right procedure whose payload is not what the procedure stores.
        const broken = { ...first.event, type: 'request.sent', from: 'draft', to: 'awaiting-acceptance', payload: { approval: 'perhaps' } }
        expect(E.isRight(await commit(changes({ appends: [{ streamId: exchangeId, procedure: requestForInformation.id, expectedVersion: 1, events: [broken], personal: [[]] }] })))).toBe(true)
        const fresh = serviceOver(store(), clock, 'corrupt')
        const loaded = await fresh.load(exchangeId)
        expect(E.isLeft(loaded) && loaded.left).toMatchObject({ code: 'exchange.corrupt-event', details: { exchangeId, version: 2 } })
        const r = await app.execute(as(U.frHandler), { type: 'request.send', exchangeId })
        expect(E.isLeft(r) && r.left.code).toBe('exchange.corrupt-event')
      })

      it('[REQ-ACTION-LIST-USER] lists what waits for each user', async () => {
        const { app, run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await run(U.frHandler, { type: 'request.send', exchangeId })
        const de = await app.actionList(as(U.deHandler))
        const fr = await app.actionList(as(U.frHandler))
        expect(E.isRight(de) && de.right.map((s) => s.exchangeId)).toEqual([exchangeId])
        expect(E.isRight(fr) && fr.right).toEqual([])
      })

      it('puts notifications in the outbox with the events', async () => {
        const { run } = setup()
        const { exchangeId } = await run(U.frHandler, draft)
        await run(U.frHandler, { type: 'request.send', exchangeId })
        const pending = await store().outbox.claimPending(100)
        expect(pending.map((m) => m.notification.message)).toEqual(['request.incoming'])
        const events: ReadonlyArray<EventEnvelope> = (await store().events.read(exchangeId)).map((e) => e.event)
        expect(events.map((e) => e.type)).toEqual(['request.created', 'request.sent'])
      })

      it('rebuilds, from the events alone, the summaries that commits maintained', async () => {
        const registry = createProcedureRegistry([requestForInformation])
        const { run } = setup()
        const ids = [...(await lifecycle(store(), clock))]
        for (const addressee of [A.deCa, A.itCa]) {
          const { exchangeId } = await run(U.frHandler, { ...draft, addressee, deadline: '2027-01-01' })
          await run(U.frHandler, { type: 'request.send', exchangeId })
          ids.push(exchangeId)
        }
        const { exchangeId: kept } = await run(U.frHandler, { ...draft, deadline: '2027-01-01' })
        ids.push(kept)
        const maintained = byExchange(await store().projections.find({}))
        expect(maintained.length).toBe(5)
        await store().replaceSummaries([])
        expect(await store().projections.find({})).toEqual([])
        expect(await rebuildProjections(store(), registry)).toBe(5)
        expect(byExchange(await store().projections.find({}))).toEqual(maintained)
        const scope = scopeOf(U.frHandler)
        expect(await store().projections.dashboard(scope, clock.now())).toEqual(dashboardOf(maintained, scope, clock.now()))
      })

      it('runs a request lifecycle and reads back, through a fresh service, what the memory storage gives', async () => {
        const ids = await lifecycle(store(), clock)
        const referenceClock = fixedClock(at(0))
        const reference = createMemoryStorage({ leaseMs: LEASE_MS, clock: referenceClock })
        expect(await lifecycle(reference, referenceClock)).toEqual(ids)
        const mine = await readBack(store(), clock, ids)
        const theirs = await readBack(reference, referenceClock, ids)
        expect(mine.events.length).toBeGreaterThanOrEqual(10)
        expect(mine.summaries.filter((s) => s !== undefined)).toHaveLength(2)
        expect(mine.perViewer.flatMap((v) => v.exchanges).some((x) => E.isRight(x.view))).toBe(true)
        expect(mine).toEqual(theirs)
      })
    })

    describe('alerts', () => {
      /** The storage under test, with every commit it is handed kept for inspection. */
      const setup = () => {
        const base = store()
        const commits: Changes[] = []
        const spied: Storage = {
          events: base.events,
          projections: base.projections,
          timers: base.timers,
          outbox: base.outbox,
          commit: (c) => {
            commits.push(c)
            return base.commit(c)
          },
        }
        const app = alertServiceOver(spied, clock)
        const run = runner(app)
        const state = async (id: ExchangeId): Promise<AlertState> => {
          const loaded = await app.load(id)
          if (E.isLeft(loaded)) throw new Error(loaded.left.code)
          return loaded.right.state as AlertState
        }
        return { app, run, state, commits }
      }
      const foundBy = async (scope: ListingScope, id: ExchangeId) => (await store().projections.find({ scope })).some((x) => x.exchangeId === id)
      /** Every fixture user and the Commission find the alert in lists exactly as `isListedFor` says. */
      const listsAsDecided = async (id: ExchangeId) => {
        const summary = await store().projections.summary(id)
        if (summary === undefined) throw new Error(`no summary of ${id}`)
        const listing: string[] = []
        for (const [who, scope] of ALERT_SCOPES) {
          const found = await foundBy(scope, id)
          expect(found, who).toBe(isListedFor(summary, scope))
          if (found) listing.push(who)
        }
        return listing
      }
      const atInstant = async (app: ApplicationService, iso: string) => {
        clock.set(new Date(Date.parse(iso) - 1))
        expect(await app.fireDueTimers()).toBe(0)
        clock.set(new Date(iso))
        return app.fireDueTimers()
      }

      it('[ALERT-COMMENT-PERIOD-END][ALERT-OBJECTION-PERIOD-END][ALERT-CLOSE-STATUS][ALERT-EVENT-HISTORY] drives an alert from draft to closed, its periods ending on stored timers, and folds the stored events back to the same state', async () => {
        const { app, run, state } = setup()
        const step = () => clock.advance(7 * MINUTE)
        const { exchangeId } = await run(U.frAlertHandler, alertCreate)
        for (const [who, type] of [
          [U.frAlertHandler, 'alert.submit'],
          [U.frNimicBroadcaster, 'alert.accept'],
          [U.frNimicBroadcaster, 'alert.broadcast'],
          [U.deNimicBroadcaster, 'alert.acknowledge'],
          [U.itNimicBroadcaster, 'alert.acknowledge'],
        ] as const) {
          step()
          await run(who, { type, exchangeId })
        }
        step()
        await run(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId, authorities: [A.deCa, A.deCa2] })
        step()
        await run(U.itNimicBroadcaster, { type: 'alert.submit-information', exchangeId, kind: 'general', coordinator: A.itNimic, text: alertText('The provider also works in Milan.') })
        const [info] = (await state(exchangeId)).information
        step()
        await run(U.itNimicBroadcaster, { type: 'alert.broadcast-information', exchangeId, informationId: info?.id })
        step()
        await run(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId, coordinator: A.deNimic, text: alertText('The provider ceased trading.') })
        step()
        await run(U.de2AlertHandler, { type: 'alert.comment', exchangeId, text: alertText('We agree.') })
        const proposed = await state(exchangeId)
        expect(proposed.status).toBe('closure-open-for-comments')

        // The comment period ends on its stored timer, not an instant before.
        expect(await atInstant(app, proposed.closure?.commentPeriodEndsAt ?? '')).toBe(1)
        expect(await app.fireDueTimers()).toBe(0)
        expect((await state(exchangeId)).status).toBe('closure-awaiting-broadcast')
        const late = await app.execute(as(U.deAlertHandler), { type: 'alert.comment', exchangeId, text: alertText('Too late.') })
        expect(E.isLeft(late)).toBe(true)
        step()
        await run(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId, includedComments: proposed.closure?.comments.map((c) => c.id) ?? [] })

        // So does the objection period; it leaves the status as it is.
        const broadcastProposal = await state(exchangeId)
        expect(await atInstant(app, broadcastProposal.closure?.objectionPeriodEndsAt ?? '')).toBe(1)
        expect(await app.fireDueTimers()).toBe(0)
        const ended = await state(exchangeId)
        expect(ended.status).toBe('closure-open-for-objections')
        expect(ended.closure?.objectionPeriodEnded).toBe(true)
        step()
        await run(U.deNimicBroadcaster, { type: 'alert.close', exchangeId })
        const closed = await state(exchangeId)
        expect(closed.status).toBe('closed')

        // The stored events, decoded and folded again, give the state the service folded as it wrote them.
        const stored = await store().events.read(exchangeId)
        expect(stored.map((e) => e.version)).toEqual(stored.map((_, i) => i + 1))
        const events = stored.map((e) => {
          const decoded = testAlertProcedure.events.decode(e.event)
          if (E.isLeft(decoded)) throw new Error(`stored event ${e.version} does not decode`)
          return decoded.right
        })
        expect(events.reduce<AlertState | undefined>((s, e: AlertEvent) => testAlertProcedure.evolve(s, e), undefined)).toEqual(closed)
        expect(closed.history.map((h) => [h.action, h.from, h.to, h.actor])).toEqual(events.map((e) => [e.type, e.from, e.to, e.actor]))
        const fresh = alertServiceOver(store(), clock, 'fresh')
        const reloaded = await fresh.load(exchangeId)
        expect(E.isRight(reloaded) && reloaded.right.state).toEqual(closed)
        expect(events.filter((e) => e.actor.kind === 'system').map((e) => e.type)).toEqual(['alert.comment-period-ended', 'alert.objection-period-ended'])
      })

      it('[SRCH-ALERT-LIST-SCOPE][ALERT-DELIVER-COMMISSION][ALERT-DELIVER-MAILBOXES] lists an alert for the recipient mailbox and the Commission once broadcast, not before, and searches by procedure', async () => {
        const { run } = setup()
        const deMailbox = scopeOf(U.deNimicBroadcaster)
        const request = await run(U.frHandler, draft)
        const { exchangeId } = await run(U.frAlertHandler, alertCreate)
        await run(U.frAlertHandler, { type: 'alert.submit', exchangeId })
        await run(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId })
        // Before broadcast, only the initiating side and its coordinator find it.
        const before = await listsAsDecided(exchangeId)
        expect(before).toEqual(expect.arrayContaining([U.frAlertHandler, U.frNimicBroadcaster]))
        expect(before).not.toContain(U.deNimicBroadcaster)
        expect(before).not.toContain('commission')
        expect(await foundBy(deMailbox, exchangeId)).toBe(false)
        expect(await foundBy(COMMISSION_SCOPE, exchangeId)).toBe(false)

        await run(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId })
        const after = await listsAsDecided(exchangeId)
        expect(after).toEqual(expect.arrayContaining([U.deNimicBroadcaster, U.itNimicBroadcaster, 'commission']))
        // Authorities the alert has not reached yet find nothing.
        expect(after).not.toContain(U.deAlertHandler)
        expect(await foundBy(deMailbox, exchangeId)).toBe(true)
        expect(await foundBy(COMMISSION_SCOPE, exchangeId)).toBe(true)
        await run(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId })
        await run(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId, authorities: [A.deCa] })
        expect(await listsAsDecided(exchangeId)).toContain(U.deAlertHandler)

        // Search by procedure, for the mailbox and the Commission, as searchSummaries does.
        const summaries = (await Promise.all([exchangeId, request.exchangeId].map((id) => store().projections.summary(id)))).filter((x): x is ExchangeSummary => x !== undefined)
        expect((await store().projections.find({ procedure: 'services.alert' })).map((x) => x.exchangeId)).toEqual([exchangeId])
        expect((await store().projections.find({ procedure: requestForInformation.id })).map((x) => x.exchangeId)).toEqual([request.exchangeId])
        for (const scope of [deMailbox, COMMISSION_SCOPE, scopeOf(U.frAlertHandler), scopeOf(U.frHandler)]) {
          for (const procedure of ['services.alert', requestForInformation.id, undefined]) {
            const q: SearchQuery = { scope, sort: 'updated-desc', limit: 10, ...(procedure === undefined ? {} : { procedure }) }
            expect(await store().projections.search(q), JSON.stringify({ scope: scope.authorityId, procedure })).toEqual(searchSummaries(summaries, q))
          }
        }
        const mailboxAlerts = await store().projections.search({ scope: deMailbox, procedure: 'services.alert', sort: 'updated-desc', limit: 10 })
        expect(mailboxAlerts.items.map((x) => x.exchangeId)).toEqual([exchangeId])
        const commission = await store().projections.search({ scope: COMMISSION_SCOPE, sort: 'updated-desc', limit: 10 })
        expect(commission.items.map((x) => x.exchangeId)).toEqual([exchangeId])
      })

      it('[RET-ALERT-PD-PURGE][RET-DELETE-THREE-YEARS] keeps the personal data of an alert in the vault, blocks it six months and erases it three years after closure', async () => {
        const { app, run, state, commits } = setup()
        const { exchangeId } = await run(U.frAlertHandler, alertCreate)
        // What the service hands the storage: references in the events, the personal data apart.
        const created = commits[0]?.appends[0]
        expect(JSON.stringify(created?.events)).not.toContain(ALERT_SENTINEL)
        expect(JSON.stringify(created?.events)).toContain('personalDataRef')
        expect(JSON.stringify(created?.personal)).toContain(ALERT_SENTINEL)
        const storedText = async () => JSON.stringify(await store().events.readAll(0, 1000))
        // Reads give the events back whole while the data is kept.
        expect(await storedText()).toContain(ALERT_SENTINEL)

        for (const [who, type] of [
          [U.frAlertHandler, 'alert.submit'],
          [U.frNimicBroadcaster, 'alert.accept'],
          [U.frNimicBroadcaster, 'alert.broadcast'],
        ] as const)
          await run(who, { type, exchangeId })
        await run(U.deNimicBroadcaster, { type: 'alert.propose-closure', exchangeId, coordinator: A.deNimic, text: alertText('The provider ceased trading.') })
        const { closure } = await state(exchangeId)
        expect(await atInstant(app, closure?.commentPeriodEndsAt ?? '')).toBe(1)
        await run(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId, includedComments: [] })
        expect(await atInstant(app, (await state(exchangeId)).closure?.objectionPeriodEndsAt ?? '')).toBe(1)
        await run(U.deNimicBroadcaster, { type: 'alert.close', exchangeId })
        const closed = await state(exchangeId)
        const { blockAt, eraseAt } = alertRetention(closed)
        if (blockAt === undefined || eraseAt === undefined) throw new Error('a closed alert has a retention schedule')
        expect(Date.parse(blockAt) - Date.parse(closed.closedAt ?? '')).toBeGreaterThanOrEqual(181 * DAY)
        expect(eraseAt.slice(0, 4)).toBe(String(Number((closed.closedAt ?? '').slice(0, 4)) + 3))

        expect(await atInstant(app, blockAt)).toBe(1)
        expect((await state(exchangeId)).personalData).toBe('blocked')
        expect(await storedText()).toContain(ALERT_SENTINEL)
        expect(await atInstant(app, eraseAt)).toBe(1)
        expect((await state(exchangeId)).personalData).toBe('erased')
        // After erasure no stored event holds it: each place says it was erased.
        expect(await storedText()).not.toContain(ALERT_SENTINEL)
        const first = (await store().events.read(exchangeId))[0]?.event.payload as { content?: { provider?: unknown; caseDescription?: unknown } }
        expect(first.content?.provider).toEqual({ redacted: 'erased' })
        expect(first.content?.caseDescription).toEqual({ redacted: 'erased' })
        const fresh = alertServiceOver(store(), clock, 'fresh')
        const loaded = await fresh.load(exchangeId)
        expect(E.isRight(loaded) && JSON.stringify(loaded.right.state)).not.toContain(ALERT_SENTINEL)
        expect(E.isRight(loaded) && (loaded.right.state as AlertState).personalData).toBe('erased')
        clock.set(new Date('2100-01-01T00:00:00Z'))
        expect(await app.fireDueTimers()).toBe(0)
      })
    })
    describe('outbox retries, dead letters, accounts and sessions', () => {
      type Accounts = NonNullable<Storage['accounts']>
      type Sessions = NonNullable<Storage['sessions']>
      const accounts = (): Accounts => {
        const a = store().accounts
        if (a === undefined) throw new Error('The storage under test keeps no accounts')
        return a
      }
      const sessions = (): Sessions => {
        const s = store().sessions
        if (s === undefined) throw new Error('The storage under test keeps no sessions')
        return s
      }
      const claimedIds = async () => (await store().outbox.claimPending(10)).map((m) => m.id)
      /** Commits the notifications with one event and returns their ids, as a first claim hands them out. */
      const queued = async (...messages: ReadonlyArray<string>) => {
        const a = xid('r-a')
        await committed(changes({ appends: [append(a, 0, 1)], notifications: messages.map((m) => notification(a, m)) }))
        const claimed = await store().outbox.claimPending(10)
        expect(claimed.map((m) => [m.notification.message, m.attempts, m.lastError])).toEqual(messages.map((m) => [m, 0, undefined]))
        return claimed.map((m) => m.id)
      }

      it('offers a failed message again only from its retry instant, counting attempts and keeping the last error', async () => {
        const [one, two] = await queued('one', 'two')
        if (one === undefined || two === undefined) throw new Error('two messages expected')
        await store().outbox.markFailed(one, { error: '451 try later', retryAt: isoAt(10 * MINUTE) })
        await store().outbox.markDelivered(two)
        // The failure ended the claim, but the message waits for its retry instant, leases or not.
        expect(await claimedIds()).toEqual([])
        clock.set(at(10 * MINUTE - 1))
        expect(await claimedIds()).toEqual([])
        clock.set(at(10 * MINUTE))
        const again = await store().outbox.claimPending(10)
        expect(again.map((m) => [m.id, m.notification.message, m.createdAt, m.attempts, m.lastError])).toEqual([[one, 'one', T0, 1, '451 try later']])
        // Claimed again, it is under a lease like any other message.
        expect(await claimedIds()).toEqual([])
        await store().outbox.markFailed(one, { error: '452 mailbox full', retryAt: isoAt(30 * MINUTE) })
        clock.set(at(30 * MINUTE))
        expect((await store().outbox.claimPending(10)).map((m) => [m.attempts, m.lastError])).toEqual([[2, '452 mailbox full']])
        expect(await store().outbox.deadLetters(10)).toEqual([])
        await store().outbox.markDelivered(one)
        clock.advance(100 * LEASE_MS)
        expect(await claimedIds()).toEqual([])
      })

      it('moves a message failed without a retry instant to the dead letters, oldest first, never claimed until requeued with its attempts kept', async () => {
        const [a, b, c] = await queued('a', 'b', 'c')
        if (a === undefined || b === undefined || c === undefined) throw new Error('three messages expected')
        // A retry instant already passed makes the message due at once.
        await store().outbox.markFailed(a, { error: 'connection reset', retryAt: isoAt(0) })
        expect(await claimedIds()).toEqual([a])
        clock.set(at(MINUTE))
        await store().outbox.markFailed(c, { error: '550 no such user' })
        clock.set(at(2 * MINUTE))
        await store().outbox.markFailed(a, { error: '554 rejected' })
        await store().outbox.markDelivered(b)
        const deadA = { id: a, notification: notification(xid('r-a'), 'a'), createdAt: T0, attempts: 2, lastError: '554 rejected', failedAt: isoAt(2 * MINUTE) }
        const deadC = { id: c, notification: notification(xid('r-a'), 'c'), createdAt: T0, attempts: 1, lastError: '550 no such user', failedAt: isoAt(MINUTE) }
        expect(await store().outbox.deadLetters(10)).toEqual([deadC, deadA])
        expect(await store().outbox.deadLetters(1)).toEqual([deadC])
        clock.advance(100 * LEASE_MS)
        expect(await claimedIds()).toEqual([])
        // A dead letter fails no further, and neither a delivered message nor a queued one is requeued.
        await store().outbox.markFailed(c, { error: 'late', retryAt: isoAt(0) })
        await store().outbox.requeue(b)
        expect(await store().outbox.deadLetters(10)).toEqual([deadC, deadA])
        expect(await claimedIds()).toEqual([])

        await store().outbox.requeue(a)
        expect(await store().outbox.deadLetters(10)).toEqual([deadC])
        const requeued = await store().outbox.claimPending(10)
        expect(requeued.map((m) => [m.id, m.attempts, m.lastError])).toEqual([[a, 2, '554 rejected']])
        await store().outbox.markFailed(a, { error: 'again', retryAt: clock.now().toISOString() })
        expect((await store().outbox.claimPending(10)).map((m) => [m.id, m.attempts, m.lastError])).toEqual([[a, 3, 'again']])
        await store().outbox.markDelivered(a)
        clock.advance(100 * LEASE_MS)
        expect(await claimedIds()).toEqual([])
        expect(await store().outbox.deadLetters(10)).toEqual([deadC])
      })

      it('[LOGIN-USERNAME-UNIQUE][LOGIN-CASE-SENSITIVE] finds an account by its exact username only, and by its user', async () => {
        const data = { hash: 'scrypt$1$abc', failures: 0, note: 'Jérôme' }
        expect(await accounts().save({ username: 'Ab3xK9', userId: U.frHandler, data }, 0)).toBe(true)
        expect(await accounts().byUsername('Ab3xK9')).toEqual({ username: 'Ab3xK9', userId: U.frHandler, version: 1, data })
        expect(await accounts().byUsername('ab3xk9')).toBeUndefined()
        expect(await accounts().byUsername('AB3XK9')).toBeUndefined()
        // The same letters in another case are another username.
        expect(await accounts().save({ username: 'ab3xk9', userId: U.deHandler, data: { hash: 'other' } }, 0)).toBe(true)
        expect((await accounts().byUsername('ab3xk9'))?.userId).toBe(U.deHandler)
        expect((await accounts().byUsername('Ab3xK9'))?.userId).toBe(U.frHandler)
        expect(await accounts().byUser(U.frHandler)).toEqual({ username: 'Ab3xK9', userId: U.frHandler, version: 1, data })
        expect((await accounts().byUser(U.deHandler))?.username).toBe('ab3xk9')
        expect(await accounts().byUser(U.itHandler)).toBeUndefined()
      })

      it('[LOGIN-USERNAME-UNIQUE] refuses an account with a taken username, and a second account for a user', async () => {
        const first = { username: 'u-7Q2m', userId: U.frHandler, data: { hash: 'h1' } }
        expect(await accounts().save(first, 0)).toBe(true)
        expect(await accounts().save({ username: 'u-7Q2m', userId: U.deHandler, data: { hash: 'h2' } }, 0)).toBe(false)
        expect(await accounts().save({ username: 'u-other', userId: U.frHandler, data: { hash: 'h3' } }, 0)).toBe(false)
        expect(await accounts().byUser(U.deHandler)).toBeUndefined()
        expect(await accounts().byUsername('u-other')).toBeUndefined()
        // Nor can an update hand an account to a user who has one.
        expect(await accounts().save({ username: 'u-de', userId: U.deHandler, data: { hash: 'h4' } }, 0)).toBe(true)
        expect(await accounts().save({ ...first, userId: U.deHandler }, 1)).toBe(false)
        expect(await accounts().byUsername('u-7Q2m')).toEqual({ ...first, version: 1 })
        expect((await accounts().byUser(U.deHandler))?.username).toBe('u-de')
        // An update may move an account to a user without one.
        expect(await accounts().save({ ...first, userId: U.itHandler }, 1)).toBe(true)
        expect(await accounts().byUser(U.frHandler)).toBeUndefined()
        expect(await accounts().byUser(U.itHandler)).toEqual({ ...first, userId: U.itHandler, version: 2 })
      })

      it('[LOGIN-FIVE-ATTEMPTS] writes accounts optimistically: a write from a stale version is refused, so that concurrent failures all count', async () => {
        const account = (failures: number) => ({ username: 'k9Zt', userId: U.frHandler, data: { failures } })
        expect(await accounts().save(account(0), 0)).toBe(true)
        // Two attempts read version 1 and both fail: the second write is refused and must read again.
        expect(await accounts().save(account(1), 1)).toBe(true)
        expect(await accounts().save(account(1), 1)).toBe(false)
        const reread = await accounts().byUsername('k9Zt')
        expect(reread).toEqual({ ...account(1), version: 2 })
        expect(await accounts().save(account(2), reread?.version ?? 0)).toBe(true)
        expect(await accounts().save(account(0), 0)).toBe(false)
        expect(await accounts().save({ ...account(9), username: 'nobody' }, 3)).toBe(false)
        expect(await accounts().byUsername('nobody')).toBeUndefined()
        // Writes at once from the same version: exactly one wins.
        const raced = await Promise.all([3, 4, 5].map((failures) => accounts().save(account(failures), 3)))
        expect(raced.filter((ok) => ok)).toHaveLength(1)
        const winner = [3, 4, 5][raced.indexOf(true)]
        expect(await accounts().byUsername('k9Zt')).toEqual({ ...account(winner ?? -1), version: 4 })
      })

      it('creates, reads, touches and deletes login sessions, one by one or all of a user', async () => {
        const session = (id: string, userId: string, authorityId: string): Parameters<Sessions['create']>[0] => ({
          id,
          userId,
          authorityId,
          csrf: `csrf-${id}`,
          createdAt: T0,
          lastSeenAt: T0,
          expiresAt: isoAt(30 * MINUTE),
        })
        const s1 = session('h-1', U.frHandler, A.frCa)
        const s2 = session('h-2', U.frHandler, A.frCa)
        const s3 = session('h-3', U.deHandler, A.deCa)
        for (const s of [s1, s2, s3]) await sessions().create(s)
        expect(await sessions().get('h-1')).toEqual(s1)
        expect(await sessions().get('h-unknown')).toBeUndefined()
        await sessions().touch('h-1', isoAt(5 * MINUTE), isoAt(35 * MINUTE))
        expect(await sessions().get('h-1')).toEqual({ ...s1, lastSeenAt: isoAt(5 * MINUTE), expiresAt: isoAt(35 * MINUTE) })
        expect(await sessions().get('h-2')).toEqual(s2)
        await sessions().touch('h-unknown', isoAt(5 * MINUTE), isoAt(35 * MINUTE))
        expect(await sessions().get('h-unknown')).toBeUndefined()
        await sessions().delete('h-1')
        expect(await sessions().get('h-1')).toBeUndefined()
        expect(await sessions().get('h-2')).toEqual(s2)
        await sessions().deleteForUser(U.frHandler)
        expect(await sessions().get('h-2')).toBeUndefined()
        expect(await sessions().get('h-3')).toEqual(s3)
      })
    })

    describe('reports', () => {
      const reports = (): ReportStore => {
        const r = store().reports
        if (r === undefined) throw new Error('The storage under test keeps no reports')
        return r
      }
      /** A value of the subject's personal data, in the documents of reports that hold it. */
      const PERSONAL = 'Jeanne Report-Sentinel'
      const report = (id: string, over: { ownerId?: string; exchangeId?: ExchangeId; kind?: ReportKind; createdAt?: string } = {}): ReportRecord => {
        const kind = over.kind ?? 'FULL_WITHOUT_PERSONAL_DATA'
        const personal = kind !== 'FULL_WITHOUT_PERSONAL_DATA'
        const exchangeId = over.exchangeId ?? xid('s-a')
        const createdAt = over.createdAt ?? T0
        const expiresAt = reportExpiresAt(createdAt)
        return {
          id,
          ownerId: over.ownerId ?? U.frHandler,
          exchangeId,
          number: `N-${exchangeId}`,
          kind,
          language: 'fr',
          title: `Rapport — N-${exchangeId}`,
          containsPersonalData: personal,
          createdAt,
          expiresAt,
          document: {
            kind,
            language: 'fr',
            title: `Rapport — N-${exchangeId}`,
            exchangeId,
            number: `N-${exchangeId}`,
            parts: personal ? ['subject', 'subject-personal-data'] : ['subject'],
            containsPersonalData: personal,
            generatedAt: createdAt,
            expiresAt,
            generatedBy: { userId: U.frHandler, authority: 'Ordre national des médecins' },
            sections: [
              { id: 'subject', heading: 'Objet', paragraphs: [], rows: [{ label: 'Profession', value: 'Médecin' }] },
              ...(personal ? [{ id: 'subject-personal-data' as const, heading: 'Données personnelles', paragraphs: [], rows: [{ label: 'Nom', value: PERSONAL, personalData: true }] }] : []),
            ],
          },
        }
      }
      const listing = ({ document: _d, ...rest }: ReportRecord) => rest
      const seedStreams = () => committed(changes({ appends: [append(xid('s-a'), 0, 1), append(xid('s-b'), 0, 1)] }))

      it('[SRCH-REPORT-30-DAYS] keeps a report for its owner, newest first, with its document, for 30 days', async () => {
        await seedStreams()
        const first = report('rep-1')
        const second = report('rep-2', { createdAt: isoAt(HOUR), kind: 'FULL_WITH_PERSONAL_DATA' })
        const others = report('rep-3', { ownerId: U.deHandler, exchangeId: xid('s-b') })
        for (const r of [first, second, others]) expect(await reports().save(r)).toBe(true)
        expect(await reports().listFor(U.frHandler, at(2 * HOUR))).toEqual([listing(second), listing(first)])
        expect(await reports().listFor(U.deHandler, at(2 * HOUR))).toEqual([listing(others)])
        expect(await reports().listFor(U.itHandler, at(2 * HOUR))).toEqual([])
        expect(await reports().get('rep-2', at(2 * HOUR))).toEqual(second)
        expect(await reports().get('rep-1', at(2 * HOUR))).toEqual(first)
        expect(await reports().get('rep-unknown', at(2 * HOUR))).toBeUndefined()
        // Available strictly before createdAt + 30 days.
        const end = Date.parse(first.expiresAt)
        expect(end - Date.parse(first.createdAt)).toBeGreaterThanOrEqual(30 * DAY - HOUR)
        expect(await reports().get('rep-1', new Date(end - 1))).toEqual(first)
        expect(await reports().get('rep-1', new Date(end))).toBeUndefined()
        expect((await reports().listFor(U.frHandler, new Date(end))).map((r) => r.id)).toEqual(['rep-2'])
      })

      it('[SRCH-REPORT-EXPIRED-DELETED] deletes the reports expired one instant before, at and after their 30 days', async () => {
        await seedStreams()
        const r1 = report('rep-1')
        const r2 = report('rep-2', { createdAt: isoAt(DAY), kind: 'CONSENT_FORM' })
        for (const r of [r1, r2]) await reports().save(r)
        const end1 = Date.parse(r1.expiresAt)
        expect(await reports().deleteExpired(new Date(end1 - 1))).toBe(0)
        expect(await reports().get('rep-1', new Date(end1 - 1))).toEqual(r1)
        expect(await reports().deleteExpired(new Date(end1))).toBe(1)
        // Gone for good: even a clock set back finds it no more.
        expect(await reports().get('rep-1', at(0))).toBeUndefined()
        expect(await reports().get('rep-2', new Date(end1))).toEqual(r2)
        expect(await reports().deleteExpired(new Date(Date.parse(r2.expiresAt) + DAY))).toBe(1)
        expect(await reports().listFor(U.frHandler, at(0))).toEqual([])
        expect(await reports().deleteExpired(new Date(Date.parse(r2.expiresAt) + DAY))).toBe(0)
      })

      it('[RET-PD-REPORTS-AFTER-PURGE] takes the reports holding personal data away with the exchange’s erased personal data, and all reports with an erased exchange', async () => {
        await seedStreams()
        const plain = report('rep-plain')
        const personal = report('rep-personal', { kind: 'FULL_WITH_PERSONAL_DATA' })
        const subject = report('rep-subject', { kind: 'FOR_DATA_SUBJECT', createdAt: isoAt(MINUTE) })
        const other = report('rep-other', { exchangeId: xid('s-b'), kind: 'FULL_WITH_PERSONAL_DATA' })
        for (const r of [plain, personal, subject, other]) expect(await reports().save(r)).toBe(true)
        await committed(changes({ appends: [append(xid('s-a'), 1, 1)], erasePersonalData: [xid('s-a')] }))
        expect(await reports().get('rep-personal', at(HOUR))).toBeUndefined()
        expect(await reports().get('rep-subject', at(HOUR))).toBeUndefined()
        // Same instant: by id.
        expect(await reports().listFor(U.frHandler, at(HOUR))).toEqual([listing(other), listing(plain)])
        expect(await reports().get('rep-plain', at(HOUR))).toEqual(plain)
        expect(await reports().get('rep-other', at(HOUR))).toEqual(other)
        // A deleted draft takes every report with it (REQ-DRAFT-DELETE).
        await committed(changes({ erase: [{ streamId: xid('s-b'), expectedVersion: 1 }] }))
        expect(await reports().get('rep-other', at(HOUR))).toBeUndefined()
        expect(await reports().save(report('rep-ghost', { exchangeId: xid('s-b') }))).toBe(false)
        expect(await reports().save(report('rep-none', { exchangeId: xid('s-none') }))).toBe(false)
        expect(await reports().get('rep-ghost', at(HOUR))).toBeUndefined()
      })

      it('deletes one report, or those of an exchange', async () => {
        await seedStreams()
        for (const r of [report('rep-1'), report('rep-2', { kind: 'CUSTOM' }), report('rep-3'), report('rep-4', { exchangeId: xid('s-b') })]) await reports().save(r)
        expect(await reports().delete('rep-1')).toBe(true)
        expect(await reports().delete('rep-1')).toBe(false)
        expect(await reports().deleteForExchange(xid('s-a'), { personalDataOnly: true })).toBe(1)
        expect((await reports().listFor(U.frHandler, at(0))).map((r) => r.id).sort()).toEqual(['rep-3', 'rep-4'])
        expect(await reports().deleteForExchange(xid('s-a'))).toBe(1)
        expect((await reports().listFor(U.frHandler, at(0))).map((r) => r.id)).toEqual(['rep-4'])
      })
    })
  })
}
