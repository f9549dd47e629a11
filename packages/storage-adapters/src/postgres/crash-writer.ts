/**
 * The process the crash test kills: request lifecycles through the application service over
 * PostgreSQL, as fast as it can, printing `ok <commands>` after each command until it is killed.
 *
 * Usage: `tsx crash-writer.ts <database url> <id tag> <concurrent writers>`
 *
 * @module
 */
import { createApplicationService, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import { world } from '@imi-kit/core/testing'
import { lifecycleActors, runLifecycles, taggedIds, tickingClock } from '../testing/request-lifecycle.js'
import { createPostgresStorage } from './postgres-storage.js'

const [url, tag = 'crash', writers = '4'] = process.argv.slice(2)
if (url === undefined) throw new Error('usage: crash-writer.ts <database url> <id tag> <concurrent writers>')

const registry = createProcedureRegistry([requestForInformation])
const directory = world()
const { storage } = await createPostgresStorage({ connectionString: url, procedures: registry })
const app = createApplicationService({ registry, storage, clock: tickingClock(), ids: taggedIds(tag), directory })
const actors = lifecycleActors(directory)
let commands = 0
process.stdout.write('ready\n')
// Several writers at once, so that the kill is likely to land while some transaction is open.
await Promise.all(
  Array.from({ length: Number(writers) }, () =>
    runLifecycles(app, actors, Number.MAX_SAFE_INTEGER, () => {
      commands++
      process.stdout.write(`ok ${commands}\n`)
    }),
  ),
)
