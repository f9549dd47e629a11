/**
 * Retention by the worker, on PostgreSQL: requests and alerts full of a sentinel string are closed,
 * the worker blocks their personal data when the blocking instant has passed and erases it when the
 * erasure instant has passed, after which no column of any imi_* table holds the sentinel. A worker
 * started long after both instants (the machine was off) catches up, firing each overdue timer once.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import type { ApplicationService, Directory, ExchangeId, RetentionSchedule } from '@imi-kit/core'
import { fixedClock } from '@imi-kit/core'
import { A, U, alertDraft, pqDraft, standardAnswers, world } from '@imi-kit/core/testing'
import type { SqlStorageHandle } from '@imi-kit/storage-adapters'
import { createPostgresStorage } from '@imi-kit/storage-adapters'
// The storage package's helper for throwaway databases on the test server (not part of its public API).
import type { TestDatabase } from '../../../storage-adapters/src/postgres/postgres-test-database.js'
import { createTestDatabase } from '../../../storage-adapters/src/postgres/postgres-test-database.js'
import { createVault } from '../../../storage-adapters/src/sql/vault.js'
import { createRecordingMailer } from '../mail/mailer.js'
import type { Worker } from './worker.js'
import { createWorker } from './worker.js'
import { DAY_MS, START, actor, run, testApp } from './testing/worker-fixtures.js'

/** Written into every personal-data field; it must be found nowhere once erased. */
const SENTINEL = 'SENTINEL-7c21-worker-retention'
const BASE_URL = 'https://imi.example.org'
const REQUESTS = 3
const ALERTS = 2

const databases: TestDatabase[] = []
const handles: SqlStorageHandle[] = []
afterAll(async () => {
  for (const h of handles) await h.close()
  for (const d of databases) await d.drop()
})

interface Setup {
  readonly handle: SqlStorageHandle
  readonly clock: ReturnType<typeof fixedClock>
  readonly directory: Directory
  readonly app: ApplicationService
  readonly newWorker: () => Worker
}

const setup = async (): Promise<Setup> => {
  const db = await createTestDatabase()
  databases.push(db)
  const clock = fixedClock(START)
  const handle = await createPostgresStorage({ connectionString: db.url, clock })
  handles.push(handle)
  const directory = world()
  const app = testApp(handle.storage, clock, () => directory, 'retention')
  const mailer = createRecordingMailer()
  const newWorker = () => createWorker({ app, storage: handle.storage, directory: () => directory, mailer, clock, baseUrl: BASE_URL })
  return { handle, clock, directory, app, newWorker }
}

/** A PQ request whose case data and attachments hold the sentinel, sent, accepted, answered and closed. */
const closedRequest = async (s: Setup, i: number): Promise<ExchangeId> => {
  const draft = pqDraft({
    caseData: { name: `${SENTINEL} name ${i}`, 'date-of-birth': `${SENTINEL} born ${i}`, profession: 'Médecin' },
    attachments: [{ fileName: `${SENTINEL}-${i}.pdf`, mediaType: 'application/pdf', size: 1, contentRef: `blob:${SENTINEL}-${i}`, relevance: 'evidence-of-qualifications' }],
  })
  const id = await run(s.app, s.directory, U.frHandler, draft)
  await run(s.app, s.directory, U.frHandler, { type: 'request.send', exchangeId: id })
  await run(s.app, s.directory, U.deHandler, { type: 'request.accept', exchangeId: id })
  await run(s.app, s.directory, U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
  await run(s.app, s.directory, U.frHandler, { type: 'request.close', exchangeId: id })
  return id
}

/**
 * Alerts whose provider, case description and closure proposal hold the sentinel, taken to closure;
 * the ends of their comment and objection periods are fired by the worker.
 */
const closedAlerts = async (s: Setup, worker: Worker, count: number): Promise<ExchangeId[]> => {
  const ids: ExchangeId[] = []
  for (let i = 0; i < count; i++) {
    const draft = alertDraft({
      establishment: 'DE',
      provider: { name: `${SENTINEL} provider ${i}`, address: `${SENTINEL} street ${i}`, registrationNumber: 'FR-RCS-552100554' },
      caseDescription: { text: `${SENTINEL} case ${i}`, language: 'en' },
    })
    const id = await run(s.app, s.directory, U.frAlertHandler, draft)
    await run(s.app, s.directory, U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
    await run(s.app, s.directory, U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id })
    await run(s.app, s.directory, U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id })
    await run(s.app, s.directory, U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
    await run(s.app, s.directory, U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
    await run(s.app, s.directory, U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: `${SENTINEL} ceased ${i}`, language: 'en' } })
    ids.push(id)
  }
  s.clock.advance(10 * DAY_MS)
  expect(await worker.runOnce()).toMatchObject({ timersFired: count })
  for (const id of ids) await run(s.app, s.directory, U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId: id, includedComments: [] })
  s.clock.advance(15 * DAY_MS)
  expect(await worker.runOnce()).toMatchObject({ timersFired: count })
  for (const id of ids) await run(s.app, s.directory, U.deNimicBroadcaster, { type: 'alert.close', exchangeId: id })
  return ids
}

