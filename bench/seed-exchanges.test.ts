import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { createApplicationService, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import type { ExchangeId } from '@imi-kit/core'
import { world } from '@imi-kit/core/testing'
import { createPgliteStorage } from '@imi-kit/storage-adapters'
import { nextStep, runStep, taggedIds, tickingClock } from '../packages/storage-adapters/src/testing/request-lifecycle.js'
import { templateActors } from '../scripts/seed-exchanges.js'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const registry = createProcedureRegistry([requestForInformation])
const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u)) as unknown

describe('the seeding script', () => {
  it('writes copies that read back, fold to their summaries and timers, and take further commands', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'imi-seed-'))
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/seed-exchanges.ts', dir, '60', '12'], { cwd: ROOT })
      expect(stdout).toContain('rows/s')
      const handle = await createPgliteStorage({ dataDir: dir, procedures: registry })
      try {
        const { rows } = await handle.client.query<{ stream_id: string; number: string }>(
          "SELECT s.stream_id, m.number FROM imi_streams s JOIN imi_summaries m ON m.exchange_id = s.stream_id WHERE s.stream_id LIKE 'seed-c%' ORDER BY s.stream_id",
        )
        expect(rows).toHaveLength(60 - 12)
        expect(new Set(rows.map((r) => r.number)).size).toBe(rows.length)
        const directory = world()
        const app = createApplicationService({ registry, storage: handle.storage, clock: tickingClock(), ids: taggedIds('after-seed'), directory })
        for (const { stream_id } of rows) {
          const id = stream_id as ExchangeId
          const events = await handle.storage.events.read(id)
          const state = events.reduce<unknown>((s, e) => requestForInformation.evolve(s as never, e.event as never), undefined)
          expect(await handle.storage.projections.summary(id)).toEqual(json(requestForInformation.summary(state as never)))
          const timers = await handle.client.query<{ timer_id: string; command: unknown }>('SELECT timer_id, command FROM imi_timers WHERE exchange_id = $1 ORDER BY timer_id', [id])
          const expected = [...requestForInformation.timers(state as never)].sort((a, b) => (a.id < b.id ? -1 : 1))
          expect(timers.rows).toEqual(json(expected.map((t) => ({ timer_id: t.id, command: t.command }))))
          const step = nextStep(events.map((e) => e.event.type))
          // Copy g is a copy of template g mod 12, and acts through that template's users.
          if (step !== undefined) await runStep(app, templateActors(directory, Number(stream_id.slice('seed-c'.length)) % 12), step, id, 0)
          expect(E.isRight(await app.load(id))).toBe(true)
        }
      } finally {
        await handle.close()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
