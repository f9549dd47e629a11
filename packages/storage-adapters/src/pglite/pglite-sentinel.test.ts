import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SENTINEL, runSentinelWorkload } from '../testing/sentinel-workload.js'
import { createPgliteStorage } from './pglite-storage.js'

const dir = mkdtempSync(join(tmpdir(), 'imi-pglite-sentinel-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const filesUnder = (d: string): string[] =>
  readdirSync(d).flatMap((name) => {
    const p = join(d, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })

describe('PGlite data directory after erasure', () => {
  it('[RET-DELETE-THREE-YEARS][RET-PD-REPORTS-AFTER-PURGE] holds the sentinel written into every personal-data field, and into reports, nowhere', async () => {
    const dataDir = join(dir, 'data')
    const handle = await createPgliteStorage({ dataDir })
    const figures = await runSentinelWorkload(handle.storage, 40)
    await handle.client.query('CHECKPOINT')
    await handle.close()
    const files = filesUnder(dataDir)
    const needle = Buffer.from(SENTINEL)
    const holding = files.filter((f) => readFileSync(f).includes(needle))
    console.log(`sentinel (PGlite): ${figures.exchanges} exchanges, ${figures.timersFired} timers fired, ${files.length} files scanned, ${holding.length} holding the sentinel`)
    expect(figures.timersFired).toBe(2 * figures.exchanges)
    expect(files.length).toBeGreaterThan(100)
    expect(holding).toEqual([])
  }, 120_000)
})
