import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listingScope, viewerOf } from '@imi-kit/core'
import type { Actor, ListingScope, SearchQuery } from '@imi-kit/core'
import { A, U, world } from '@imi-kit/core/testing'
import { migrate } from '../sql/migrations.js'
import type { SqlClient } from '../sql/sql-client.js'
import { createSqlStorage, dashboardStatement, searchStatement } from '../sql/sql-storage.js'
import { createPostgresClient } from './postgres-client.js'
import type { TestDatabase } from './postgres-test-database.js'
import { createTestDatabase } from './postgres-test-database.js'

const ROWS = 50_000
const NOW = new Date('2026-06-01T12:00:00Z')

let db: TestDatabase | undefined
let pool: pg.Pool | undefined
let client: SqlClient | undefined

// The fixture authorities among 190 others in nine member states, so that each authority takes part
// in about 1 % of the exchanges, as in a directory of thousands of authorities; a tenth of the
// exchanges of each state are referred to its coordinators. One INSERT … SELECT keeps seeding to seconds.
const SEED = `
WITH auth AS (
  SELECT array_agg(a ORDER BY i) AS ids FROM (
    SELECT i, a FROM unnest($1::text[]) WITH ORDINALITY AS f(a, i)
    UNION ALL SELECT 100 + g, (ARRAY['fr','de','it','es','pl','nl','be','at','pt'])[1 + g % 9] || '-auth-' || g FROM generate_series(1, 190) g
  ) x
), rows AS (
  SELECT g,
    auth.ids[1 + (g * 7) % 200] AS req,
    auth.ids[1 + (g * 13 + 1 + (g / 200) % 199) % 200] AS resp,
    (ARRAY['draft','awaiting-acceptance','accepted','replied','additional-info-requested','returned-after-arbitration','closed','closed','closed','closed'])[1 + (g * 31 + g / 13) % 10] AS status,
    (ARRAY['professional-qualifications','services','professional-qualifications'])[1 + g % 3] AS la,
    $2::timestamptz - make_interval(hours => (g * 37) % (24 * 700)) AS created
  FROM generate_series(1, ${ROWS}) g, auth
), shaped AS (
  SELECT r.*,
    upper(split_part(req, '-', 1)) AS req_ms, upper(split_part(resp, '-', 1)) AS resp_ms,
    CASE WHEN status = 'draft' THEN NULL ELSE created + interval '3 hours' END AS sent,
    created + make_interval(hours => 3 + (g * 11) % 900) AS updated,
    CASE WHEN g % 3 = 0 THEN NULL ELSE (created + make_interval(days => 14 + g % 60))::date END AS deadline
  FROM rows r
)
INSERT INTO imi_summaries (exchange_id, procedure, number, status, legislative_area, authorities, member_states,
  created_at, updated_at, sent_at, closed_at, deadline, requesting_authority, responding_authority, search_text, audience, summary)
SELECT 'x-' || lpad(g::text, 6, '0'), 'imi.request-for-information', 'REQ-' || lpad(g::text, 6, '0'), status, la,
  CASE WHEN status = 'draft' THEN ARRAY[req] ELSE ARRAY[req, resp] END,
  CASE WHEN status = 'draft' THEN ARRAY[req_ms] ELSE ARRAY[req_ms, resp_ms] END,
  created, updated, sent, CASE WHEN status = 'closed' THEN updated END, deadline,
  req, CASE WHEN status = 'draft' THEN NULL ELSE resp END,
  lower('REQ-' || lpad(g::text, 6, '0') || ' ' || (ARRAY['Médecin','Infirmier','Architecte','Pharmacien'])[1 + g % 4]),
  CASE WHEN status = 'draft' THEN ARRAY['p:' || req]
    ELSE ARRAY['p:' || req, 'p:' || resp, 's:' || req_ms, 's:' || resp_ms]
      || CASE g % 7 WHEN 0 THEN ARRAY['c:' || lower(req_ms) || '-nimic'] WHEN 1 THEN ARRAY['c:' || lower(resp_ms) || '-nimic'] ELSE ARRAY[]::text[] END END,
  jsonb_build_object('exchangeId', 'x-' || lpad(g::text, 6, '0'), 'procedure', 'imi.request-for-information', 'number', 'REQ-' || lpad(g::text, 6, '0'),
    'status', status, 'legislativeArea', la, 'createdAt', created, 'updatedAt', updated, 'searchText', '')
FROM shaped`

interface PlanNode {
  readonly 'Node Type': string
  readonly 'Relation Name'?: string
  readonly 'Index Name'?: string
  readonly Plans?: ReadonlyArray<PlanNode>
}

const nodes = (n: PlanNode): ReadonlyArray<PlanNode> => [n, ...(n.Plans ?? []).flatMap(nodes)]

