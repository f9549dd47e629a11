// Serving imi-kit's HTTP API under Node's http, Express, Fastify or Hono: one web-standard handler,
// mounted four ways. Each function starts a server and says where it listens.
import { once } from 'node:events'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'
import { createApplicationService, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds } from '@imi-kit/core'
import type { Actor, UserId } from '@imi-kit/core'
import { U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { createImiHandler, createNodeListener } from '@imi-kit/server-adapter'

/** A web-standard handler: `(request: Request) => Promise<Response>`. */
export type Handler = (request: Request) => Promise<Response>

/** A started server: where it listens, and how to stop it. */
export interface Started {
  readonly url: string
  close(): Promise<void>
}

// 1. The handler, once for every framework. Authentication is yours: here, bearer tokens of a demo;
//    in production your eID, SAML or OIDC session, or the built-in IMI login.
const TOKENS: Readonly<Record<string, UserId>> = { 'demo-camille': U.frHandler, 'demo-lena': U.deHandler }

export const createHandler = (): Handler => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('web'), directory })
  const authenticate = (request: Request): Actor | null => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1]
    const user = token === undefined ? undefined : directory.user(TOKENS[token] as UserId)
    return user === undefined ? null : { kind: 'user', userId: user.id, authorityId: user.authorityId }
  }
  return createImiHandler({ app, storage, directory, clock, authenticate, limits: { bodyBytes: 64 * 1024 } })
}

const listening = async (server: Server, port: number): Promise<Started> => {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e === undefined ? resolve() : reject(e)))),
  }
}

// 2. Node's http: the listener streams each request body to the handler and its response back.
export const startNode = (handler: Handler, port = 0): Promise<Started> => listening(createServer(createNodeListener(handler)), port)

// 3. Express: mount the listener BEFORE any body parser (no express.json() in front of it), so that
//    the handler reads the raw stream and enforces its own size limit. A route, not app.use('/api'):
//    app.use would strip '/api' from req.url, and the handler routes on the full path.
export const startExpress = (handler: Handler, port = 0): Promise<Started> => {
  const app = express()
  app.all(/^\/api(\/|$)/, createNodeListener(handler))
  // Your own pages and their middleware (body parsers included) go after it.
  return listening(createServer(app), port)
}

// 4. Fastify parses bodies before the route runs: replace its parsers by one that leaves the stream
//    unread, and hijack the reply so that the listener writes the response itself.
export const startFastify = async (handler: Handler, port = 0): Promise<Started> => {
  const app = Fastify()
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', (_request, _payload, done) => done(null))
  const listener = createNodeListener(handler)
  app.all('/api/*', (request, reply) => {
    reply.hijack()
    listener(request.raw, reply.raw)
  })
  await app.listen({ port, host: '127.0.0.1' })
  return { url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, close: () => app.close() }
}

// 5. Hono speaks the Fetch API already: hand it the raw Request, whose body it has not read. Node's
//    global Request and Response are left alone (overrideGlobalObjects: false).
export const startHono = async (handler: Handler, port = 0): Promise<Started> => {
  const app = new Hono()
  app.all('/api/*', (c) => handler(c.req.raw))
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1', overrideGlobalObjects: false })
  await once(server, 'listening')
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e === undefined ? resolve() : reject(e)))),
  }
}
