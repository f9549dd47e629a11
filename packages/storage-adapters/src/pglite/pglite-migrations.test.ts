import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExchangeSummary, ListingScope } from '@imi-kit/core'
import { A, PQ } from '@imi-kit/core/testing'
import { MIGRATIONS, migrate } from '../sql/migrations.js'
import type { SqlClient } from '../sql/sql-client.js'
import { createSqlStorage } from '../sql/sql-storage.js'
import { createPgliteClient } from './pglite-client.js'

let db: PGlite | undefined
let client: SqlClient | undefined

beforeAll(async () => {
  db = await PGlite.create()
  client = createPgliteClient(db)
})

afterAll(async () => {
  await db?.close()
})

describe('migration 3 (search and dashboard)', () => {
  it('backfills the search columns of summaries written before it, from their JSON', async () => {
    const c = client as SqlClient
    expect(await migrate(c, MIGRATIONS.filter((m) => m.version < 3))).toEqual([1, 2])
    // A summary as version 2 wrote it: no search text; the responding authority only in the JSON.
    const old = {
      exchangeId: 'old-1',
      procedure: 'p',
      number: 'REQ-ABC-1',
      status: 'accepted',
      legislativeArea: PQ,
      authorities: [A.frCa, A.deCa],
      memberStates: ['FR', 'DE'],
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-02T00:00:00.000Z',
      requestingAuthority: A.frCa,
      respondingAuthority: A.deCa,
      audience: { participants: [A.frCa, A.deCa], coordinators: [], observers: [], sameStateHandlers: [] },
    }
    await c.query(
      `INSERT INTO imi_summaries (exchange_id, procedure, number, status, legislative_area, authorities, member_states, created_at, updated_at, audience, summary)
       VALUES ('old-1', 'p', 'REQ-ABC-1', 'accepted', $1, $2, $3, $4, $5, $6, $7)`,
      [PQ, [A.frCa, A.deCa], ['FR', 'DE'], old.createdAt, old.updatedAt, [`p:${A.frCa}`, `p:${A.deCa}`], JSON.stringify(old)],
    )
    expect(await migrate(c, MIGRATIONS.filter((m) => m.version <= 3))).toEqual([3])
    const { rows } = await c.query<{ requesting_authority: string; responding_authority: string; search_text: string }>(
      "SELECT requesting_authority, responding_authority, search_text FROM imi_summaries WHERE exchange_id = 'old-1'",
    )
    expect(rows).toEqual([{ requesting_authority: A.frCa, responding_authority: A.deCa, search_text: 'req-abc-1' }])
    const scope: ListingScope = { authorityId: A.deCa, memberState: 'DE', participantAreas: ['*'], coordinatorAreas: [], observerAreas: [], sameStateAreas: [] }
    const page = await createSqlStorage(c).projections.search({ scope, sort: 'number-asc', limit: 5, text: 'abc' })
    const expected: ExchangeSummary = { ...(old as unknown as ExchangeSummary), searchText: 'req-abc-1' }
    expect(page).toEqual({ items: [expected] })
    expect(await createSqlStorage(c).projections.dashboard(scope, new Date('2026-03-03T00:00:00Z'))).toEqual({
      drafts: 0,
      receivedRecently: 0,
      updatedRecently: 1,
      toAccept: 0,
      toAnswer: 1,
    })
  })
})

describe('migration 4 (outbox retries, accounts, sessions)', () => {
  it('keeps the messages written before it claimable, their claim count no longer taken for failures', async () => {
    // A database of its own, at version 3, where `attempts` counted claims.
    const own = await PGlite.create()
    try {
      const c = createPgliteClient(own)
      expect(await migrate(c, MIGRATIONS.filter((m) => m.version <= 3))).toEqual([1, 2, 3])
      const notification = { message: 'old', exchangeId: 'old-1', exchangeNumber: 'N-old-1', recipients: [{ kind: 'authority-mailbox', authorityId: A.deCa }], ruleId: 'R' }
      await c.query(
        `INSERT INTO imi_outbox (notification, created_at, claimed_until, attempts, delivered_at) VALUES
          ($1::jsonb, '2026-03-01T00:00:00Z', '2026-03-01T00:01:00Z', 2, NULL),
          ($1::jsonb, '2026-03-01T00:00:00Z', NULL, 1, '2026-03-01T00:00:30Z')`,
        [JSON.stringify(notification)],
      )
      expect(await migrate(c, MIGRATIONS.filter((m) => m.version <= 4))).toEqual([4])
      expect(await migrate(c, MIGRATIONS.filter((m) => m.version <= 4))).toEqual([])
      const { rows } = await c.query<{ attempts: number; dead_at: string | null; next_attempt_at: string | null; last_error: string | null }>(
        'SELECT attempts, dead_at, next_attempt_at, last_error FROM imi_outbox ORDER BY id',
      )
      expect(rows).toEqual([
        { attempts: 0, dead_at: null, next_attempt_at: null, last_error: null },
        { attempts: 1, dead_at: null, next_attempt_at: null, last_error: null },
      ])
      const storage = createSqlStorage(c, { clock: { now: () => new Date('2026-03-01T00:02:00Z') } })
      const claimed = await storage.outbox.claimPending(10)
      expect(claimed.map((m) => [m.createdAt, m.attempts, m.lastError, m.notification])).toEqual([['2026-03-01T00:00:00.000Z', 0, undefined, notification]])
      const tables = await c.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('imi_accounts', 'imi_sessions') ORDER BY table_name",
      )
      expect(tables.rows.map((r) => r.table_name)).toEqual(['imi_accounts', 'imi_sessions'])
    } finally {
      await own.close()
    }
  })
})
