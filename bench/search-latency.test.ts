import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import { createPgliteStorage } from '@imi-kit/storage-adapters'
import { seedExchanges } from '../scripts/seed-exchanges.js'
import { LATENCY_VIEWERS, QUERY_KINDS, latencyTable, measureSearchLatency } from './search-latency.js'

describe('search latency harness', () => {
  it('measures every query kind for every viewer, one statement per page', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imi-latency-'))
    try {
      const handle = await createPgliteStorage({ dataDir: dir, procedures: createProcedureRegistry([requestForInformation]) })
      try {
        await seedExchanges(handle, 200, 24, () => undefined)
        const figures = await measureSearchLatency(handle.client, { iterations: 2, warmUp: 1 })
        expect(figures).toHaveLength(LATENCY_VIEWERS.length * QUERY_KINDS.length)
        for (const f of figures) {
          expect([f.viewer, f.kind, f.statementsMin, f.statementsMax]).toEqual([f.viewer, f.kind, 1, 1])
          expect(f.p95).toBeGreaterThanOrEqual(f.p50)
        }
        // Every viewer finds exchanges on its first page.
        expect(figures.filter((f) => f.kind === 'first page').every((f) => f.rows > 0)).toBe(true)
        expect(latencyTable(figures)).toHaveLength(LATENCY_VIEWERS.length + 1)
      } finally {
        await handle.close()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
