/**
 * The rebuild command: replays every event into fresh summaries, for after a change of a procedure's
 * `summary` or a doubt about the projections.
 *
 * @module
 */
import type { ExchangeSummary, ProcedureRegistry } from '@imi-kit/core'
import type { SqlClient } from '../sql/sql-client.js'
import { createSqlStorage } from '../sql/sql-storage.js'
import type { RebuildTarget } from './rebuild-target.js'

// Large enough to keep round trips few, small enough to hold a batch of decoded events in memory.
const BATCH = 1000

const isSqlClient = (t: RebuildTarget | SqlClient): t is SqlClient => 'query' in t

/**
 * Replays all events, in global order and in batches, through each procedure's `evolve` and
 * `summary`, then replaces the summaries with the result. Commits made meanwhile may be overwritten:
 * run it while the application is stopped. Given a {@link SqlClient}, it works on the SQL storage over it.
 *
 * @returns the number of summaries written
 * @example
 * ```ts
 * import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
 * import { createMemoryStorage, rebuildProjections } from '@imi-kit/storage-adapters'
 * await rebuildProjections(createMemoryStorage(), createProcedureRegistry([requestForInformation])) // 0
 * ```
 * @category rebuild
 */
export const rebuildProjections = async (target: RebuildTarget | SqlClient, registry: ProcedureRegistry): Promise<number> => {
  const storage = isSqlClient(target) ? createSqlStorage(target, { procedures: registry }) : target
  const states = new Map<string, { readonly procedure: string; readonly state: unknown }>()
  let after = 0
  for (;;) {
    const batch = await storage.events.readAll(after, BATCH)
    for (const e of batch) {
      const procedure = registry.get(e.event.procedure)
      if (procedure === undefined) throw new Error(`Cannot rebuild exchange ${e.streamId}: procedure ${e.event.procedure} is not in the registry`)
      states.set(e.streamId, { procedure: procedure.id, state: procedure.evolve(states.get(e.streamId)?.state, e.event) })
    }
    const last = batch.at(-1)
    if (last === undefined || batch.length < BATCH) break
    after = last.position
  }
  const summaries: ExchangeSummary[] = []
  for (const { procedure, state } of states.values()) {
    const p = registry.get(procedure)
    if (p !== undefined) summaries.push(p.summary(state))
  }
  await storage.replaceSummaries(summaries)
  return summaries.length
}
