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
    expect(await migrate(c)).toEqual([3])
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
