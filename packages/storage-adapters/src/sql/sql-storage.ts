/**
 * The storage of the core on PostgreSQL, through any {@link SqlClient}: PGlite embedded, or a
 * PostgreSQL server through `pg`. The same SQL for both.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import { DASHBOARD_RECENT_DAYS, TO_ANSWER_STATUSES, decodeSearchCursor, encodeSearchCursor, invalidInput, restorePersonalData, searchKey } from '@imi-kit/core'
import type {
  AccountRecord,
  AccountStore,
  Changes,
  Clock,
  ConcurrencyConflict,
  DashboardCounts,
  DeadLetter,
  EventEnvelope,
  EventStore,
  ExchangeId,
  ExchangeSummary,
  ListingScope,
  Notification,
  OutboxMessage,
  ProcedureRegistry,
  ReportDocument,
  ReportKind,
  ReportListing,
  ReportStore,
  SearchPage,
  SearchQuery,
  SearchSort,
  SessionRecord,
  SessionStore,
  Storage,
  StoredEvent,
  SummaryQuery,
  Timer,
} from '@imi-kit/core'
import type { SummaryReplacement } from '../rebuild/rebuild-target.js'
import type { SqlClient } from './sql-client.js'
import type { Vault } from './vault.js'
import { createVault } from './vault.js'

// model

/**
 * The options of {@link createSqlStorage}.
 *
 * @category sql
 */
export interface SqlStorageOptions {
  /**
   * How long a claimed timer or outbox message stays claimed, in milliseconds. A worker that claims
   * one and neither completes nor delivers it within the lease (it crashed) lets another claim it.
   * Default 60,000.
   */
  readonly leaseMs?: number
  /** The clock of outbox leases, deliveries and dead letters. Default: the system clock. */
  readonly clock?: Clock
  /**
   * When given, every event read back is decoded with the event codec of its procedure; events of a
   * procedure not in the registry are checked for the envelope's shape only, as without a registry.
   */
  readonly procedures?: ProcedureRegistry
  /**
   * The 32-byte key that seals every exchange's personal-data key at rest. Keep it outside the
   * database. Without it, exchange keys are stored plain: erasure still shreds, but a copy of the
   * database taken before erasure can be read.
   */
  readonly keyEncryptionKey?: Uint8Array
}

/**
 * A stored event that cannot be read back: not an event envelope, not of its stream, or refused by
 * its procedure's codec. It names the row, so that an operator can find it.
 *
 * @category sql
 */
export class CorruptEventError extends Error {
  readonly _tag = 'CorruptEvent' as const
  readonly streamId: string
  /** The row's global position. */
  readonly position: number
  readonly version: number
  /** What is wrong with the row. */
  readonly reason: string

  constructor(row: { readonly streamId: string; readonly position: number; readonly version: number }, reason: string) {
    super(`The event at position ${row.position} (stream ${row.streamId}, version ${row.version}) is corrupt: ${reason}`)
    this.name = 'CorruptEventError'
    this.streamId = row.streamId
    this.position = row.position
    this.version = row.version
    this.reason = reason
  }
}

/**
 * The event store of the SQL storage. `read` and `readAll` reject with a {@link CorruptEventError}
 * when a row cannot be read back; `readChecked` and `readAllChecked` return it instead.
 *
 * @category sql
 */
export interface CheckedEventStore extends EventStore {
  /** The events of one stream, in order, or the first of them that cannot be read back. */
  readChecked(streamId: ExchangeId): Promise<E.Either<CorruptEventError, ReadonlyArray<StoredEvent>>>
  /** Events of every stream after a global position, in order, at most `limit`, or the first that cannot be read back. */
  readAllChecked(after: number, limit: number): Promise<E.Either<CorruptEventError, ReadonlyArray<StoredEvent>>>
}

/**
 * The core's `Storage` on PostgreSQL.
 *
 * @category sql
 */
export interface SqlStorage extends Storage, SummaryReplacement {
  readonly events: CheckedEventStore
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  readonly reports: ReportStore
}

// rows

interface EventRow {
  readonly position: number | string
  readonly stream_id: string
  readonly version: number
  readonly payload: unknown
  readonly personal: boolean
  readonly sealed: string | null
  readonly key: string | null
}

interface TimerRow {
  readonly exchange_id: string
  readonly timer_id: string
  readonly due_at: Date | string
  readonly command: Timer['command']
  readonly rule_id: string
}

interface OutboxRow {
  readonly id: number | string
  readonly notification: Notification
  readonly created_at: Date | string
  readonly attempts: number | string
  readonly last_error: string | null
}

interface DeadLetterRow extends OutboxRow {
  readonly dead_at: Date | string
}

interface AccountRow {
  readonly username: string
  readonly user_id: string
  readonly version: number | string
  readonly data: unknown
}

interface SessionRow {
  readonly id: string
  readonly user_id: string
  readonly authority_id: string
  readonly csrf: string
  readonly created_at: Date | string
  readonly last_seen_at: Date | string
  readonly expires_at: Date | string
}

interface ReportRow {
  readonly id: string
  readonly owner_id: string
  readonly exchange_id: string
  readonly number: string
  readonly kind: ReportKind
  readonly language: string
  readonly title: string
  readonly personal: boolean
  readonly created_at: Date | string
  readonly expires_at: Date | string
}

interface ReportContentRow extends ReportRow {
  readonly document: ReportDocument | null
  readonly sealed: string | null
  readonly key: string | null
}

const REPORT_COLUMNS = 'r.id, r.owner_id, r.exchange_id, r.number, r.kind, r.language, r.title, r.personal, r.created_at, r.expires_at'