/** The retention schedule the procedure computes for an exchange as it stands. */
const scheduleOf = async (app: ApplicationService, id: ExchangeId): Promise<Required<RetentionSchedule>> => {
  const loaded = await app.load(id)
  if (E.isLeft(loaded)) throw new Error(`cannot load ${id}: ${loaded.left.code}`)
  const r = loaded.right.procedure.retention(loaded.right.state)
  if (r.blockAt === undefined || r.eraseAt === undefined) throw new Error(`${id} has no retention schedule`)
  return { blockAt: r.blockAt, eraseAt: r.eraseAt }
}

const latest = (instants: ReadonlyArray<string>): Date => new Date(Math.max(...instants.map((i) => Date.parse(i))))
const earliest = (instants: ReadonlyArray<string>): Date => new Date(Math.min(...instants.map((i) => Date.parse(i))))

/**
 * Where the sentinel can still be found: plainly, in any text, json, jsonb or bytea column of any
 * imi_* table (by table and column); and sealed in the personal-data vault under a key still in the
 * database (the keys are stored plain here, no key-encryption key being configured, so whoever holds
 * a copy of the database can open what their key seals).
 */
interface Scan {
  readonly columns: number
  readonly plain: ReadonlyArray<string>
  readonly sealedRows: number
  readonly openable: number
}

const scan = async (handle: SqlStorageHandle, streams: ReadonlyArray<ExchangeId>): Promise<Scan> => {
  const { rows: columns } = await handle.client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name LIKE 'imi\\_%'
        AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
      ORDER BY table_name, column_name`,
  )
  const plain: string[] = []
  for (const c of columns) {
    const column = `"${c.column_name.replaceAll('"', '""')}"`
    const condition = c.data_type === 'bytea' ? `position(convert_to($1, 'UTF8') in ${column}) > 0` : `strpos(${column}::text, $1) > 0`
    const { rows } = await handle.client.query<{ n: string }>(`SELECT count(*)::text AS n FROM "${c.table_name}" WHERE ${condition}`, [SENTINEL])
    const n = Number(rows[0]?.n ?? '0')
    if (n > 0) plain.push(`${c.table_name}.${c.column_name}: ${n}`)
  }
  const { rows: sealed } = await handle.client.query<{ key: string | null; sealed: string }>(
    'SELECT k.key, p.sealed FROM imi_personal_data p LEFT JOIN imi_vault_keys k ON k.stream_id = p.stream_id WHERE p.stream_id = ANY($1)',
    [[...streams]],
  )
  const vault = createVault()
  let openable = 0
  for (const row of sealed) if (row.key !== null && JSON.stringify(await vault.open(row.key, row.sealed)).includes(SENTINEL)) openable++
  return { columns: columns.length, plain, sealedRows: sealed.length, openable }
}

const plainRows = (s: Scan): number => s.plain.reduce((n, h) => n + Number(h.split(': ')[1]), 0)

const eventsOf = async (s: Setup, id: ExchangeId, type: string): Promise<number> =>
  (await s.handle.storage.events.read(id)).filter((e) => e.event.type === type).length

/** Runs the worker until it fires nothing more; returns the timers fired. */
const drain = async (worker: Worker): Promise<number> => {
  let fired = 0
  for (let round = 0; round < 20; round++) {
    const r = await worker.runOnce()
    if (r.timersFired === 0) return fired
    fired += r.timersFired
  }
  throw new Error('the worker kept firing timers')
}

