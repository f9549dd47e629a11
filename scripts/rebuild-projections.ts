// Replays every stored event into fresh summaries: `npx tsx scripts/rebuild-projections.ts <postgres url | PGlite data dir>`.
// Run it with the application stopped (commits made meanwhile may be overwritten), e.g. once after a
// migration that adds summary columns.
import { performance } from 'node:perf_hooks'
import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import { createPgliteStorage, createPostgresStorage, rebuildProjections } from '@imi-kit/storage-adapters'

const [target] = process.argv.slice(2)
if (target === undefined) {
  console.error('usage: tsx scripts/rebuild-projections.ts <postgres://… | PGlite data directory>')
  process.exit(2)
}
const registry = createProcedureRegistry([requestForInformation])
const handle = await (target.startsWith('postgres://') || target.startsWith('postgresql://')
  ? createPostgresStorage({ connectionString: target, procedures: registry })
  : createPgliteStorage({ dataDir: target, procedures: registry }))
try {
  const started = performance.now()
  const count = await rebuildProjections(handle.client, registry)
  console.log(`rebuilt ${count} summaries in ${((performance.now() - started) / 1000).toFixed(1)} s`)
} catch (error) {
  console.error(`rebuild failed, summaries unchanged: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  await handle.close()
}
