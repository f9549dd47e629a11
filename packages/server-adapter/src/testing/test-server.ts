/**
 * A server for tests: the handler over the memory storage, the fixture directory, both procedures and
 * a fixed clock, with callers named by an `x-test-user` header. Never use that header in production:
 * it trusts the caller.
 *
 * @module
 */
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, ApplicationService, Directory, Storage, UserId } from '@imi-kit/core'
import { testAlertProcedure, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import type { BlobStore } from '../attachments/blob-store.js'
import { createMemoryBlobStore } from '../attachments/blob-store.js'
import type { ImiHandlerOptions } from '../http/handler.js'
import { createImiHandler } from '../http/handler.js'
import type { HttpImiClient } from '../client/index.js'
import { createHttpImiClient } from '../client/index.js'

/** The header that names the caller of a test request. @internal */
export const TEST_USER_HEADER = 'x-test-user'

/** What a test server gives a test. @internal */
export interface TestServer {
  readonly handler: (request: Request) => Promise<Response>
  readonly app: ApplicationService
  readonly storage: Storage
  readonly directory: Directory
  readonly clock: ReturnType<typeof fixedClock>
  readonly blobs: BlobStore
  /** An HTTP client acting as `user`, its fetch going straight to the handler. */
  client(user: UserId): HttpImiClient
  /** A request to the handler as `user` (or nobody). */
  request(user: UserId | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
}

/** Builds a test server. @internal */
export const createTestServer = (options: Partial<Pick<ImiHandlerOptions, 'limits' | 'exporter' | 'checkCsrf' | 'extraRoutes'>> & { readonly storage?: Storage } = {}): TestServer => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const storage = options.storage ?? createMemoryStorage({ clock })
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation, testAlertProcedure]), storage, clock, ids: sequentialIds('http'), directory })
  const blobs = createMemoryBlobStore()
  const authenticate = (request: Request): Actor | null => {
    const id = request.headers.get(TEST_USER_HEADER)
    const user = id === null ? undefined : directory.user(id as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  const handler = createImiHandler({ app, storage, directory, clock, authenticate, blobs, ...options })
  const origin = 'http://imi.test'
  return {
    handler,
    app,
    storage,
    directory,
    clock,
    blobs,
    client: (user) =>
      createHttpImiClient({
        baseUrl: `${origin}/api`,
        fetch: (async (input: string | URL | Request, init?: RequestInit) => {
          const request = new Request(input, init)
          request.headers.set(TEST_USER_HEADER, user)
          return handler(request)
        }) as typeof fetch,
      }),
    request: (user, method, path, body, headers = {}) =>
      handler(
        new Request(`${origin}${path}`, {
          method,
          headers: { ...(user === undefined ? {} : { [TEST_USER_HEADER]: user }), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
        }),
      ),
  }
}
