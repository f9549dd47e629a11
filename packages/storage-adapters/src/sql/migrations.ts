/**
 * The schema of the SQL storage, as versioned migrations applied at start-up. The same migrations
 * run on PGlite and on a PostgreSQL server.
 *
 * @module
 */
import type { SqlClient } from './sql-client.js'

/**
 * One step of the schema. Once released, a migration never changes: a new step is a new version.
 *
 * @category sql
 */
export interface Migration {
  readonly version: number
  readonly name: string
  /** Statements run in order, one at a time, in the migration's transaction. */
  readonly statements: ReadonlyArray<string>
}

/**
 * The migrations of the SQL storage, in order.
 *
 * `imi_events.payload` holds the whole event envelope; `type`, `procedure` and `at` are copied out of
 * it for queries. `imi_streams` holds the version of each stream, the row that optimistic
 * concurrency locks. `imi_summaries.audience` flattens the summary's audience into tagged keys
 * (`p:` participant, `c:` coordinator, `o:` observer authorities, `s:` same-state member states,
 * `a:` alert participants, `x:commission` for what the Commission receives), so
 * that one GIN index finds the candidates of a listing scope.
 *
 * @category sql
 */
export const MIGRATIONS: ReadonlyArray<Migration> = [
  {
    version: 1,
    name: 'event store, summaries, timers and outbox',
    statements: [
      `CREATE TABLE imi_streams (
        stream_id text PRIMARY KEY,
        procedure text NOT NULL,
        version integer NOT NULL CHECK (version >= 0)
      )`,
      `CREATE TABLE imi_events (
        position bigserial PRIMARY KEY,
        stream_id text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        procedure text NOT NULL,
        type text NOT NULL,
        at timestamptz NOT NULL,
        payload jsonb NOT NULL,
        UNIQUE (stream_id, version)
      )`,
      `CREATE TABLE imi_summaries (
        exchange_id text PRIMARY KEY,
        procedure text NOT NULL,
        number text NOT NULL,
        status text NOT NULL,
        legislative_area text NOT NULL,
        authorities text[] NOT NULL,
        member_states text[] NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        sent_at timestamptz,
        closed_at timestamptz,
        deadline date,
        audience text[] NOT NULL,
        summary jsonb NOT NULL
      )`,
      'CREATE INDEX imi_summaries_procedure_status ON imi_summaries (procedure, status)',
      'CREATE INDEX imi_summaries_authorities ON imi_summaries USING gin (authorities)',
      'CREATE INDEX imi_summaries_member_states ON imi_summaries USING gin (member_states)',
      'CREATE INDEX imi_summaries_audience ON imi_summaries USING gin (audience)',
      'CREATE INDEX imi_summaries_updated_at ON imi_summaries (updated_at DESC, exchange_id)',
      'CREATE INDEX imi_summaries_number ON imi_summaries (number)',
      `CREATE TABLE imi_timers (
        exchange_id text NOT NULL,
        timer_id text NOT NULL,
        due_at timestamptz NOT NULL,
        command jsonb NOT NULL,
        rule_id text NOT NULL,
        claimed_until timestamptz,
        PRIMARY KEY (exchange_id, timer_id)
      )`,
      'CREATE INDEX imi_timers_due_at ON imi_timers (due_at)',
      `CREATE TABLE imi_outbox (
        id bigserial PRIMARY KEY,
        notification jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        claimed_until timestamptz,
        delivered_at timestamptz,
        attempts integer NOT NULL DEFAULT 0
      )`,
      'CREATE INDEX imi_outbox_pending ON imi_outbox (id) WHERE delivered_at IS NULL',
    ],
  },
  {
    version: 2,
    name: 'personal-data vault',
    statements: [
      // Each exchange's key, sealed under the operator's key-encryption key when one is configured.
      'CREATE TABLE imi_vault_keys (stream_id text PRIMARY KEY, key text NOT NULL)',
      // The personal data taken out of one event, sealed under its exchange's key.
      `CREATE TABLE imi_personal_data (
        stream_id text NOT NULL,
        version integer NOT NULL,
        sealed text NOT NULL,
        PRIMARY KEY (stream_id, version)
      )`,
      // Events that had personal data taken out hold references, to restore or to mark erased.
      'ALTER TABLE imi_events ADD COLUMN personal boolean NOT NULL DEFAULT false',
    ],
  },
  {
    version: 3,
    name: 'search and dashboard',
    statements: [
      `ALTER TABLE imi_summaries
        ADD COLUMN requesting_authority text,
        ADD COLUMN responding_authority text,
        ADD COLUMN search_text text NOT NULL DEFAULT ''`,
      // Summaries written before this version lack the new fields: the number is all they can be
      // searched by until a rebuild (see rebuildProjections) recomputes them.
      `UPDATE imi_summaries SET
        requesting_authority = summary->>'requestingAuthority',
        responding_authority = summary->>'respondingAuthority',
        search_text = lower(coalesce(summary->>'searchText', number)),
        summary = CASE WHEN summary ? 'searchText' THEN summary ELSE summary || jsonb_build_object('searchText', lower(number)) END`,
      // Keyset pages compare (sort key, exchange id) in byte order, the order of the core's reference;
      // pg_trgm is not used for text because PGlite loads it only when the host passes the extension.
      'DROP INDEX IF EXISTS imi_summaries_updated_at',
      'CREATE INDEX imi_summaries_updated_key ON imi_summaries (updated_at, exchange_id COLLATE "C")',
      'CREATE INDEX imi_summaries_created_key ON imi_summaries (created_at, exchange_id COLLATE "C")',
      `CREATE INDEX imi_summaries_deadline_key ON imi_summaries ((COALESCE(deadline, DATE '9999-12-31')), exchange_id COLLATE "C")`,
      'CREATE INDEX imi_summaries_number_key ON imi_summaries (number COLLATE "C", exchange_id COLLATE "C")',
      'CREATE INDEX imi_summaries_responding ON imi_summaries (responding_authority, status)',
    ],
  },
  {
    version: 4,
    name: 'outbox retries and dead letters, accounts and sessions',
    statements: [
      // A failed delivery is offered again from next_attempt_at; a message given up is a dead letter.
      `ALTER TABLE imi_outbox
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN last_error text,
        ADD COLUMN dead_at timestamptz`,
      // attempts counted claims before this version; it now counts failed deliveries, and none was recorded.
      'UPDATE imi_outbox SET attempts = 0 WHERE delivered_at IS NULL',
      // The messages a claim looks at: neither delivered nor given up, in id order.
      'DROP INDEX IF EXISTS imi_outbox_pending',
      'CREATE INDEX imi_outbox_due ON imi_outbox (id) WHERE delivered_at IS NULL AND dead_at IS NULL',
      'CREATE INDEX imi_outbox_dead ON imi_outbox (dead_at, id) WHERE dead_at IS NOT NULL AND delivered_at IS NULL',
      // Usernames are compared byte for byte: case-sensitive (LOGIN-USERNAME-UNIQUE).
      `CREATE TABLE imi_accounts (
        username text COLLATE "C" PRIMARY KEY,
        user_id text NOT NULL UNIQUE,
        version integer NOT NULL CHECK (version >= 1),
        data jsonb NOT NULL
      )`,
      `CREATE TABLE imi_sessions (
        id text PRIMARY KEY,
        user_id text NOT NULL,
        authority_id text NOT NULL,
        csrf text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      'CREATE INDEX imi_sessions_user_id ON imi_sessions (user_id)',
    ],
  },
  {
    version: 5,
    name: 'generated reports',
    statements: [
      // A report without personal data is kept as JSON; one with personal data only sealed under its
      // exchange's personal-data key (imi_vault_keys), so that erasing that key makes it unreadable too.
      `CREATE TABLE imi_reports (
        id text PRIMARY KEY,
        owner_id text NOT NULL,
        exchange_id text NOT NULL,
        number text NOT NULL,
        kind text NOT NULL,
        language text NOT NULL,
        title text NOT NULL,
        personal boolean NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        document jsonb,
        sealed text,
        CHECK (CASE WHEN personal THEN sealed IS NOT NULL AND document IS NULL ELSE document IS NOT NULL AND sealed IS NULL END)
      )`,
      'CREATE INDEX imi_reports_owner ON imi_reports (owner_id, expires_at)',
      'CREATE INDEX imi_reports_exchange ON imi_reports (exchange_id)',
      // The sweep of expired reports (SRCH-REPORT-EXPIRED-DELETED).
      'CREATE INDEX imi_reports_expires_at ON imi_reports (expires_at)',
    ],
  },
]

/**
 * The tables the migrations create, the migrations' own record aside.
 *
 * @category sql
 */
export const STORAGE_TABLES: ReadonlyArray<string> = [
  'imi_events',
  'imi_streams',
  'imi_summaries',
  'imi_timers',
  'imi_outbox',
  'imi_vault_keys',
  'imi_personal_data',
  'imi_accounts',
  'imi_sessions',
  'imi_reports',
]

// Any constant works, as long as no other code of the same database uses it as an advisory lock key.
const MIGRATION_LOCK = 0x696d_6901

/**
 * Applies the migrations not applied yet, in one transaction, and records them in `imi_migrations`.
 * Idempotent. Safe when several processes start at once: the first takes a transaction-level
 * advisory lock, the others wait for it and then find nothing left to do.
 *
 * @returns the versions applied by this call, empty when the schema was up to date
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'
 * import { createPgliteClient, migrate } from '@imi-kit/storage-adapters'
 * const db = await PGlite.create()
 * await migrate(createPgliteClient(db)) // [1, 2, 3, 4, 5]
 * await migrate(createPgliteClient(db)) // []
 * await db.close()
 * ```
 * @category sql
 */
export const migrate = (client: SqlClient, migrations: ReadonlyArray<Migration> = MIGRATIONS): Promise<ReadonlyArray<number>> =>
  client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK])
    await tx.query(`CREATE TABLE IF NOT EXISTS imi_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM imi_migrations')
    const done = new Set(rows.map((r) => Number(r.version)))
    const applied: number[] = []
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue
      for (const statement of m.statements) await tx.query(statement)
      await tx.query('INSERT INTO imi_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      applied.push(m.version)
    }
    return applied
  })