const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString()

const outboxMessage = (r: OutboxRow): OutboxMessage => ({
  id: Number(r.id),
  notification: r.notification,
  createdAt: iso(r.created_at),
  attempts: Number(r.attempts),
  ...(r.last_error === null ? {} : { lastError: r.last_error }),
})

const reportListing = (r: ReportRow): ReportListing => ({
  id: r.id,
  ownerId: r.owner_id,
  exchangeId: r.exchange_id as ExchangeId,
  number: r.number,
  kind: r.kind,
  language: r.language,
  title: r.title,
  containsPersonalData: r.personal,
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
})

const accountRecord = (r: AccountRow): AccountRecord => ({ username: r.username, userId: r.user_id, version: Number(r.version), data: r.data })

const sessionRecord = (r: SessionRow): SessionRecord => ({
  id: r.id,
  userId: r.user_id,
  authorityId: r.authority_id,
  csrf: r.csrf,
  createdAt: iso(r.created_at),
  lastSeenAt: iso(r.last_seen_at),
  expiresAt: iso(r.expires_at),
})

/** A unique constraint refused the write (SQLSTATE 23505), on `pg` and on PGlite alike. */
const isUniqueViolation = (error: unknown): boolean => isRecord(error) && error.code === '23505'

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u)

const ENVELOPE_STRINGS = ['type', 'exchangeId', 'procedure', 'at', 'to'] as const

const envelopeProblem = (u: unknown, streamId: string): string | undefined => {
  if (!isRecord(u)) return `the payload is ${Array.isArray(u) ? 'an array' : u === null ? 'null' : `a ${typeof u}`}, not an event envelope`
  const missing: string[] = ENVELOPE_STRINGS.filter((k) => typeof u[k] !== 'string')
  if (typeof u.procedureVersion !== 'number') missing.push('procedureVersion')
  if (!isRecord(u.actor)) missing.push('actor')
  if (missing.length > 0) return `the envelope lacks ${missing.join(', ')}`
  if (u.from !== undefined && typeof u.from !== 'string') return 'the envelope has a `from` that is not a string'
  if (u.exchangeId !== streamId) return `the envelope belongs to exchange ${String(u.exchangeId)}, not to its stream`
  return undefined
}

const decodeRow =
  (procedures: ProcedureRegistry | undefined) =>
  (row: Pick<EventRow, 'position' | 'stream_id' | 'version' | 'payload'>): E.Either<CorruptEventError, StoredEvent> => {
    const at = { streamId: row.stream_id, position: Number(row.position), version: Number(row.version) }
    const problem = envelopeProblem(row.payload, row.stream_id)
    if (problem !== undefined) return E.left(new CorruptEventError(at, problem))
    const envelope = row.payload as EventEnvelope
    const codec = procedures?.get(envelope.procedure)?.events
    if (codec === undefined) return E.right({ streamId: row.stream_id as ExchangeId, version: at.version, position: at.position, event: envelope })
    const decoded = codec.decode(envelope)
    if (E.isLeft(decoded)) {
      const problems = (invalidInput('event', decoded.left).details?.problems ?? []) as ReadonlyArray<{ path: string; message: string }>
      return E.left(new CorruptEventError(at, `not a valid event of ${envelope.procedure}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`))
    }
    return E.right({ streamId: row.stream_id as ExchangeId, version: at.version, position: at.position, event: decoded.right as EventEnvelope })
  }

const decodeRows = (
  rows: ReadonlyArray<Pick<EventRow, 'position' | 'stream_id' | 'version' | 'payload'>>,
  decode: (row: Pick<EventRow, 'position' | 'stream_id' | 'version' | 'payload'>) => E.Either<CorruptEventError, StoredEvent>,
): E.Either<CorruptEventError, ReadonlyArray<StoredEvent>> => {
  const out: StoredEvent[] = []
  for (const row of rows) {
    const d = decode(row)
    if (E.isLeft(d)) return d
    out.push(d.right)
  }
  return E.right(out)
}

const orThrow = <A>(r: E.Either<CorruptEventError, A>): A => {
  if (E.isLeft(r)) throw r.left
  return r.right
}

// commit

/** Carries a conflict out of the transaction, which rolls it back. */
class Rollback {
  constructor(readonly conflict: ConcurrencyConflict) {}
}

// Positions come from a sequence, so two concurrent commits could make them visible out of order and
// a projection reading `readAll(after)` would skip the later-committed lower one. Appends take this
// lock just before they insert events and hold it to the commit, so positions become visible in order.
const APPEND_LOCK = 0x696d_6902

const actualVersion = async (tx: SqlClient, streamId: string): Promise<number> => {
  const { rows } = await tx.query<{ version: number }>('SELECT version FROM imi_streams WHERE stream_id = $1', [streamId])
  return Number(rows[0]?.version ?? 0)
}

const conflict = (streamId: ExchangeId, expectedVersion: number, actual: number): Rollback =>
  new Rollback({ _tag: 'ConcurrencyConflict', streamId, expectedVersion, actualVersion: actual })

/** Checks the version of an appended stream and moves it on, locking the stream's row until the commit. */
const claimAppend = async (tx: SqlClient, a: Changes['appends'][number]): Promise<void> => {
  const next = a.expectedVersion + a.events.length
  if (a.expectedVersion === 0 && a.events.length === 0) {
    const actual = await actualVersion(tx, a.streamId)
    if (actual !== 0) throw conflict(a.streamId, 0, actual)
    return
  }
  const { rows } =
    a.expectedVersion === 0
      ? await tx.query(
          'INSERT INTO imi_streams (stream_id, procedure, version) VALUES ($1, $2, $3) ON CONFLICT (stream_id) DO NOTHING RETURNING version',
          [a.streamId, a.procedure, next],
        )
      : await tx.query('UPDATE imi_streams SET version = $3 WHERE stream_id = $1 AND version = $2 RETURNING version', [a.streamId, a.expectedVersion, next])
  if (rows.length === 0) throw conflict(a.streamId, a.expectedVersion, await actualVersion(tx, a.streamId))
}

