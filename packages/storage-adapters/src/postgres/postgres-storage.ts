/**
 * Production: the SQL storage on a PostgreSQL server through node-postgres.
 *
 * @module
 */
import { migrate } from '../sql/migrations.js'
import type { SqlStorageHandle } from '../sql/sql-storage-handle.js'
import type { SqlStorageOptions } from '../sql/sql-storage.js'
import { createSqlStorage } from '../sql/sql-storage.js'
import type { PgPoolLike } from './postgres-client.js'
import { createPostgresClient } from './postgres-client.js'

/**
 * The options of {@link createPostgresStorage}: a connection string, or a `pg` pool that the caller
 * configured and keeps owning.
 *
 * @category postgres
 */
export type PostgresStorageOptions = SqlStorageOptions &
  ({ readonly connectionString: string; readonly pool?: undefined } | { readonly pool: PgPoolLike; readonly connectionString?: undefined })

/**
 * Connects to PostgreSQL, applies the migrations (several processes may start at once) and returns
 * the storage. `close()` ends the pool when it was made from a connection string; a pool passed in is
 * left to its owner.
 *
 * @example
 * ```ts
 * import { createPostgresStorage } from '@imi-kit/storage-adapters'
 * const { storage, close } = await createPostgresStorage({ connectionString: 'postgres://postgres@127.0.0.1:5432/imi' })
 * await storage.events.readAll(0, 100)
 * await close()
 * ```
 * @category postgres
 */
export const createPostgresStorage = async (options: PostgresStorageOptions): Promise<SqlStorageHandle> => {
  let pool: PgPoolLike
  let owned = false
  if (options.pool !== undefined) pool = options.pool
  else {
    // Loaded on demand, so that importing this package (for the memory storage, say) does not load pg.
    const { default: pg } = await import('pg')
    const created = new pg.Pool({ connectionString: options.connectionString })
    // An idle connection that the server drops emits an error on the pool; without a listener Node
    // would exit. The pool discards that connection and opens another on demand.
    created.on('error', () => undefined)
    pool = created
    owned = true
  }
  const client = createPostgresClient(pool)
  const close = async () => {
    if (owned) await pool.end()
  }
  try {
    await migrate(client)
  } catch (error) {
    await close()
    throw error
  }
  return { storage: createSqlStorage(client, options), client, close }
}
