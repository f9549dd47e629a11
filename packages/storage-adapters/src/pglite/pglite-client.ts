/**
 * The {@link SqlClient} over PGlite, PostgreSQL compiled to WebAssembly and run in-process.
 *
 * @module
 */
import type { SqlClient } from '../sql/sql-client.js'
import { sqlClientInTransaction } from '../sql/sql-client.js'

/**
 * The part of a PGlite transaction the client uses.
 *
 * @category pglite
 */
export interface PgliteTransactionLike {
  /** Runs one statement with `$1`, `$2`, … parameters. */
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>
}

/**
 * The part of a PGlite instance the client uses.
 *
 * This interface is the subset of the PGlite instance the storage needs. We don't use the type from
 * `@electric-sql/pglite` here, so that the SQL storage does not depend on it.
 *
 * @category pglite
 */
export interface PgliteLike extends PgliteTransactionLike {
  /** Runs `fn` between `BEGIN` and `COMMIT`, or `ROLLBACK` when it rejects. */
  transaction<T>(fn: (tx: PgliteTransactionLike) => Promise<T>): Promise<T>
  /** Shuts the database down and flushes its data directory. */
  close(): Promise<void>
}

/**
 * Adapts a PGlite instance to {@link SqlClient}. PGlite runs one statement at a time and queues the
 * others, transactions included.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite'
 * import { createPgliteClient } from '@imi-kit/storage-adapters'
 * const db = await PGlite.create()
 * const client = createPgliteClient(db)
 * await client.query('select 1 as one') // { rows: [{ one: 1 }] }
 * await db.close()
 * ```
 * @category pglite
 */
export const createPgliteClient = (db: PgliteLike): SqlClient => ({
  query: (text, params = []) => db.query(text, [...params]),
  transaction: (fn) => db.transaction((tx) => fn(sqlClientInTransaction(tx))),
})
