// Lives in the example because it depends on the packages, as a consumer does. Loads the built packages with Node's own ESM loader, as a consumer of the published packages
// would, and runs one command through them. Run after `pnpm build` (CI does).
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import { A, PQ, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage, createPgliteStorage } from '@imi-kit/storage-adapters'

const directory = world()
for (const [name, make] of [
  ['memory', async () => ({ storage: createMemoryStorage(), close: async () => {} })],
  ['pglite', () => createPgliteStorage()],
]) {
  const { storage, close } = await make()
  const app = createApplicationService({
    registry: createProcedureRegistry([requestForInformation]),
    storage,
    clock: fixedClock(new Date('2026-03-02T09:00:00Z')),
    ids: sequentialIds('dist'),
    directory,
  })
  const r = await app.execute({ kind: 'user', userId: U.frHandler, authorityId: A.frCa }, { type: 'request.create', legislativeArea: PQ })
  await close()
  if (r._tag !== 'Right') {
    console.error(`dist check (${name}): the command was refused: ${JSON.stringify(r.left)}`)
    process.exit(1)
  }
  console.log(`dist check (${name}): the built packages load under Node ESM and run a command`)
}

// The server adapter and its browser-safe client load too, and the handler answers.
const { createImiHandler } = await import('@imi-kit/server-adapter')
const { createHttpImiClient } = await import('@imi-kit/server-adapter/client')
{
  const storage = createMemoryStorage()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('dist-http'), directory })
  const handler = createImiHandler({ app, storage, directory, clock, authenticate: () => ({ kind: 'user', userId: U.frHandler, authorityId: A.frCa }) })
  const client = createHttpImiClient({ baseUrl: 'http://dist.test/api', fetch: (input, init) => handler(new Request(input, init)) })
  const r = await client.execute({ type: 'request.create', legislativeArea: PQ })
  if (r._tag !== 'Right') {
    console.error(`dist check (http): the command was refused: ${JSON.stringify(r.left)}`)
    process.exit(1)
  }
  console.log('dist check (http): the built server adapter and client load under Node ESM and run a command')
}
// The web components' manifest and browser bundle are built, and beside the bundle one language pack
// per complete language but English, each a pack of that language.
const { existsSync, readFileSync } = await import('node:fs')
const { COMPLETE_UI_LANGUAGES } = await import('@imi-kit/core')
const isStrings = (o) => typeof o === 'object' && o !== null && Object.values(o).every((v) => typeof v === 'string')
const packs = COMPLETE_UI_LANGUAGES.filter((l) => l !== 'en').map((l) => `../../packages/web-components/dist/i18n/${l}.json`)
for (const f of ['../../packages/web-components/custom-elements.json', '../../packages/web-components/dist/imi-kit.bundle.js', ...packs])
  if (!existsSync(new URL(f, import.meta.url))) {
    console.error(`dist check: ${f} was not built`)
    process.exit(1)
  }
for (const f of packs) {
  const pack = JSON.parse(readFileSync(new URL(f, import.meta.url), 'utf8'))
  if (!isStrings(pack.labels) || !isStrings(pack.texts) || !f.endsWith(`/${pack.language}.json`) || Object.keys(pack.labels).length === 0) {
    console.error(`dist check: ${f} is not a language pack of its language`)
    process.exit(1)
  }
}
console.log(`dist check (web components): the manifest, the browser bundle and its language packs (${packs.map((f) => f.split('/').pop()).join(', ')}) are built`)
