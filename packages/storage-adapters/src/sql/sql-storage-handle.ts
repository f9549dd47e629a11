/**
 * What the PGlite and PostgreSQL constructors return.
 *
 * @module
 */
import type { SqlClient } from './sql-client.js'
import type { SqlStorage } from './sql-storage.js'

/**
 * A migrated, ready SQL storage with the connection it owns.
 *
 * @category sql
 */
export interface SqlStorageHandle {
  readonly storage: SqlStorage
  /** The connection under the storage, for maintenance and tests. */
  readonly client: SqlClient
  /** Closes what the constructor opened. Until it is called, Node keeps running. */
  close(): Promise<void>
}