const claimErase = async (tx: SqlClient, e: Changes['erase'][number]): Promise<void> => {
  if (e.expectedVersion === 0) {
    const actual = await actualVersion(tx, e.streamId)
    if (actual !== 0) throw conflict(e.streamId, 0, actual)
    return
  }
  const { rows } = await tx.query('DELETE FROM imi_streams WHERE stream_id = $1 AND version = $2 RETURNING version', [e.streamId, e.expectedVersion])
  if (rows.length === 0) throw conflict(e.streamId, e.expectedVersion, await actualVersion(tx, e.streamId))
}

const byKey =
  <T>(key: (t: T) => string) =>
  (x: T, y: T): number =>
    key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0

/** Seals the personal data of appended events under their exchange's key, creating it on first use. */
const writePersonalData = async (tx: SqlClient, vault: Vault, a: Changes['appends'][number]): Promise<void> => {
  const entries = a.personal.map((p, i) => ({ personal: p, version: a.expectedVersion + i + 1 })).filter((x) => x.personal.length > 0)
  if (entries.length === 0) return
  const existing = await tx.query<{ key: string }>('SELECT key FROM imi_vault_keys WHERE stream_id = $1', [a.streamId])
  let key = existing.rows[0]?.key
  if (key === undefined) {
    key = await vault.newKey()
    await tx.query('INSERT INTO imi_vault_keys (stream_id, key) VALUES ($1, $2)', [a.streamId, key])
  }
  for (const x of entries) {
    await tx.query('INSERT INTO imi_personal_data (stream_id, version, sealed) VALUES ($1, $2, $3)', [a.streamId, x.version, await vault.seal(key, x.personal)])
    await tx.query('UPDATE imi_events SET personal = true WHERE stream_id = $1 AND version = $2', [a.streamId, x.version])
  }
}

/**
 * Crypto-shredding: the key and the sealed rows go; the events keep only references. Reports holding
 * the exchange's personal data were sealed under that key: they go too (RET-PD-REPORTS-AFTER-PURGE).
 */
const shredPersonalData = async (tx: SqlClient, streamId: string): Promise<void> => {
  await tx.query('DELETE FROM imi_vault_keys WHERE stream_id = $1', [streamId])
  await tx.query('DELETE FROM imi_personal_data WHERE stream_id = $1', [streamId])
  await tx.query('DELETE FROM imi_reports WHERE exchange_id = $1 AND personal', [streamId])
}

/**
 * Writes summaries, replacing those of the same exchanges, in the order given. Only the summary of a
 * stream that exists is kept: an erased draft's summary does not come back. The search text is
 * lower-cased here, by JavaScript, because PostgreSQL's `lower` depends on the database's locale.
 */
const upsertSummaries = async (tx: SqlClient, summaries: ReadonlyArray<ExchangeSummary>): Promise<void> => {
  await tx.query(
    `INSERT INTO imi_summaries (exchange_id, procedure, number, status, legislative_area, authorities, member_states,
       created_at, updated_at, sent_at, closed_at, deadline, requesting_authority, responding_authority, search_text, audience, summary)
     SELECT s->>'exchangeId', s->>'procedure', s->>'number', s->>'status', s->>'legislativeArea',
       ARRAY(SELECT jsonb_array_elements_text(s->'authorities')),
       ARRAY(SELECT jsonb_array_elements_text(s->'memberStates')),
       (s->>'createdAt')::timestamptz, (s->>'updatedAt')::timestamptz, (s->>'sentAt')::timestamptz,
       (s->>'closedAt')::timestamptz, (s->>'deadline')::date,
       s->>'requestingAuthority', s->>'respondingAuthority', input.x->>'t',
       ARRAY(SELECT 'p:' || jsonb_array_elements_text(s->'audience'->'participants')
         UNION ALL SELECT 'c:' || jsonb_array_elements_text(s->'audience'->'coordinators')
         UNION ALL SELECT 'o:' || jsonb_array_elements_text(s->'audience'->'observers')
         UNION ALL SELECT 's:' || jsonb_array_elements_text(s->'audience'->'sameStateHandlers')
         UNION ALL SELECT 'a:' || jsonb_array_elements_text(COALESCE(s->'audience'->'alertParticipants', '[]'::jsonb))
         UNION ALL SELECT 'x:commission' WHERE (s->'audience'->>'commission')::boolean IS TRUE),
       s
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS input(x, n)
     CROSS JOIN LATERAL (SELECT input.x->'s' AS s) AS v
     WHERE EXISTS (SELECT 1 FROM imi_streams WHERE stream_id = s->>'exchangeId')
     ORDER BY input.n
     ON CONFLICT (exchange_id) DO UPDATE SET
       procedure = excluded.procedure, number = excluded.number, status = excluded.status,
       legislative_area = excluded.legislative_area, authorities = excluded.authorities,
       member_states = excluded.member_states, created_at = excluded.created_at, updated_at = excluded.updated_at,
       sent_at = excluded.sent_at, closed_at = excluded.closed_at, deadline = excluded.deadline,
       requesting_authority = excluded.requesting_authority, responding_authority = excluded.responding_authority,
       search_text = excluded.search_text, audience = excluded.audience, summary = excluded.summary`,
    [JSON.stringify(summaries.map((s) => ({ s, t: (s.searchText ?? s.number).toLowerCase() })))],
  )
}

