/**
 * `@imi-kit/storage-adapters` — implementations of the storage ports of `@imi-kit/core`: in memory,
 * on PGlite (embedded PostgreSQL, the default) and on a PostgreSQL server, the last two sharing one
 * SQL implementation and its migrations. The conformance suite is exported from
 * `@imi-kit/storage-adapters/contract`.
 *
 * @packageDocumentation
 */

// memory
export type { MemoryStorage, MemoryStorageOptions } from './memory/memory-storage.js'
export { createMemoryStorage } from './memory/memory-storage.js'

// rebuild
export type { RebuildTarget, SummaryReplacement } from './rebuild/rebuild-target.js'
export { rebuildProjections } from './rebuild/rebuild-projections.js'

// sql
export type { SqlClient } from './sql/sql-client.js'
export { sqlClientInTransaction } from './sql/sql-client.js'
export type { Migration } from './sql/migrations.js'
export { MIGRATIONS, STORAGE_TABLES, migrate } from './sql/migrations.js'
export type { SqlStorageOptions, CheckedEventStore, SqlStorage } from './sql/sql-storage.js'
export { CorruptEventError, createSqlStorage } from './sql/sql-storage.js'
export type { SqlStorageHandle } from './sql/sql-storage-handle.js'

// pglite
export type { PgliteLike, PgliteTransactionLike } from './pglite/pglite-client.js'
export { createPgliteClient } from './pglite/pglite-client.js'
export type { PgliteStorageOptions } from './pglite/pglite-storage.js'
export { createPgliteStorage } from './pglite/pglite-storage.js'

// postgres
export type { PgPoolLike, PgPoolClientLike } from './postgres/postgres-client.js'
export { createPostgresClient } from './postgres/postgres-client.js'
export type { PostgresStorageOptions } from './postgres/postgres-storage.js'
export { createPostgresStorage } from './postgres/postgres-storage.js'
