/**
 * Benchmark of the HTTP API: the commands of the request lifecycle (create, send, accept, message,
 * reply, close) sent through `createImiHandler` in process, and through `createNodeListener` on a
 * real socket with `fetch`, each as a ratio to the application service called directly. All three
 * run on the memory storage in the same run, in alternating blocks, so that the ratios do not depend
 * on the machine or on what else it is doing.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import * as E from 'fp-ts/lib/Either.js'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, ExchangeId, UserId } from '@imi-kit/core'
import { world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { createImiHandler, createNodeListener } from '@imi-kit/server-adapter'
import { LIFECYCLE, lifecycleActors } from '../packages/storage-adapters/src/testing/request-lifecycle.js'
import type { LifecycleSide } from '../packages/storage-adapters/src/testing/request-lifecycle.js'

/** The figures of one way of sending commands. */
export interface HttpPathFigures {
  readonly path: string
  readonly commands: number
  readonly commandsPerSecond: number
  /** Commands per second divided by those of the application service called directly. */
  readonly ratio: number
}

/** The sizes of one run. */
export interface HttpBenchOptions {
  /** Lifecycles measured on each path. */
  readonly lifecycles: number
  readonly log: (line: string) => void
}

const USER_HEADER = 'x-bench-user'

/** One way of sending a command: it returns the exchange the command addressed or created. */
interface Path {
  readonly name: string
  send(side: LifecycleSide, command: Readonly<Record<string, unknown>>): Promise<ExchangeId>
  close(): Promise<void>
}

/** A fresh service on the memory storage, and the handler over it; every path gets its own. */
const service = () => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('bench'), directory })
  const actors = lifecycleActors(directory)
  const authenticate = (request: Request): Actor | null => {
    const user = directory.user((request.headers.get(USER_HEADER) ?? '') as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  const handler = createImiHandler({ app, storage, directory, clock, authenticate })
  const userOf = (side: LifecycleSide) => {
    const a = actors[side]
    return a.kind === 'user' ? a.userId : ''
  }
  return { app, actors, handler, userOf }
}

/** Sends a command as JSON to `url` through `fetchLike`, as the HTTP client does. */
const overHttp = async (fetchLike: (request: Request) => Promise<Response>, base: string, user: string, command: Readonly<Record<string, unknown>>): Promise<ExchangeId> => {
  const id = command.exchangeId
  const url = typeof id === 'string' ? `${base}/api/exchanges/${encodeURIComponent(id)}/commands` : `${base}/api/exchanges`
  const res = await fetchLike(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', [USER_HEADER]: user }, body: JSON.stringify(command) }))
  const body = (await res.json()) as { exchangeId?: ExchangeId; error?: { code: string; message: string } }
  if (!res.ok || body.exchangeId === undefined) throw new Error(`${String(command.type)}: ${res.status} ${body.error?.code ?? ''} ${body.error?.message ?? ''}`)
  return body.exchangeId
}

const direct = (): Path => {
  const s = service()
  return {
    name: 'application service',
    send: async (side, command) => {
      const r = await s.app.execute(s.actors[side], command)
      if (E.isLeft(r)) throw new Error(`${String(command.type)}: ${r.left.code} ${r.left.message}`)
      return r.right.exchangeId
    },
    close: async () => undefined,
  }
}

const inProcess = (): Path => {
  const s = service()
  return {
    name: 'handler, in process',
    send: (side, command) => overHttp(s.handler, 'http://bench.local', s.userOf(side), command),
    close: async () => undefined,
  }
}

const onSocket = async (): Promise<Path> => {
  const s = service()
  const server = createServer(createNodeListener(s.handler))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    name: 'Node http, real socket',
    // fetch keeps its connections alive, as a browser or a portal's client would.
    send: (side, command) => overHttp((r) => fetch(r), base, s.userOf(side), command),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** Runs `count` whole lifecycles on a path, numbering subjects from `first`; returns the commands sent. */
const lifecycles = async (path: Path, first: number, count: number): Promise<number> => {
  let commands = 0
  for (let n = first; n < first + count; n++) {
    let id: ExchangeId | undefined
    for (const step of LIFECYCLE) {
      id = await path.send(step.side, step.command(id, n))
      commands++
    }
  }
  return commands
}

const f0 = (n: number) => n.toFixed(0)

/** Measures the three paths and prints them; the lifecycles are run in blocks, the paths taking turns. */
export const runHttpBenchmark = async (o: HttpBenchOptions): Promise<ReadonlyArray<HttpPathFigures>> => {
  const paths = [direct(), inProcess(), await onSocket()]
  try {
    const warmUp = Math.max(5, Math.floor(o.lifecycles / 10))
    for (const p of paths) await lifecycles(p, 0, warmUp)
    const block = Math.max(1, Math.floor(o.lifecycles / 10))
    const ms = paths.map(() => 0)
    const commands = paths.map(() => 0)
    for (let done = 0; done < o.lifecycles; done += block) {
      const count = Math.min(block, o.lifecycles - done)
      for (const [k, p] of paths.entries()) {
        const t = performance.now()
        commands[k] = (commands[k] ?? 0) + (await lifecycles(p, warmUp + done, count))
        ms[k] = (ms[k] ?? 0) + performance.now() - t
      }
    }
    const perSecond = paths.map((_, k) => (commands[k] ?? 0) / ((ms[k] ?? 1) / 1000))
    const directRate = perSecond[0] ?? 1
    const figures = paths.map((p, k) => ({ path: p.name, commands: commands[k] ?? 0, commandsPerSecond: perSecond[k] ?? 0, ratio: (perSecond[k] ?? 0) / directRate }))
    o.log('HTTP API on the memory storage: full lifecycle commands per second, one after another, as a ratio to the application service called directly')
    for (const f of figures) o.log(`  ${f.path.padEnd(24)} ${f0(f.commandsPerSecond).padStart(6)} commands/s   ${f.ratio.toFixed(3)} × direct   (${f.commands} commands)`)
    return figures
  } finally {
    for (const p of paths) await p.close()
  }
}