const writeChanges = async (tx: SqlClient, changes: Changes, vault: Vault): Promise<void> => {
  // Rows are locked in one order whatever the commit (streams, then the append lock, then timers and
  // summaries by exchange), so that two commits cannot deadlock.
  const claims = [
    ...changes.appends.map((a) => ({ streamId: a.streamId, run: () => claimAppend(tx, a) })),
    ...changes.erase.map((e) => ({ streamId: e.streamId, run: () => claimErase(tx, e) })),
  ].sort(byKey((c) => c.streamId))
  for (const c of claims) await c.run()

  const appends = changes.appends.filter((a) => a.events.length > 0)
  if (appends.length > 0) await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [APPEND_LOCK])
  for (const a of appends)
    await tx.query(
      `INSERT INTO imi_events (stream_id, version, procedure, type, at, payload)
       SELECT $1, $2::integer + e.n::integer, $3, e.event->>'type', (e.event->>'at')::timestamptz, e.event
       FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS e(event, n)
       ORDER BY e.n`,
      [a.streamId, a.expectedVersion, a.procedure, JSON.stringify(a.events)],
    )
  for (const a of appends) await writePersonalData(tx, vault, a)
  for (const id of changes.erasePersonalData) await shredPersonalData(tx, id)

  for (const e of changes.erase) {
    // A deleted draft leaves no trace: its events, summary and timers go (REQ-DRAFT-DELETE).
    await tx.query('DELETE FROM imi_events WHERE stream_id = $1', [e.streamId])
    await shredPersonalData(tx, e.streamId)
    await tx.query('DELETE FROM imi_summaries WHERE exchange_id = $1', [e.streamId])
    await tx.query('DELETE FROM imi_timers WHERE exchange_id = $1', [e.streamId])
    await tx.query('DELETE FROM imi_reports WHERE exchange_id = $1', [e.streamId])
  }

  for (const { exchangeId, timers } of [...changes.timers].sort(byKey((t) => t.exchangeId))) {
    await tx.query('DELETE FROM imi_timers WHERE exchange_id = $1 AND timer_id NOT IN (SELECT jsonb_array_elements_text($2::jsonb))', [
      exchangeId,
      JSON.stringify(timers.map((t) => t.id)),
    ])
    if (timers.length === 0) continue
    // A timer that keeps its due instant keeps its claim; a moved one may fire again.
    await tx.query(
      `INSERT INTO imi_timers (exchange_id, timer_id, due_at, command, rule_id)
       SELECT $1, t.id, t.due_at, t.command, t.rule_id
       FROM jsonb_to_recordset($2::jsonb) AS t(id text, due_at timestamptz, command jsonb, rule_id text)
       ON CONFLICT (exchange_id, timer_id) DO UPDATE SET
         due_at = excluded.due_at,
         command = excluded.command,
         rule_id = excluded.rule_id,
         claimed_until = CASE WHEN imi_timers.due_at = excluded.due_at THEN imi_timers.claimed_until END`,
      [exchangeId, JSON.stringify(timers.map((t) => ({ id: t.id, due_at: t.dueAt, command: t.command, rule_id: t.ruleId })))],
    )
  }

  // One statement per summary: a commit may carry two summaries of one exchange, which one INSERT cannot upsert.
  for (const s of [...changes.summaries].sort(byKey((x) => x.exchangeId))) await upsertSummaries(tx, [s])

  if (changes.notifications.length > 0)
    await tx.query(
      `INSERT INTO imi_outbox (notification, created_at)
       SELECT n.notification, $2::timestamptz
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS n(notification, i)
       ORDER BY n.i`,
      [JSON.stringify(changes.notifications), changes.at],
    )
}

// queries

const areas = (xs: ReadonlyArray<string>, param: (value: unknown) => string) => `ARRAY(SELECT jsonb_array_elements_text(${param(JSON.stringify(xs))}::jsonb))`

/**
 * `isListedFor` of the core as a condition on `imi_summaries`: the overlap with the scope's own keys
 * picks the candidates through the GIN index, the CASE then follows the predicate branch by branch.
 */
const listedFor = (scope: ListingScope, param: (value: unknown) => string): string => {
  const me = scope.authorityId
  const inAreas = (xs: ReadonlyArray<string>) => (xs.includes('*') ? 'true' : `legislative_area = ANY(${areas(xs, param)})`)
  const granted = (xs: ReadonlyArray<string>) => `legislative_area = ANY(${areas(xs.filter((a) => a !== '*'), param)})`
  const has = (key: string) => `${param(key)} = ANY(audience)`
  if (scope.commission === true) return `('x:commission' = ANY(audience))`
  const keys = JSON.stringify([`p:${me}`, `c:${me}`, `o:${me}`, `s:${scope.memberState}`, `a:${me}`])
  return `(audience && ARRAY(SELECT jsonb_array_elements_text(${param(keys)}::jsonb)) AND CASE
    WHEN ${has(`a:${me}`)} THEN ${scope.alertReader === true ? 'true' : 'false'}
    WHEN ${has(`p:${me}`)} THEN ${inAreas(scope.participantAreas)} AND (${granted(scope.participantAreas)} OR NOT ${granted(scope.coordinatorAreas)})
    WHEN ${has(`c:${me}`)} AND ${inAreas(scope.coordinatorAreas)} THEN true
    WHEN ${has(`o:${me}`)} AND ${inAreas(scope.observerAreas)} AND (${granted(scope.observerAreas)} OR NOT ${granted(scope.coordinatorAreas)}) THEN true
    ELSE ${has(`s:${scope.memberState}`)} AND ${inAreas(scope.sameStateAreas)}
  END)`
}

