/**
 * The {@link SqlClient} over a node-postgres (`pg`) pool.
 *
 * @module
 */
import type { SqlClient } from '../sql/sql-client.js'
import { sqlClientInTransaction } from '../sql/sql-client.js'

/**
 * The part of a `pg` pooled client the adapter uses.
 *
 * @category postgres
 */
export interface PgPoolClientLike {
  /** Runs one statement on this connection. */
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>
  /** Gives the connection back to the pool; with an error, the pool closes it instead. */
  release(err?: Error | boolean): void
}

/**
 * The part of a `pg` `Pool` the adapter uses.
 *
 * This interface is the subset of `pg.Pool` the storage needs. We don't use the type from `pg` here,
 * so that the SQL storage does not depend on it.
 *
 * @category postgres
 */
export interface PgPoolLike {
  /** Runs one statement on any idle connection, in a transaction of its own. */
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>
  /** Takes a connection out of the pool until it is released. */
  connect(): Promise<PgPoolClientLike>
  /** Closes every connection. */
  end(): Promise<void>
  /** Listens for the errors of idle connections (a `pg` pool is an event emitter). */
  on?(event: 'error', listener: (error: Error) => void): unknown
}

/**
 * Adapts a `pg` pool to {@link SqlClient}. Statements outside a transaction run on any pooled
 * connection; a transaction holds one connection of its own from `BEGIN` to `COMMIT` or `ROLLBACK`.
 *
 * @example
 * ```ts
 * import pg from 'pg'
 * import { createPostgresClient } from '@imi-kit/storage-adapters'
 * const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' })
 * const client = createPostgresClient(pool)
 * await client.transaction((tx) => tx.query('select 1 as one'))
 * await pool.end()
 * ```
 * @category postgres
 */
export const createPostgresClient = (pool: PgPoolLike): SqlClient => {
  // An idle connection that the server closes (a restart, an administrator, a dropped database) is
  // reported on the pool, which discards it; with no listener Node would end the whole process.
  pool.on?.('error', () => undefined)
  return {
    query: (text, params = []) => pool.query(text, [...params]),
    transaction: async (fn) => {
      const connection = await pool.connect()
      try {
        await connection.query('BEGIN')
        const result = await fn(sqlClientInTransaction(connection))
        await connection.query('COMMIT')
        connection.release()
        return result
      } catch (error) {
        try {
          await connection.query('ROLLBACK')
          connection.release()
        } catch (_rollbackFailed) {
          // A connection that cannot even roll back is broken: the pool must not hand it out again.
          connection.release(true)
        }
        throw error
      }
    },
  }
}
