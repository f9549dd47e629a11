/**
 * The national-portal demo server: the HTTP API (`createImiHandler`) with the built-in IMI login,
 * over the embedded PGlite database in a data directory, both procedures, the fixture directory of
 * authorities in France, Germany and Italy, the worker that fires timers and "sends" e-mails, and a
 * plain HTML page that loads the web components' bundle.
 *
 * @module
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAlertProcedure, createApplicationService, createProcedureRegistry, requestForInformation } from '@imi-kit/core'
import type { Actor, ApplicationService, Clock, Directory, Storage } from '@imi-kit/core'
import { world } from '@imi-kit/core/testing'
import { createPgliteStorage } from '@imi-kit/storage-adapters'
import {
  createFileBlobStore,
  createImiHandler,
  createImiLogin,
  createNodeListener,
  createRecordingMailer,
  createWorker,
  temporaryPasswordMail,
} from '@imi-kit/server-adapter'
import type { ImiLogin, MailMessage, RecordingMailer, ScryptParameters, Worker } from '@imi-kit/server-adapter'
import { buildElementsBundle } from './bundle.js'
import { persistentIds } from './ids.js'
import type { DemoLogin } from './seed.js'
import { seedDemoAccounts } from './seed.js'

/** Where `npm start` keeps the demo's data: `examples/portal/.data`. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url))

/** The portal's static files: the page, its script and its styles. */
const PUBLIC = new URL('../public/', import.meta.url)

/**
 * A scrypt cost lowered from the default (2¹⁷) to 2¹⁴, so that seeding some forty demo accounts
 * takes seconds, not a minute. A production server keeps the default.
 */
export const DEMO_SCRYPT: ScryptParameters = { N: 2 ** 14, r: 8, p: 1, keyLength: 32 }

/** The options of {@link startPortal}. */
export interface PortalOptions {
  /** The data directory: database, secrets, attachments, demo logins. Default {@link DEFAULT_DATA_DIR}. */
  readonly dataDir?: string
  /** Default 0 (a free port). */
  readonly port?: number
  /** Default `127.0.0.1`: the demo is for this machine only. */
  readonly host?: string
  /**
   * Test only: the clock of the whole server (commands, timers, sessions, dashboard). A test gives a
   * `fixedClock`, moves it past the comment and objection periods of an alert, and runs the worker.
   * Default: the system clock.
   */
  readonly clock?: Clock
  /** The cost of password hashes. Default {@link DEMO_SCRYPT}. */
  readonly scrypt?: ScryptParameters
  /** How often the worker runs, in milliseconds; 0 leaves it to the caller (`portal.worker.runOnce()`). Default 2,000. */
  readonly workerIntervalMs?: number
  /** Where the portal reports what it does (e-mails "sent", errors). Default: nowhere. */
  readonly log?: (line: string) => void
}

/** A running portal. */
export interface Portal {
  /** Where the page is, e.g. `http://localhost:8080`. */
  readonly url: string
  readonly port: number
  readonly dataDir: string
  /** True when this start created the demo accounts (a new data directory). */
  readonly seeded: boolean
  readonly logins: ReadonlyArray<DemoLogin>
  readonly app: ApplicationService
  readonly storage: Storage
  readonly directory: Directory
  readonly login: ImiLogin
  /** Every e-mail the worker "sent". */
  readonly mailer: RecordingMailer
  readonly worker: Worker
  /** Stops the server, the worker and the database. */
  close(): Promise<void>
}

/** A secret of the data directory, created at first start and kept out of the database. */
const secretFile = (dataDir: string, name: string, bytes: number): Buffer => {
  const file = join(dataDir, name)
  if (!existsSync(file)) writeFileSync(file, randomBytes(bytes).toString('base64'), { mode: 0o600 })
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  if (secret.length !== bytes) throw new Error(`${file} does not hold ${bytes} bytes in base64; delete it (and the database it protects) to start afresh`)
  return secret
}

const STATIC: Readonly<Record<string, { readonly file: string; readonly type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/portal.js': { file: 'portal.js', type: 'text/javascript; charset=utf-8' },
  '/portal.css': { file: 'portal.css', type: 'text/css; charset=utf-8' },
}

// The page loads only its own scripts; the elements' styles live in their shadow roots (constructed
// style sheets), and a few of their templates set inline styles.
const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