const planOf = async (statement: { readonly text: string; readonly params: ReadonlyArray<unknown> }): Promise<ReadonlyArray<PlanNode>> => {
  if (client === undefined) throw new Error('PostgreSQL did not start')
  const { rows } = await client.query<{ 'QUERY PLAN': ReadonlyArray<{ readonly Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.params)
  const plan = rows[0]?.['QUERY PLAN'][0]?.Plan
  if (plan === undefined) throw new Error('No plan')
  return nodes(plan)
}

interface PlanNodeWithParent extends PlanNode {
  readonly 'Parent Relationship'?: string
}

// The scope's key lists are InitPlans (ARRAY(SELECT jsonb_array_elements_text(…))); they are shown as a count.
const describePlan = (ns: ReadonlyArray<PlanNodeWithParent>) => {
  const main = (n: PlanNodeWithParent): ReadonlyArray<PlanNodeWithParent> => [n, ...(n.Plans ?? []).filter((c: PlanNodeWithParent) => c['Parent Relationship'] !== 'InitPlan').flatMap(main)]
  const root = ns[0]
  const init = (root?.Plans ?? []).filter((c: PlanNodeWithParent) => c['Parent Relationship'] === 'InitPlan').length
  const path = root === undefined ? [] : main(root)
  return `${path.map((n) => [n['Node Type'], n['Index Name'] ?? n['Relation Name']].filter(Boolean).join(' ')).join(' > ')} (+ ${init} InitPlans)`
}

const directory = world()
const scopeOf = (userId: (typeof U)[keyof typeof U]): ListingScope => {
  const actor: Actor = { kind: 'user', userId, authorityId: directory.user(userId)?.authorityId ?? A.frCa }
  const viewer = viewerOf(directory, actor)
  const scope = viewer === undefined ? undefined : listingScope(viewer)
  if (scope === undefined) throw new Error(`${userId} lists nothing`)
  return scope
}

const VIEWERS = { handler: U.frHandler, 'allocator-only': U.frAllocator, LDA: U.frLda, 'coordinator referee': U.frNimicReferee } as const

beforeAll(async () => {
  db = await createTestDatabase()
  pool = new pg.Pool({ connectionString: db.url, max: 2 })
  client = createPostgresClient(pool)
  await migrate(client)
  await client.query(SEED, [Object.values(A), NOW.toISOString()])
  await client.query('ANALYZE imi_summaries')
}, 120_000)

afterAll(async () => {
  await pool?.end()
  await db?.drop()
})

describe(`search and dashboard on PostgreSQL at ${ROWS} exchanges`, () => {
  it('seeds a realistic spread', async () => {
    const { rows } = await (client as SqlClient).query<{ n: string; fr: string }>(`SELECT count(*) AS n, count(*) FILTER (WHERE 'p:${A.frCa}' = ANY(audience)) AS fr FROM imi_summaries`)
    expect(Number(rows[0]?.n)).toBe(ROWS)
    console.log(`[search-plan] ${rows[0]?.n} summaries, ${rows[0]?.fr} with ${A.frCa} taking part`)
    expect(Number(rows[0]?.fr)).toBeGreaterThan(200)
  })

  it('[SRCH-REQ-OWN-ALL] plans the first page of a participant search by last update, and the dashboard, on indexes', async () => {
    const scope = scopeOf(U.frHandler)
    const search: SearchQuery = { scope, sort: 'updated-desc', limit: 20 }
    const plans = { search: await planOf(searchStatement(search)), dashboard: await planOf(dashboardStatement(scope, NOW)) }
    for (const [name, plan] of Object.entries(plans)) {
      console.log(`[search-plan] ${name}: ${describePlan(plan)}`)
      expect(plan.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'imi_summaries'), name).toEqual([])
      expect(plan.some((n) => /Index/.test(n['Node Type']) && n['Index Name']?.startsWith('imi_summaries') === true), name).toBe(true)
    }
  })

  it('issues exactly one statement per search page and one per dashboard, whatever the viewer', async () => {
    let statements = 0
    const inner = client as SqlClient
    const counting: SqlClient = {
      query: (text, params) => {
        statements++
        return inner.query(text, params)
      },
      transaction: (fn) => inner.transaction(fn),
    }
    const storage = createSqlStorage(counting)
    for (const [role, user] of Object.entries(VIEWERS)) {
      const scope = scopeOf(user)
      let after: string | undefined
      let found = 0
      for (let page = 0; page < 3; page++) {
        statements = 0
        const result = await storage.projections.search({ scope, sort: 'updated-desc', limit: 50, ...(after === undefined ? {} : { after }) })
        expect(statements, `${role}, page ${page + 1}`).toBe(1)
        found += result.items.length
        after = result.next
        if (after === undefined) break
      }
      statements = 0
      const counts = await storage.projections.dashboard(scope, NOW)
      expect(statements, `${role}, dashboard`).toBe(1)
      console.log(`[search-plan] ${role}: ${found} found in up to 3 pages, dashboard ${JSON.stringify(counts)}`)
      expect(found, role).toBeGreaterThan(0)
    }
  })
})
