import { execFileSync } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { SENTINEL, runSentinelWorkload } from '../testing/sentinel-workload.js'
import { createPostgresStorage } from './postgres-storage.js'
import type { TestDatabase } from './postgres-test-database.js'
import { createTestDatabase } from './postgres-test-database.js'

let db: TestDatabase | undefined
afterAll(async () => {
  await db?.drop()
})

describe('PostgreSQL dump after erasure', () => {
  it('[RET-DELETE-THREE-YEARS] holds the sentinel written into every personal-data field nowhere', async () => {
    db = await createTestDatabase()
    const handle = await createPostgresStorage({ connectionString: db.url })
    const figures = await runSentinelWorkload(handle.storage, 40)
    await handle.close()
    const dump = execFileSync('pg_dump', ['--no-owner', db.url], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8')
    const lines = dump.split('\n').filter((l) => l.includes(SENTINEL)).length
    console.log(`sentinel (PostgreSQL): ${figures.exchanges} exchanges, ${figures.timersFired} timers fired, dump of ${dump.length} bytes, ${lines} lines holding the sentinel`)
    expect(figures.timersFired).toBe(2 * figures.exchanges)
    expect(dump).toContain('imi_events')
    expect(lines).toBe(0)
  }, 120_000)
})
