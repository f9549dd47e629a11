import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM, createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, EventEnvelope, ExchangeId } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'
import { MIGRATIONS, migrate } from '../sql/migrations.js'
import type { SqlStorageHandle } from '../sql/sql-storage-handle.js'
import { CorruptEventError, createSqlStorage } from '../sql/sql-storage.js'
import { createPgliteStorage } from './pglite-storage.js'

const envelope = (exchangeId: string, n: number): EventEnvelope => ({
  type: 'test.step',
  exchangeId: exchangeId as ExchangeId,
  procedure: 'test.procedure',
  procedureVersion: 1,
  at: '2026-03-02T09:00:00.000Z',
  actor: SYSTEM,
  to: 'open',
  payload: { n },
})

const directory = world()
const as = (id: (typeof U)[keyof typeof U]): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })

// One data directory for the file: opened, written, closed, then opened again.
let dataDir = ''
let opened: SqlStorageHandle | undefined

const handle = (): SqlStorageHandle => {
  if (opened === undefined) throw new Error('PGlite is not open')
  return opened
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'imi-pglite-'))
})

afterAll(async () => {
  await opened?.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('PGlite storage in a data directory', () => {
  it('migrates a new database once and keeps its data across a restart', async () => {
    opened = await createPgliteStorage({ dataDir })
    const { rows } = await handle().client.query<{ version: number; name: string }>('SELECT version, name FROM imi_migrations ORDER BY version')
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })))
    expect(await migrate(handle().client)).toEqual([])
    const written = [envelope('x-1', 1), envelope('x-1', 2)]
    const r = await handle().storage.commit({
      at: '2026-03-02T09:00:00.000Z',
      appends: [{ streamId: 'x-1' as ExchangeId, procedure: 'test.procedure', expectedVersion: 0, events: written, personal: written.map(() => []) }],
      erase: [],
      erasePersonalData: [],
      timers: [],
      notifications: [],
      summaries: [],
    })
    expect(E.isRight(r)).toBe(true)
    await handle().close()
    opened = undefined

    opened = await createPgliteStorage({ dataDir })
    expect((await handle().storage.events.read('x-1' as ExchangeId)).map((e) => e.event)).toEqual(written)
    const again = await handle().client.query<{ count: number }>('SELECT count(*)::integer AS count FROM imi_migrations')
    expect(again.rows[0]?.count).toBe(MIGRATIONS.length)
  })
})

describe('corrupt event rows', () => {
  let corrupted = 0
  const insert = (streamId: string, version: number, payload: string) =>
    handle().client.query<{ position: number }>(
      "INSERT INTO imi_events (stream_id, version, procedure, type, at, payload) VALUES ($1, $2, 'test.procedure', 'test.step', now(), $3::jsonb) RETURNING position",
      [streamId, version, payload],
    )

  it.each([
    ['a JSON string', '"not an envelope"', 'the payload is a string, not an event envelope'],
    ['a JSON array', '[1, 2]', 'the payload is an array, not an event envelope'],
    ['an envelope without type, exchangeId and to', JSON.stringify({ ...envelope('bad', 1), type: undefined, exchangeId: undefined, to: 7 }), 'the envelope lacks type, exchangeId, to'],
    ['an envelope of another stream', JSON.stringify(envelope('elsewhere', 1)), 'the envelope belongs to exchange elsewhere, not to its stream'],
  ])('reports %s as a typed error naming the stream and position, not a crash', async (_name, payload, reason) => {
    const streamId = `bad-${++corrupted}`
    await insert(streamId, 1, JSON.stringify(envelope(streamId, 1)))
    const { rows } = await insert(streamId, 2, payload)
    const position = Number(rows[0]?.position)
    const { events } = handle().storage

    const checked = await events.readChecked(streamId as ExchangeId)
    expect(E.isLeft(checked) && checked.left).toMatchObject({ _tag: 'CorruptEvent', streamId, position, version: 2, reason })
    await expect(events.read(streamId as ExchangeId)).rejects.toBeInstanceOf(CorruptEventError)
    await expect(events.read(streamId as ExchangeId)).rejects.toThrow(`position ${position} (stream ${streamId}, version 2)`)
    const all = await events.readAllChecked(position - 1, 10)
    expect(E.isLeft(all) && all.left.position).toBe(position)
    await expect(events.readAll(position - 1, 10)).rejects.toBeInstanceOf(CorruptEventError)

    await handle().client.query('DELETE FROM imi_events WHERE stream_id = $1', [streamId])
  })

  it("decodes events through their procedure's codec when given the registry, and reports a refused one", async () => {
    const storage = createSqlStorage(handle().client, { procedures: createProcedureRegistry([requestForInformation]) })
    const app = createApplicationService({
      registry: createProcedureRegistry([requestForInformation]),
      storage,
      clock: fixedClock(new Date('2026-03-02T09:00:00Z')),
      ids: sequentialIds('codec'),
      directory,
    })
    const created = await app.execute(as(U.frHandler), { type: 'request.create', legislativeArea: PQ, addressee: A.deCa, caseData: { name: 'Jean Dupont' } })
    if (E.isLeft(created)) throw new Error(created.left.message)
    const { exchangeId } = created.right
    const read = await storage.events.readChecked(exchangeId)
    expect(E.isRight(read) && read.right.map((e) => e.event)).toEqual(created.right.events)

    // The envelope is whole, but its payload is not what request.created carries.
    await handle().client.query('UPDATE imi_events SET payload = jsonb_set(payload, $2, $3::jsonb) WHERE stream_id = $1 AND version = 1', [
      exchangeId,
      '{payload,legislativeArea}',
      '42',
    ])
    const refused = await storage.events.readChecked(exchangeId)
    expect(E.isLeft(refused) && refused.left.reason).toMatch(/^not a valid event of imi\.request-for-information: .*legislativeArea/)
    // Without the registry only the envelope is checked.
    expect(E.isRight(await createSqlStorage(handle().client).events.readChecked(exchangeId))).toBe(true)
    // The application service reports it as a typed error naming the row; it never folds a corrupt stream.
    const fresh = createApplicationService({
      registry: createProcedureRegistry([requestForInformation]),
      storage,
      clock: fixedClock(new Date('2026-03-02T09:00:00Z')),
      ids: sequentialIds('fresh'),
      directory,
    })
    const viewed = await fresh.view(as(U.frHandler), exchangeId)
    expect(E.isLeft(viewed) && viewed.left).toMatchObject({ code: 'exchange.corrupt-event', details: { exchangeId, version: 1 } })
  })
})