interface SortSql {
  /** The sort key as an SQL expression, matching an index of migration 3. */
  readonly key: string
  /** The cast of a cursor's key to the key's type. */
  readonly cast: string
  readonly descending: boolean
}

const SORTS: Readonly<Record<SearchSort, SortSql>> = {
  'updated-desc': { key: 'updated_at', cast: 'timestamptz', descending: true },
  'created-desc': { key: 'created_at', cast: 'timestamptz', descending: true },
  'deadline-asc': { key: `COALESCE(deadline, DATE '9999-12-31')`, cast: 'date', descending: false },
  'number-asc': { key: 'number COLLATE "C"', cast: 'text', descending: false },
}

const MAX_SEARCH_LIMIT = 200
const DAY_MS = 24 * 60 * 60 * 1000

/** The WHERE and ORDER BY of one page of a search: `searchSummaries` of the core, in SQL. */
const searchSql = (q: SearchQuery, param: (value: unknown) => string): string => {
  const list = (xs: ReadonlyArray<string>) => `ARRAY(SELECT jsonb_array_elements_text(${param(JSON.stringify(xs))}::jsonb))`
  const where = [listedFor(q.scope, param)]
  if (q.procedure !== undefined) where.push(`procedure = ${param(q.procedure)}`)
  if (q.statuses !== undefined) where.push(`status = ANY(${list(q.statuses)})`)
  if (q.sentFrom !== undefined) where.push(`sent_at >= ${param(q.sentFrom)}::timestamptz`)
  if (q.sentTo !== undefined) where.push(`sent_at < ${param(q.sentTo)}::timestamptz`)
  if (q.updatedFrom !== undefined) where.push(`updated_at >= ${param(q.updatedFrom)}::timestamptz`)
  if (q.updatedTo !== undefined) where.push(`updated_at < ${param(q.updatedTo)}::timestamptz`)
  if (q.memberStates !== undefined) where.push(`member_states && ${list(q.memberStates)}`)
  if (q.authorities !== undefined) where.push(`authorities && ${list(q.authorities)}`)
  if (q.text !== undefined) where.push(`strpos(search_text, ${param(q.text.toLowerCase())}) > 0`)
  if (q.overdueAt !== undefined) where.push(`deadline < ${param(q.overdueAt)}::date AND closed_at IS NULL AND status <> 'draft'`)
  const sort = SORTS[q.sort]
  if (q.after !== undefined) {
    const after = decodeSearchCursor(q.after)
    where.push(`(${sort.key}, exchange_id COLLATE "C") ${sort.descending ? '<' : '>'} (${param(after.key)}::${sort.cast}, ${param(after.exchangeId)})`)
  }
  const direction = sort.descending ? 'DESC' : 'ASC'
  return `WHERE ${where.join('\n    AND ')}\n  ORDER BY ${sort.key} ${direction}, exchange_id COLLATE "C" ${direction}`
}

/**
 * The one statement of a search page, with its parameters; it fetches one row more than the limit,
 * to know whether a next page exists. Exported for the EXPLAIN test.
 *
 * @internal
 */
export const searchStatement = (q: SearchQuery): { readonly text: string; readonly params: ReadonlyArray<unknown> } => {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_SEARCH_LIMIT) throw new RangeError(`The limit of a search is 1 to ${MAX_SEARCH_LIMIT}`)
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const body = searchSql(q, param)
  return { text: `SELECT summary FROM imi_summaries\n  ${body}\n  LIMIT ${param(q.limit + 1)}`, params }
}

/**
 * The one statement of a dashboard, with its parameters: `dashboardOf` of the core, in SQL.
 * Exported for the EXPLAIN test.
 *
 * @internal
 */
export const dashboardStatement = (scope: ListingScope, now: Date): { readonly text: string; readonly params: ReadonlyArray<unknown> } => {
  const params: unknown[] = []
  const param = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }
  const me = param(scope.authorityId)
  const since = `${param(new Date(now.getTime() - DASHBOARD_RECENT_DAYS * DAY_MS).toISOString())}::timestamptz`
  const toAnswer = `ARRAY(SELECT jsonb_array_elements_text(${param(JSON.stringify(TO_ANSWER_STATUSES))}::jsonb))`
  const text = `SELECT
    count(*) FILTER (WHERE status = 'draft' AND requesting_authority = ${me}) AS drafts,
    count(*) FILTER (WHERE responding_authority = ${me} AND sent_at >= ${since}) AS received_recently,
    count(*) FILTER (WHERE updated_at >= ${since}) AS updated_recently,
    count(*) FILTER (WHERE responding_authority = ${me} AND status = 'awaiting-acceptance') AS to_accept,
    count(*) FILTER (WHERE responding_authority = ${me} AND status = ANY(${toAnswer})) AS to_answer
  FROM imi_summaries
  WHERE ${listedFor(scope, param)}`
  return { text, params }
}

interface DashboardRow {
  readonly drafts: number | string
  readonly received_recently: number | string
  readonly updated_recently: number | string
  readonly to_accept: number | string
  readonly to_answer: number | string
}

// Keeps each statement's parameter list far below PostgreSQL's limits on one JSON value.
const REPLACE_BATCH = 500

// constructors

const systemClock: Clock = { now: () => new Date() }

