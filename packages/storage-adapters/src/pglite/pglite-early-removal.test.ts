/**
 * Early removal of personal data on the embedded default (RET-EARLY-REMOVAL): the command runs
 * through the application service on PGlite and crypto-shreds the exchange at once, as the scheduled
 * erasure does; the retention timers go with it, and nothing fires later.
 */
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, ExchangeId, UserId } from '@imi-kit/core'
import { A, PQ, U, alertDraft, testAlertProcedure, world } from '@imi-kit/core/testing'
import type { SqlStorageHandle } from '../sql/sql-storage-handle.js'
import { createPgliteStorage } from './pglite-storage.js'

/** Written into every personal-data field; it must be found nowhere once removed. */
const SENTINEL = 'SENTINEL-early-removal-51c2'
const REASON = { text: "The data subject's erasure request of 2 March 2026, ref. DPO-2026-14.", language: 'en' }

const directory = world()
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
let handle: SqlStorageHandle | undefined

beforeAll(async () => {
  handle = await createPgliteStorage()
}, 60_000)

afterAll(async () => {
  await handle?.close()
})

const pg = (): SqlStorageHandle => {
  if (handle === undefined) throw new Error('PGlite is not open')
  return handle
}

const app = () =>
  createApplicationService({
    registry: createProcedureRegistry([requestForInformation, testAlertProcedure]),
    storage: pg().storage,
    clock,
    ids: sequentialIds('early'),
    directory,
  })

const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })

const run = async (service: ReturnType<typeof app>, who: UserId, command: unknown): Promise<ExchangeId> => {
  const r = await service.execute(as(who), command)
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right.exchangeId
}

const count = async (sql: string, id: ExchangeId): Promise<number> => {
  const r = await pg().client.query<{ n: number }>(sql, [id])
  return Number(r.rows[0]?.n ?? 0)
}

/** Every row of every table that mentions the exchange, as text. */
const rowsAbout = async (id: ExchangeId): Promise<string> => {
  const tables = await pg().client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
  const dumps: string[] = []
  for (const { table_name } of tables.rows) {
    const r = await pg().client.query<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM ${table_name} AS t`)
    dumps.push(...r.rows.map((x) => JSON.stringify(x.row)).filter((s) => s.includes(id)))
  }
  return dumps.join('\n')
}

describe('early removal on PGlite', () => {
  it('[RET-EARLY-REMOVAL] shreds the vault key of a closed request at once, drops its retention timers, and keeps the history entry', async () => {
    const service = app()
    const id = await run(service, U.frHandler, {
      type: 'request.create',
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: A.deCa,
      caseData: { name: `${SENTINEL} Martin`, 'date-of-birth': SENTINEL, profession: 'Médecin' },
      questions: [{ questionId: 'pq.qualifications.authentic', attachmentId: 'new:0' }],
      attachments: [{ fileName: `${SENTINEL}.pdf`, mediaType: 'application/pdf', size: 1, contentRef: `blob:${SENTINEL}`, relevance: 'certificate' }],
      deadline: '2026-04-01',
    })
    await run(service, U.frHandler, { type: 'request.send', exchangeId: id })
    await run(service, U.deHandler, { type: 'request.accept', exchangeId: id })
    await run(service, U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: 'pq.qualifications.authentic', answerId: 'yes' }] })
    await run(service, U.frHandler, { type: 'request.close', exchangeId: id })

    expect(await count('SELECT count(*)::int AS n FROM imi_vault_keys WHERE stream_id = $1', id)).toBe(1)
    expect(await count('SELECT count(*)::int AS n FROM imi_timers WHERE exchange_id = $1', id)).toBe(2)
    const actions = await service.availableActions(as(U.deHandler), id)
    expect(E.isRight(actions) && actions.right).toContain('request.remove-personal-data')

    await run(service, U.deHandler, { type: 'request.remove-personal-data', exchangeId: id, reason: REASON, requestedBy: 'data-subject' })

    expect(await count('SELECT count(*)::int AS n FROM imi_vault_keys WHERE stream_id = $1', id)).toBe(0)
    expect(await count('SELECT count(*)::int AS n FROM imi_personal_data WHERE stream_id = $1', id)).toBe(0)
    expect(await count('SELECT count(*)::int AS n FROM imi_timers WHERE exchange_id = $1', id)).toBe(0)
    expect(await rowsAbout(id)).not.toContain(SENTINEL)
    // A fresh service reads the stream back from storage: erased, with the removal in its history.
    const view = await app().view(as(U.frHandler), id)
    if (E.isLeft(view)) throw new Error(view.left.code)
    expect(view.right.personalData).toBe('erased')
    expect(JSON.stringify(view.right)).not.toContain(SENTINEL)
    expect(view.right.history.at(-1)).toMatchObject({ action: 'request.personal-data-erased', actor: as(U.deHandler), justification: REASON, requestedBy: 'data-subject' })

    // Years later the worker finds nothing to fire for it.
    clock.set(new Date('2030-01-01T00:00:00Z'))
    expect(await app().fireDueTimers(500)).toBe(0)
    clock.set(new Date('2026-03-02T09:00:00Z'))
  }, 60_000)

  it('[RET-EARLY-REMOVAL] shreds the vault key of a withdrawn alert at once', async () => {
    const service = app()
    const id = await run(
      service,
      U.frAlertHandler,
      alertDraft({ provider: { name: `Ambulances ${SENTINEL}`, address: `12 rue de la Paix ${SENTINEL}` }, caseDescription: { text: `Case ${SENTINEL}`, language: 'en' } }),
    )
    await run(service, U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
    await run(service, U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id })
    await run(service, U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id })
    await run(service, U.frAlertHandler, { type: 'alert.propose-withdrawal', exchangeId: id, reason: { text: `Wrong ${SENTINEL}`, language: 'en' } })
    await run(service, U.frNimicBroadcaster, { type: 'alert.broadcast-withdrawal', exchangeId: id })
    expect(await count('SELECT count(*)::int AS n FROM imi_vault_keys WHERE stream_id = $1', id)).toBe(1)

    await run(service, U.frAlertHandler, { type: 'alert.remove-personal-data', exchangeId: id, reason: REASON })

    expect(await count('SELECT count(*)::int AS n FROM imi_vault_keys WHERE stream_id = $1', id)).toBe(0)
    expect(await count('SELECT count(*)::int AS n FROM imi_personal_data WHERE stream_id = $1', id)).toBe(0)
    expect(await count('SELECT count(*)::int AS n FROM imi_timers WHERE exchange_id = $1', id)).toBe(0)
    expect(await rowsAbout(id)).not.toContain(SENTINEL)
  }, 60_000)
})