/** Starts the portal: opens (or creates and seeds) the data directory, then serves the API and the page. */
export const startPortal = async (options: PortalOptions = {}): Promise<Portal> => {
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR
  const log = options.log ?? (() => undefined)
  mkdirSync(dataDir, { recursive: true })
  const clock: Clock = options.clock ?? { now: () => new Date() }

  const registry = createProcedureRegistry([requestForInformation, createAlertProcedure({ commentPeriod: { days: 10 }, objectionPeriod: { days: 15 } })])
  const directory = world()
  const { storage, close: closeDatabase } = await createPgliteStorage({
    dataDir: join(dataDir, 'pglite'),
    clock,
    procedures: registry,
    keyEncryptionKey: secretFile(dataDir, 'vault.key', 32),
  })
  try {
    const { accounts, sessions } = storage
    const app = createApplicationService({ registry, storage, clock, ids: persistentIds(dataDir, clock), directory })
    const login = createImiLogin({
      accounts,
      sessions,
      directory: () => directory,
      clock,
      secret: secretFile(dataDir, 'login.secret', 48),
      config: { scrypt: options.scrypt ?? DEMO_SCRYPT },
    })
    const users = directory.authorities().flatMap((a) => directory.usersOf(a.id))
    const { logins, seeded } = await seedDemoAccounts({ dataDir, login, accounts, directory, users })

    // The demo sends no e-mail: the worker's messages are kept, and logged by their subject only.
    const recorded = createRecordingMailer()
    const mailer: RecordingMailer = {
      get sent() {
        return recorded.sent
      },
      clear: () => recorded.clear(),
      send: async (message: MailMessage) => {
        log(`mail to ${message.to}: ${message.subject}`)
        return recorded.send(message)
      },
    }

    const bundle = await buildElementsBundle()
    const server = createServer()
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
    })
    const port = (server.address() as AddressInfo).port
    const url = `http://localhost:${port}`

    const isAdministrator = (actor: Actor) => actor.kind === 'user' && directory.user(actor.userId)?.generalRoles.includes('data-administrator') === true
    const handler = createImiHandler({
      app,
      storage,
      directory,
      clock,
      login,
      isAdministrator,
      blobs: createFileBlobStore(join(dataDir, 'attachments')),
      deliverTemporaryPassword: async (delivery) => {
        const user = directory.user(delivery.userId)
        if (user === undefined) return
        await mailer.send(
          temporaryPasswordMail({
            to: { email: user.email, language: user.language },
            temporaryPassword: delivery.temporaryPassword.reveal(),
            loginUrl: url,
            reason: delivery.reason === 'reset' ? 'reset' : 'registration',
            expiresAt: delivery.expiresAt,
          }),
        )
      },
    })
    const api = createNodeListener(handler)

    const serveStatic = async (path: string, res: ServerResponse): Promise<boolean> => {
      // The server's time, from which the page's deadlines and "recently" count.
      if (path === '/portal.json') {
        res.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ now: clock.now().toISOString() }))
        return true
      }
      if (path === '/imi-kit.bundle.js') {
        res.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'text/javascript; charset=utf-8' }).end(bundle.code)
        return true
      }
      // The language packs beside the bundle (`i18n/fr.json`, …), which the elements fetch (connect-src
      // 'self') when the page switches to that language.
      const pack = /^\/i18n\/([a-z]{2})\.json$/.exec(path)?.[1]
      if (pack !== undefined && Object.hasOwn(bundle.packs, pack)) {
        res.writeHead(200, { ...PAGE_HEADERS, 'content-type': 'application/json; charset=utf-8' }).end(bundle.packs[pack])
        return true
      }
      const file = STATIC[path]
      if (file === undefined) return false
      res.writeHead(200, { ...PAGE_HEADERS, 'content-type': file.type }).end(await readFile(new URL(file.file, PUBLIC)))
      return true
    }

    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/'
      if (path === '/api' || path.startsWith('/api/')) return api(req, res)
      void (async () => {
        try {
          if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.writeHead(405, { allow: 'GET, HEAD' }).end()
            return
          }
          if (await serveStatic(path, res)) return
          // The links of the e-mails (`${baseUrl}/exchanges/{id}`) open the exchange in the page.
          const exchange = /^\/exchanges\/([^/]+)$/.exec(path)?.[1]
          if (exchange !== undefined) {
            res.writeHead(303, { location: `/#/exchanges/${exchange}` }).end()
            return
          }
          res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found')
        } catch (error) {
          log(`portal: ${error instanceof Error ? error.message : String(error)}`)
          if (!res.headersSent) res.writeHead(500).end()
          else res.destroy()
        }
      })()
    })

    const worker = createWorker({
      app,
      storage,
      directory: () => directory,
      mailer,
      clock,
      baseUrl: url,
      onError: (error) => log(`worker: ${error instanceof Error ? error.message : String(error)}`),
    })
    const interval = options.workerIntervalMs ?? 2_000
    if (interval > 0) worker.start(interval)

    let closed = false
    return {
      url,
      port,
      dataDir,
      seeded,
      logins,
      app,
      storage,
      directory,
      login,
      mailer,
      worker,
      close: async () => {
        if (closed) return
        closed = true
        await worker.stop()
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await closeDatabase()
      },
    }
  } catch (error) {
    await closeDatabase()
    throw error
  }
}