/**
 * Creates the core's `Storage` over a PostgreSQL connection whose schema is migrated (see
 * {@link migrate}). A commit is one transaction: the expected version of every stream is checked
 * first, under a row lock, and a stale one rolls everything back and returns a
 * `ConcurrencyConflict`, never an exception. Timers and outbox messages are claimed with
 * `FOR UPDATE SKIP LOCKED`, so that any number of workers share them.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'
 * import { createPgliteClient, createSqlStorage, migrate } from '@imi-kit/storage-adapters'
 * const db = await PGlite.create()
 * const client = createPgliteClient(db)
 * await migrate(client)
 * const storage = createSqlStorage(client, { leaseMs: 30_000 })
 * await storage.events.readAll(0, 100) // []
 * await db.close()
 * ```
 * @category sql
 */
export const createSqlStorage = (client: SqlClient, options: SqlStorageOptions = {}): SqlStorage => {
  const leaseMs = options.leaseMs ?? 60_000
  const clock = options.clock ?? systemClock
  const decode = decodeRow(options.procedures)
  const leaseFrom = (now: Date) => new Date(now.getTime() + leaseMs).toISOString()

  const vault = createVault(options.keyEncryptionKey)
  const SELECT_EVENTS = `SELECT e.position, e.stream_id, e.version, e.payload, e.personal, p.sealed, k.key
    FROM imi_events e
    LEFT JOIN imi_personal_data p ON p.stream_id = e.stream_id AND p.version = e.version
    LEFT JOIN imi_vault_keys k ON k.stream_id = e.stream_id`

  /** Puts the vaulted personal data back into the event, or marks it erased when its key is gone. */
  const restore = async (row: EventRow): Promise<E.Either<CorruptEventError, EventRow>> => {
    if (!row.personal) return E.right(row)
    if (row.sealed === null || row.key === null) return E.right({ ...row, payload: restorePersonalData(row.payload, undefined) })
    try {
      return E.right({ ...row, payload: restorePersonalData(row.payload, await vault.open(row.key, row.sealed)) })
    } catch (_error) {
      const at = { streamId: row.stream_id, position: Number(row.position), version: Number(row.version) }
      return E.left(new CorruptEventError(at, 'its personal data cannot be opened: wrong or missing key-encryption key'))
    }
  }
  const readRows = async (rows: ReadonlyArray<EventRow>) => {
    const restored: EventRow[] = []
    for (const row of rows) {
      const r = await restore(row)
      if (E.isLeft(r)) return r
      restored.push(r.right)
    }
    return decodeRows(restored, decode)
  }

  const readChecked: CheckedEventStore['readChecked'] = async (streamId) => {
    const { rows } = await client.query<EventRow>(`${SELECT_EVENTS} WHERE e.stream_id = $1 ORDER BY e.version`, [streamId])
    return readRows(rows)
  }
  const readAllChecked: CheckedEventStore['readAllChecked'] = async (after, limit) => {
    const { rows } = await client.query<EventRow>(`${SELECT_EVENTS} WHERE e.position > $1 ORDER BY e.position LIMIT $2`, [after, limit])
    return readRows(rows)
  }

  const commit = async (changes: Changes): Promise<E.Either<ConcurrencyConflict, void>> => {
    try {
      await client.transaction((tx) => writeChanges(tx, changes, vault))
      return E.right(undefined)
    } catch (error) {
      if (error instanceof Rollback) return E.left(error.conflict)
      throw error
    }
  }

  const find = async (q: SummaryQuery): Promise<ReadonlyArray<ExchangeSummary>> => {
    const where: string[] = []
    const params: unknown[] = []
    const param = (value: unknown) => {
      params.push(value)
      return `$${params.length}`
    }
    if (q.procedure !== undefined) where.push(`procedure = ${param(q.procedure)}`)
    if (q.statuses !== undefined) where.push(`status IN (SELECT jsonb_array_elements_text(${param(JSON.stringify(q.statuses))}::jsonb))`)
    if (q.authorities !== undefined) where.push(`authorities && ARRAY(SELECT jsonb_array_elements_text(${param(JSON.stringify(q.authorities))}::jsonb))`)
    if (q.scope !== undefined) where.push(listedFor(q.scope, param))
    const limit = q.limit === undefined ? '' : ` LIMIT ${param(q.limit)}`
    const { rows } = await client.query<{ summary: ExchangeSummary }>(
      `SELECT summary FROM imi_summaries${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, exchange_id${limit}`,
      params,
    )
    return rows.map((r) => r.summary)
  }

  const reports: ReportStore = {
    save: (report) =>
      client.transaction(async (tx) => {
        // Shares the stream's row lock with commits, so that a commit creating the exchange's key and
        // this report creating it cannot collide; an exchange that no longer exists takes no report.
        const stream = await tx.query('SELECT stream_id FROM imi_streams WHERE stream_id = $1 FOR SHARE', [report.exchangeId])
        if (stream.rows.length === 0) return false
        let sealed: string | null = null
        if (report.containsPersonalData) {
          // Personal data written once and its key gone: it was erased meanwhile, and the report may not outlive it.
          const shredded = await tx.query(
            'SELECT 1 FROM imi_events e WHERE e.stream_id = $1 AND e.personal AND NOT EXISTS (SELECT 1 FROM imi_vault_keys k WHERE k.stream_id = e.stream_id) LIMIT 1',
            [report.exchangeId],
          )
          if (shredded.rows.length > 0) return false
          await tx.query('INSERT INTO imi_vault_keys (stream_id, key) VALUES ($1, $2) ON CONFLICT (stream_id) DO NOTHING', [report.exchangeId, await vault.newKey()])
          const { rows } = await tx.query<{ key: string }>('SELECT key FROM imi_vault_keys WHERE stream_id = $1', [report.exchangeId])
          const key = rows[0]?.key
          if (key === undefined) return false
          sealed = await vault.seal(key, [report.document])
        }
        await tx.query(
          `INSERT INTO imi_reports (id, owner_id, exchange_id, number, kind, language, title, personal, created_at, expires_at, document, sealed)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, $11::jsonb, $12)`,
          [
            report.id,
            report.ownerId,
            report.exchangeId,
            report.number,
            report.kind,
            report.language,
            report.title,
            report.containsPersonalData,
            report.createdAt,
            report.expiresAt,
            sealed === null ? JSON.stringify(report.document) : null,
            sealed,
          ],
        )
        return true
      }),
    get: async (id, now) => {
      const { rows } = await client.query<ReportContentRow>(
        `SELECT ${REPORT_COLUMNS}, r.document, r.sealed, k.key FROM imi_reports r LEFT JOIN imi_vault_keys k ON k.stream_id = r.exchange_id
         WHERE r.id = $1 AND r.expires_at > $2::timestamptz`,
        [id, now.toISOString()],
      )
      const r = rows[0]
      if (r === undefined) return undefined
      if (!r.personal) return r.document === null ? undefined : { ...reportListing(r), document: r.document }
      // Its exchange's key erased, the report cannot be opened any more.
      if (r.sealed === null || r.key === null) return undefined
      const [document] = await vault.open(r.key, r.sealed)
      return { ...reportListing(r), document: document as ReportDocument }
    },
    listFor: async (ownerId, now) => {
      const { rows } = await client.query<ReportRow>(
        `SELECT ${REPORT_COLUMNS} FROM imi_reports r
         WHERE r.owner_id = $1 AND r.expires_at > $2::timestamptz
           AND (NOT r.personal OR EXISTS (SELECT 1 FROM imi_vault_keys k WHERE k.stream_id = r.exchange_id))
         ORDER BY r.created_at DESC, r.id COLLATE "C"`,
        [ownerId, now.toISOString()],
      )
      return rows.map(reportListing)
    },
    delete: async (id) => (await client.query('DELETE FROM imi_reports WHERE id = $1 RETURNING id', [id])).rows.length > 0,
    deleteForExchange: async (exchangeId, options = {}) => {
      const { rows } = await client.query<{ n: number | string }>(
        'WITH d AS (DELETE FROM imi_reports WHERE exchange_id = $1 AND (personal OR NOT $2::boolean) RETURNING 1) SELECT count(*) AS n FROM d',
        [exchangeId, options.personalDataOnly === true],
      )
      return Number(rows[0]?.n ?? 0)
    },
    deleteExpired: async (now) => {
      const { rows } = await client.query<{ n: number | string }>(
        'WITH d AS (DELETE FROM imi_reports WHERE expires_at <= $1::timestamptz RETURNING 1) SELECT count(*) AS n FROM d',
        [now.toISOString()],
      )
      return Number(rows[0]?.n ?? 0)
    },
  }

  return {
    reports,
    events: {
      read: async (streamId) => orThrow(await readChecked(streamId)),
      readAll: async (after, limit) => orThrow(await readAllChecked(after, limit)),
      readChecked,
      readAllChecked,
    },
    projections: {
      summary: async (id) => {
        const { rows } = await client.query<{ summary: ExchangeSummary }>('SELECT summary FROM imi_summaries WHERE exchange_id = $1', [id])
        return rows[0]?.summary
      },
      find,
      search: async (q): Promise<SearchPage> => {
        const { text, params } = searchStatement(q)
        const { rows } = await client.query<{ summary: ExchangeSummary }>(text, params)
        const items = rows.slice(0, q.limit).map((r) => r.summary)
        const last = items.at(-1)
        return rows.length > q.limit && last !== undefined ? { items, next: encodeSearchCursor(searchKey(last, q.sort)) } : { items }
      },
      dashboard: async (scope, now): Promise<DashboardCounts> => {
        const { text, params } = dashboardStatement(scope, now)
        const { rows } = await client.query<DashboardRow>(text, params)
        const r = rows[0]
        return {
          drafts: Number(r?.drafts ?? 0),
          receivedRecently: Number(r?.received_recently ?? 0),
          updatedRecently: Number(r?.updated_recently ?? 0),
          toAccept: Number(r?.to_accept ?? 0),
          toAnswer: Number(r?.to_answer ?? 0),
        }
      },
    },
    replaceSummaries: (summaries) =>
      client.transaction(async (tx) => {
        await tx.query('DELETE FROM imi_summaries')
        for (let i = 0; i < summaries.length; i += REPLACE_BATCH) await upsertSummaries(tx, summaries.slice(i, i + REPLACE_BATCH))
      }),
    timers: {
      claimDue: async (now, limit) => {
        const at = now.toISOString()
        const { rows } = await client.query<TimerRow>(
          `WITH due AS (
             SELECT exchange_id, timer_id FROM imi_timers
             WHERE due_at <= $1::timestamptz AND (claimed_until IS NULL OR claimed_until <= $1::timestamptz)
             ORDER BY due_at, exchange_id, timer_id
             LIMIT $2
             FOR UPDATE SKIP LOCKED)
           UPDATE imi_timers AS t SET claimed_until = $3::timestamptz
           FROM due WHERE t.exchange_id = due.exchange_id AND t.timer_id = due.timer_id
           RETURNING t.exchange_id, t.timer_id, t.due_at, t.command, t.rule_id`,
          [at, limit, leaseFrom(now)],
        )
        return rows
          .map((r): Timer => ({ id: r.timer_id, exchangeId: r.exchange_id as ExchangeId, dueAt: iso(r.due_at), command: r.command, ruleId: r.rule_id }))
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.exchangeId.localeCompare(b.exchangeId) || a.id.localeCompare(b.id))
      },
      complete: async (exchangeId, timerId) => {
        await client.query('DELETE FROM imi_timers WHERE exchange_id = $1 AND timer_id = $2', [exchangeId, timerId])
      },
    },
    outbox: {
      claimPending: async (limit) => {
        const now = clock.now()
        // Neither delivered nor given up, due (new, or its retry instant passed) and not under another's lease.
        const { rows } = await client.query<OutboxRow>(
          `WITH pending AS (
             SELECT id FROM imi_outbox
             WHERE delivered_at IS NULL AND dead_at IS NULL
               AND (next_attempt_at IS NULL OR next_attempt_at <= $1::timestamptz)
               AND (claimed_until IS NULL OR claimed_until <= $1::timestamptz)
             ORDER BY id
             LIMIT $2
             FOR UPDATE SKIP LOCKED)
           UPDATE imi_outbox AS o SET claimed_until = $3::timestamptz
           FROM pending WHERE o.id = pending.id
           RETURNING o.id, o.notification, o.created_at, o.attempts, o.last_error`,
          [now.toISOString(), limit, leaseFrom(now)],
        )
        return rows.map(outboxMessage).sort((a, b) => a.id - b.id)
      },
      markDelivered: async (id) => {
        await client.query('UPDATE imi_outbox SET delivered_at = $2::timestamptz, claimed_until = NULL WHERE id = $1', [id, clock.now().toISOString()])
      },
      markFailed: async (id, failure) => {
        // Without a retry instant the message is given up: a dead letter, never claimed until requeued.
        await client.query(
          `UPDATE imi_outbox SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
             next_attempt_at = $3::timestamptz,
             dead_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz END
           WHERE id = $1 AND delivered_at IS NULL AND dead_at IS NULL`,
          [id, failure.error, failure.retryAt ?? null, clock.now().toISOString()],
        )
      },
      deadLetters: async (limit) => {
        const { rows } = await client.query<DeadLetterRow>(
          `SELECT id, notification, created_at, attempts, last_error, dead_at FROM imi_outbox
           WHERE dead_at IS NOT NULL AND delivered_at IS NULL
           ORDER BY dead_at, id
           LIMIT $1`,
          [limit],
        )
        return rows.map((r): DeadLetter => ({ ...outboxMessage(r), attempts: Number(r.attempts), lastError: r.last_error ?? '', failedAt: iso(r.dead_at) }))
      },
      requeue: async (id) => {
        // Its attempts and last error are kept; it is due at once.
        await client.query(
          'UPDATE imi_outbox SET dead_at = NULL, next_attempt_at = NULL, claimed_until = NULL WHERE id = $1 AND dead_at IS NOT NULL AND delivered_at IS NULL',
          [id],
        )
      },
    },
    accounts: {
      byUsername: async (username) => {
        const { rows } = await client.query<AccountRow>('SELECT username, user_id, version, data FROM imi_accounts WHERE username = $1', [username])
        return rows[0] === undefined ? undefined : accountRecord(rows[0])
      },
      byUser: async (userId) => {
        const { rows } = await client.query<AccountRow>('SELECT username, user_id, version, data FROM imi_accounts WHERE user_id = $1', [userId])
        return rows[0] === undefined ? undefined : accountRecord(rows[0])
      },
      save: async (record, expectedVersion) => {
        const data = JSON.stringify(record.data ?? null)
        try {
          // A creation that meets an existing username or user inserts nothing; a replacement only
          // matches the expected version. A user taken meanwhile by another account is refused by its
          // unique constraint.
          const { rows } =
            expectedVersion === 0
              ? await client.query<{ username: string }>(
                  'INSERT INTO imi_accounts (username, user_id, version, data) VALUES ($1, $2, 1, $3::jsonb) ON CONFLICT DO NOTHING RETURNING username',
                  [record.username, record.userId, data],
                )
              : await client.query<{ username: string }>(
                  'UPDATE imi_accounts SET user_id = $2, data = $3::jsonb, version = version + 1 WHERE username = $1 AND version = $4 RETURNING username',
                  [record.username, record.userId, data, expectedVersion],
                )
          return rows.length === 1
        } catch (error) {
          if (isUniqueViolation(error)) return false
          throw error
        }
      },
    },
    sessions: {
      create: async (session) => {
        await client.query(
          `INSERT INTO imi_sessions (id, user_id, authority_id, csrf, created_at, last_seen_at, expires_at)
           VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7::timestamptz)`,
          [session.id, session.userId, session.authorityId, session.csrf, session.createdAt, session.lastSeenAt, session.expiresAt],
        )
      },
      get: async (id) => {
        const { rows } = await client.query<SessionRow>(
          'SELECT id, user_id, authority_id, csrf, created_at, last_seen_at, expires_at FROM imi_sessions WHERE id = $1',
          [id],
        )
        return rows[0] === undefined ? undefined : sessionRecord(rows[0])
      },
      touch: async (id, lastSeenAt, expiresAt) => {
        await client.query('UPDATE imi_sessions SET last_seen_at = $2::timestamptz, expires_at = $3::timestamptz WHERE id = $1', [id, lastSeenAt, expiresAt])
      },
      delete: async (id) => {
        await client.query('DELETE FROM imi_sessions WHERE id = $1', [id])
      },
      deleteForUser: async (userId) => {
        await client.query('DELETE FROM imi_sessions WHERE user_id = $1', [userId])
      },
    },
    commit,
  }
}
