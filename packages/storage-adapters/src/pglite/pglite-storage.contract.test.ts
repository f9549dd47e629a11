import { PGlite } from '@electric-sql/pglite'
import { afterAll, beforeAll } from 'vitest'
import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import { describeStorageContract } from '@imi-kit/storage-adapters/contract'
import { migrate, STORAGE_TABLES } from '../sql/migrations.js'
import type { SqlClient } from '../sql/sql-client.js'
import { createSqlStorage } from '../sql/sql-storage.js'
import { createPgliteClient } from './pglite-client.js'

// One database for the whole file (creating one takes seconds), emptied before each test.
let db: PGlite | undefined
let client: SqlClient | undefined

beforeAll(async () => {
  db = await PGlite.create()
  client = createPgliteClient(db)
  await migrate(client)
})

afterAll(async () => {
  await db?.close()
})

describeStorageContract('PGlite, in memory, decoding through the procedures’ codecs', async (options) => {
  if (client === undefined) throw new Error('PGlite did not start')
  await client.query(`TRUNCATE ${STORAGE_TABLES.join(', ')} RESTART IDENTITY`)
  return {
    storage: createSqlStorage(client, { ...options, procedures: createProcedureRegistry([requestForInformation]) }),
    close: async () => undefined,
  }
})
