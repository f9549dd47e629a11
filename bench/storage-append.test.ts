import { describe, expect, it } from 'vitest'
import { creationChanges, runStorageBenchmarks } from './storage-append.js'

describe('storage benchmark harness', () => {
  it('takes a real request.created event of a realistic size as its sample', async () => {
    const changes = await creationChanges()
    expect(changes.appends[0]?.events.map((e) => e.type)).toEqual(['request.created'])
    expect(changes.summaries).toHaveLength(1)
    expect(JSON.stringify(changes.appends[0]?.events[0]).length).toBeGreaterThan(500)
  })

  it('measures commits, raw inserts and commands on memory and PGlite', async () => {
    const lines: string[] = []
    const f = await runStorageBenchmarks({ appends: 20, lifecycles: 2, postgres: false, log: (l) => lines.push(l) })
    expect(f.append.map((a) => a.driver)).toEqual(['PGlite (in memory)'])
    expect(f.append[0]?.iterations).toBeGreaterThan(0)
    expect(f.append[0]?.ratio).toBeGreaterThan(0)
    expect(f.service.map((s) => [s.driver, s.commands])).toEqual([
      ['memory', 12],
      ['PGlite (in memory)', 12],
    ])
    expect(lines.some((l) => l.includes('commit ÷ raw time'))).toBe(true)
  })
})
