/**
 * The portal's source of identifiers. Unlike `sequentialIds`, which counts from 1 in each process and
 * would hand out `REQ-000001` again after a restart, it draws exchange and item ids at random and
 * numbers exchanges from a counter kept in the data directory, so that numbers stay unique for the
 * life of the database.
 *
 * @module
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock, ExchangeId, IdSource } from '@imi-kit/core'

/** The file, in the data directory, holding the last number given per prefix. */
export const NUMBERS_FILE = 'exchange-numbers.json'

const readCounters = (file: string): Record<string, number> => {
  if (!existsSync(file)) return {}
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown
  const out: Record<string, number> = {}
  if (typeof parsed === 'object' && parsed !== null)
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) out[k] = v
  return out
}

/**
 * Random exchange and item ids, and exchange numbers such as `REQ-2026-000042` (the prefix, the year
 * of the clock, a counter per prefix), which match the request number format
 * (`/^REQ-(\w+-){0,3}\d+$/`).
 *
 * The counter is written to disk before a number is handed out: a number is never given twice, even
 * when the command that took it is then refused (a gap in the numbering is harmless; a duplicate is not).
 */
export const persistentIds = (dataDir: string, clock: Clock): IdSource => {
  const file = join(dataDir, NUMBERS_FILE)
  const counters = readCounters(file)
  return {
    exchangeId: () => randomUUID() as ExchangeId,
    itemId: () => randomUUID(),
    exchangeNumber: (prefix) => {
      const next = (counters[prefix] ?? 0) + 1
      counters[prefix] = next
      // Written whole, then renamed over the old file, so that a crash never leaves half a file.
      writeFileSync(`${file}.tmp`, `${JSON.stringify(counters)}\n`)
      renameSync(`${file}.tmp`, file)
      return `${prefix}-${clock.now().getUTCFullYear()}-${String(next).padStart(6, '0')}`
    },
  }
}
