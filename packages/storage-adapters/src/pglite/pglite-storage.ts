/**
 * The embedded default: the SQL storage on PGlite, in-process, file-backed or in memory.
 *
 * @module
 */
import { migrate } from '../sql/migrations.js'
import type { SqlStorageHandle } from '../sql/sql-storage-handle.js'
import type { SqlStorageOptions } from '../sql/sql-storage.js'
import { createSqlStorage } from '../sql/sql-storage.js'
import type { PgliteLike } from './pglite-client.js'
import { createPgliteClient } from './pglite-client.js'

/**
 * The options of {@link createPgliteStorage}.
 *
 * @category pglite
 */
export interface PgliteStorageOptions extends SqlStorageOptions {
  /** The directory that holds the database; created when missing. Without it, the database lives in memory. */
  readonly dataDir?: string
}

/**
 * Opens (or creates) a PGlite database, applies the migrations and returns the storage over it.
 * Opening takes a few seconds; call `close()` when done, or Node never exits.
 *
 * @example
 * ```ts
 * import { createPgliteStorage } from '@imi-kit/storage-adapters'
 * const { storage, close } = await createPgliteStorage({ dataDir: './.pglite' })
 * await storage.projections.find({ statuses: ['awaiting-acceptance'] })
 * await close()
 * ```
 * @category pglite
 */
export const createPgliteStorage = async (options: PgliteStorageOptions = {}): Promise<SqlStorageHandle> => {
  // Loaded on demand, so that importing this package (for the memory storage, say) does not load PGlite.
  const { PGlite } = await import('@electric-sql/pglite')
  const db: PgliteLike = await PGlite.create(options.dataDir)
  const client = createPgliteClient(db)
  try {
    await migrate(client)
  } catch (error) {
    await db.close()
    throw error
  }
  return { storage: createSqlStorage(client, options), client, close: () => db.close() }
}