describe('retention by the worker on PostgreSQL', () => {
  it('[RET-BLOCK-SIX-MONTHS] [RET-ALERT-PD-PURGE] [RET-DELETE-THREE-YEARS] the worker blocks personal data past the blocking instant and erases it past the erasure instant, leaving the sentinel in no row', async () => {
    const s = await setup()
    const worker = s.newWorker()
    const requests: ExchangeId[] = []
    for (let i = 0; i < REQUESTS; i++) requests.push(await closedRequest(s, i))
    const alerts = await closedAlerts(s, worker, ALERTS)
    const all = [...requests, ...alerts]
    const schedules = await Promise.all(all.map((id) => scheduleOf(s.app, id)))
    const blockAts = schedules.map((r) => r.blockAt)
    const eraseAts = schedules.map((r) => r.eraseAt)
    expect(latest(blockAts).getTime()).toBeLessThan(earliest(eraseAts).getTime())
    // before the blocking instant the personal data is stored, sealed in the vault, never plain
    const closed = await scan(s.handle, all)
    expect(closed.plain).toEqual([])
    expect(closed.openable).toBeGreaterThanOrEqual(all.length)
    s.clock.set(new Date(earliest(blockAts).getTime() - 1))
    expect(await worker.runOnce()).toMatchObject({ timersFired: 0 })
    const before = await s.app.view(actor(s.directory, U.frHandler), requests[0] ?? ('' as ExchangeId))
    expect(E.isRight(before) && before.right.personalData).toBe('available')

    // past every blocking instant, the worker blocks
    s.clock.set(latest(blockAts))
    const blocking = await drain(worker)
    expect(blocking).toBe(all.length)
    for (const id of requests) {
      const v = await s.app.view(actor(s.directory, U.frHandler), id)
      if (E.isLeft(v)) throw new Error(v.left.code)
      expect(v.right).toMatchObject({ personalData: 'blocked', content: { caseData: { name: { redacted: 'blocked' }, 'date-of-birth': { redacted: 'blocked' } } } })
      expect(JSON.stringify(v.right)).not.toContain(SENTINEL)
      // the system administrators still see it
      const loaded = await s.app.load(id)
      if (E.isLeft(loaded)) throw new Error(loaded.left.code)
      expect(loaded.right.procedure.view(loaded.right.state, { kind: 'system-administrator' })).toMatchObject({ personalData: 'blocked', content: { caseData: { name: `${SENTINEL} name ${requests.indexOf(id)}` } } })
    }
    for (const id of alerts) {
      for (const who of [U.frAlertHandler, U.deAlertHandler]) {
        const v = await s.app.view(actor(s.directory, who), id)
        if (E.isLeft(v)) throw new Error(v.left.code)
        // users see only the overview of a closed alert; blocking is shown, the sentinel is nowhere
        expect(v.right).toMatchObject({ personalData: 'blocked' })
        expect(JSON.stringify(v.right)).not.toContain(SENTINEL)
      }
      // still stored: the trusted back office loads it
      const loaded = await s.app.load(id)
      expect(E.isRight(loaded) && JSON.stringify(loaded.right.state)).toContain(`${SENTINEL} provider ${alerts.indexOf(id)}`)
    }
    // blocked personal data is still stored, for the system administrators only
    expect((await scan(s.handle, all)).openable).toBe(closed.openable)

    // before the erasure instant nothing more happens; past it, the worker erases
    s.clock.set(new Date(earliest(eraseAts).getTime() - 1))
    expect(await worker.runOnce()).toMatchObject({ timersFired: 0 })
    s.clock.set(latest(eraseAts))
    const erasing = await drain(worker)
    expect(erasing).toBe(all.length)
    for (const id of all) {
      const v = await s.app.view(actor(s.directory, requests.includes(id) ? U.frHandler : U.frAlertHandler), id)
      expect(E.isRight(v) && v.right.personalData).toBe('erased')
    }
    const erased = await scan(s.handle, all)
    console.log(`sentinel (worker): ${all.length} exchanges, ${blocking + erasing} timers fired, ${erased.columns} columns scanned, ${closed.sealedRows} sealed rows shredded, ${plainRows(erased) + erased.openable} rows holding the sentinel`)
    expect(erased.columns).toBeGreaterThan(5)
    expect(erased.plain).toEqual([])
    expect(erased).toMatchObject({ sealedRows: 0, openable: 0 })
    for (const id of all) expect(JSON.stringify(await s.handle.storage.events.read(id))).not.toContain(SENTINEL)
  }, 120_000)

  it('[RET-BLOCK-SIX-MONTHS] [RET-DELETE-THREE-YEARS] a worker started after both instants (the machine was off) fires each overdue timer once and reaches the erased state; a later worker fires nothing', async () => {
    const s = await setup()
    const first = s.newWorker()
    const requests: ExchangeId[] = []
    for (let i = 0; i < REQUESTS; i++) requests.push(await closedRequest(s, i))
    const alerts = await closedAlerts(s, first, ALERTS)
    const all = [...requests, ...alerts]
    const schedules = await Promise.all(all.map((id) => scheduleOf(s.app, id)))
    expect((await scan(s.handle, all)).openable).toBeGreaterThanOrEqual(all.length)
    // the machine was off from closure until a day after the last erasure instant
    s.clock.set(new Date(latest(schedules.map((r) => r.eraseAt)).getTime() + DAY_MS))
    const fired = await drain(s.newWorker())
    expect(fired).toBe(2 * all.length)
    for (const id of all) {
      const prefix = requests.includes(id) ? 'request' : 'alert'
      expect(await eventsOf(s, id, `${prefix}.personal-data-blocked`)).toBe(1)
      expect(await eventsOf(s, id, `${prefix}.personal-data-erased`)).toBe(1)
      const v = await s.app.view(actor(s.directory, prefix === 'request' ? U.frHandler : U.frAlertHandler), id)
      expect(E.isRight(v) && v.right.personalData).toBe('erased')
    }
    const erased = await scan(s.handle, all)
    console.log(`sentinel (worker catch-up): ${all.length} exchanges, ${fired} timers fired, ${plainRows(erased) + erased.openable} rows holding the sentinel`)
    expect(erased.plain).toEqual([])
    expect(erased).toMatchObject({ sealedRows: 0, openable: 0 })
    // a worker started afterwards, even later, finds nothing to fire
    s.clock.advance(365 * DAY_MS)
    expect(await s.newWorker().runOnce()).toMatchObject({ timersFired: 0 })
    for (const id of all) expect(await eventsOf(s, id, `${requests.includes(id) ? 'request' : 'alert'}.personal-data-erased`)).toBe(1)
  }, 120_000)
})
