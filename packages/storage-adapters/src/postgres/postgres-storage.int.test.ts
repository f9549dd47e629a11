import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { describeStorageContract } from '@imi-kit/storage-adapters/contract'
import { MIGRATIONS, STORAGE_TABLES, migrate } from '../sql/migrations.js'
import type { SqlClient } from '../sql/sql-client.js'
import { createSqlStorage } from '../sql/sql-storage.js'
import { createPostgresClient } from './postgres-client.js'
import { createPostgresStorage } from './postgres-storage.js'
import type { TestDatabase } from './postgres-test-database.js'
import { createTestDatabase } from './postgres-test-database.js'

// The database is made on first use, so that an unreachable server fails every test rather than
// skipping any; each test then starts from emptied tables.
let database: Promise<{ db: TestDatabase; pool: pg.Pool; client: SqlClient }> | undefined
const connect = () =>
  (database ??= (async () => {
    const db = await createTestDatabase()
    const pool = new pg.Pool({ connectionString: db.url, max: 8 })
    const client = createPostgresClient(pool)
    await migrate(client)
    return { db, pool, client }
  })())

afterAll(async () => {
  const opened = await database?.catch(() => undefined)
  await opened?.pool.end()
  await opened?.db.drop()
})

describeStorageContract('PostgreSQL server', async (options) => {
  const { client } = await connect()
  await client.query(`TRUNCATE ${STORAGE_TABLES.join(', ')} RESTART IDENTITY`)
  return { storage: createSqlStorage(client, options), close: async () => undefined }
})

describe('PostgreSQL migrations', () => {
  it('are applied once when several processes start at once on an empty database', async () => {
    const db = await createTestDatabase()
    try {
      // Each storage opens its own pool, as separate processes would.
      const handles = await Promise.all(Array.from({ length: 6 }, () => createPostgresStorage({ connectionString: db.url })))
      try {
        const { client } = handles[0] ?? {}
        if (client === undefined) throw new Error('no storage opened')
        const { rows } = await client.query<{ version: number }>('SELECT version FROM imi_migrations ORDER BY version')
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
        expect(await migrate(client)).toEqual([])
      } finally {
        await Promise.all(handles.map((h) => h.close()))
      }
    } finally {
      await db.drop()
    }
  })

  it('leave a pool passed in open for its owner', async () => {
    const { pool } = await connect()
    const handle = await createPostgresStorage({ pool })
    await handle.close()
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one')
    expect(rows).toEqual([{ one: 1 }])
  })
})
