/**
 * The Node binding on a real socket: a Node `http` server on port 0 serving the handler through
 * `createNodeListener`, driven with `fetch` and raw sockets. A lifecycle end to end, a streamed body
 * past the limit refused with 413, HEAD, and clients that hang up in the middle of a request.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, Server } from 'node:http'
import { connect } from 'node:net'
import type { AddressInfo } from 'node:net'
import { request as httpRequest } from 'node:http'
import * as E from 'fp-ts/lib/Either.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ExchangeView } from '@imi-kit/core'
import { Q1, Q2, U, pqDraft } from '@imi-kit/core/testing'
import { createHttpImiClient } from '../client/index.js'
import type { TestServer } from '../testing/test-server.js'
import { TEST_USER_HEADER, createTestServer } from '../testing/test-server.js'
import { createNodeListener } from './node.js'

const BODY_LIMIT = 64 * 1024

let s: TestServer
let server: Server
let base: string
let port: number
/** Errors of the server's sockets, and of the process while the suite runs: there must be none of the latter. */
const clientErrors: string[] = []
const uncaught: unknown[] = []
const onUncaught = (e: unknown) => uncaught.push(e)

beforeAll(async () => {
  s = createTestServer({ limits: { bodyBytes: BODY_LIMIT } })
  server = createServer(createNodeListener(s.handler))
  server.on('clientError', (error: Error, socket) => {
    clientErrors.push(error.message)
    socket.destroy()
  })
  process.on('uncaughtException', onUncaught)
  process.on('unhandledRejection', onUncaught)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  base = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  process.off('uncaughtException', onUncaught)
  process.off('unhandledRejection', onUncaught)
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

const clientOf = (user: string) =>
  createHttpImiClient({
    baseUrl: `${base}/api`,
    fetch: ((input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), [TEST_USER_HEADER]: user } })) as typeof fetch,
  })

const right = <A>(r: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right
}

/** The server still answers, with the same figures as before. */
const stillUp = async () => {
  const res = await fetch(`${base}/api/openapi.json`)
  expect(res.status).toBe(200)
  expect(((await res.json()) as { openapi: string }).openapi).toBe('3.1.0')
}

/** Writes raw bytes on a new socket and resolves with whatever comes back before the server closes it (or after `ms`). */
const raw = (chunks: ReadonlyArray<string | Buffer>, options: { readonly hangUpAfterWrite?: boolean; readonly ms?: number } = {}): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let got = ''
    const done = () => {
      socket.destroy()
      resolve(got)
    }
    socket.on('data', (d) => {
      got += d.toString('latin1')
    })
    socket.on('error', done)
    socket.on('close', done)
    socket.on('connect', () => {
      for (const c of chunks) socket.write(c)
      if (options.hangUpAfterWrite === true) socket.destroy()
    })
    setTimeout(done, options.ms ?? 1000)
  })

describe('createNodeListener on a real Node http server', () => {
  it('runs a request from draft to closure over a real socket, each caller seeing its view', async () => {
    const fr = clientOf(U.frHandler)
    const de = clientOf(U.deHandler)
    const { exchangeId } = right(await fr.execute(pqDraft()))
    right(await fr.execute({ type: 'request.send', exchangeId }))
    expect(right(await de.actions(exchangeId))).toContain('request.accept')
    right(await de.execute({ type: 'request.accept', exchangeId }))
    right(await de.execute({ type: 'request.add-message', exchangeId, text: { text: 'Wir prüfen den Fall.', language: 'de' } }))
    right(await de.execute({ type: 'request.reply', exchangeId, answers: [Q1, Q2].map((questionId) => ({ questionId, answerId: 'yes' })) }))
    const closed = right(await fr.execute({ type: 'request.close', exchangeId }))
    expect(closed.version).toBe(6)
    const view = right(await fr.view(exchangeId)) as ExchangeView<{ messages: ReadonlyArray<{ text: { text: string } }> }>
    expect(view.status).toBe('closed')
    expect(view.content?.messages.map((m) => m.text.text)).toEqual(['Wir prüfen den Fall.'])
    // What came over the socket is what the core says.
    const core = await s.app.view({ kind: 'user', userId: U.frHandler, authorityId: s.directory.user(U.frHandler)?.authorityId ?? ('' as never) }, exchangeId)
    expect(E.isRight(core) && JSON.parse(JSON.stringify(core.right))).toEqual(view)
    // An outsider learns nothing of it.
    const it = await fetch(`${base}/api/exchanges/${exchangeId}`, { headers: { [TEST_USER_HEADER]: U.itHandler } })
    expect(it.status).toBe(404)
    expect(((await it.json()) as { error: { code: string } }).error.code).toBe('exchange.not-found')
  })

  it('refuses a streamed body past the limit with 413, without a declared length, and stays up', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'x')
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit, were it all read: the server must stop well before.
        if (sent >= 64 * BODY_LIMIT) controller.close()
        else {
          sent += chunk.byteLength
          controller.enqueue(chunk)
        }
      },
    })
    const res = await fetch(`${base}/api/exchanges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TEST_USER_HEADER]: U.frHandler },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('http.too-large')
    expect(sent).toBeLessThan(64 * BODY_LIMIT)
    await stillUp()
  })

  it('refuses a declared length past the limit with 413 before any body arrives', async () => {
    const answer = await raw([
      `POST /api/exchanges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${10 * BODY_LIMIT}\r\n${TEST_USER_HEADER}: ${U.frHandler}\r\n\r\n{"type":`,
    ], { ms: 300 })
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toContain('"http.too-large"')
    await stillUp()
  })

  it('keeps serving the connection after refusing a large body it did not read (413, 401, 415)', async () => {
    const big = JSON.stringify({ type: 'request.create', pad: 'x'.repeat(20 * BODY_LIMIT) })
    const refusals: ReadonlyArray<readonly [number, Record<string, string>]> = [
      [413, { 'content-type': 'application/json', [TEST_USER_HEADER]: U.frHandler }],
      [401, { 'content-type': 'application/json' }],
      [415, { 'content-type': 'text/plain', [TEST_USER_HEADER]: U.frHandler }],
    ]
    for (const [status, headers] of refusals) {
      const refused = await fetch(`${base}/api/exchanges`, { method: 'POST', headers, body: big })
      expect(refused.status).toBe(status)
      // The connection that carried the refusal is closed rather than left behind the unread body.
      expect(refused.headers.get('connection')).toBe('close')
      await refused.text()
      // The next requests are answered at once, whichever connection the client picks.
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${base}/api/openapi.json`, { signal: AbortSignal.timeout(3000) })
        expect(res.status).toBe(200)
        await res.text()
      }
    }
  })

  it('answers HEAD with the status and headers of GET and no body', async () => {
    const head = await fetch(`${base}/api/openapi.json`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await head.text()).toBe('')
    const dashboard = await fetch(`${base}/api/dashboard`, { method: 'HEAD', headers: { [TEST_USER_HEADER]: U.frHandler } })
    expect(dashboard.status).toBe(200)
    expect(await dashboard.text()).toBe('')
    const anonymous = await fetch(`${base}/api/dashboard`, { method: 'HEAD' })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).toBe('')
    // On the wire: no body bytes after the headers.
    const wire = await raw([`HEAD /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`])
    expect(wire).toMatch(/^HTTP\/1\.1 200 /)
    expect(wire.split('\r\n\r\n')[1]).toBe('')
  })

  it('survives clients that hang up in the middle of a request', async () => {
    const drafts = async () => right(await s.client(U.frHandler).actionList()).length
    const draftsBefore = await drafts()
    // A complete draft: were a cut body taken for a whole one, it would be created.
    const draft = JSON.stringify({ type: 'request.create', legislativeArea: 'professional-qualifications' })
    const garbage = [
      // Headers cut short.
      [`POST /api/exchanges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty`],
      // A body shorter than its declared length, then gone.
      [`POST /api/exchanges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n${TEST_USER_HEADER}: ${U.frHandler}\r\n\r\n${draft}`],
      // A chunked body cut in the middle of a chunk.
      [`POST /api/exchanges HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n${TEST_USER_HEADER}: ${U.frHandler}\r\n\r\n${(draft.length + 10).toString(16)}\r\n${draft}`],
      // An upload cut short.
      [`POST /api/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 4000\r\n${TEST_USER_HEADER}: ${U.frHandler}\r\n\r\n`, Buffer.alloc(1000, 'a')],
      // A GET, gone before the answer is read.
      [`GET /api/dashboard HTTP/1.1\r\nHost: 127.0.0.1\r\n${TEST_USER_HEADER}: ${U.frHandler}\r\n\r\n`],
      // Not HTTP at all.
      ['\u0000\u0001\u0002 garbage\r\n\r\n'],
    ]
    for (let round = 0; round < 20; round++) await Promise.all(garbage.map((g) => raw(g, { hangUpAfterWrite: true, ms: 200 })))
    // A fetch aborted while its body is still streaming.
    for (let i = 0; i < 20; i++) {
      const controller = new AbortController()
      const slow = new ReadableStream<Uint8Array>({
        async pull(c) {
          c.enqueue(new TextEncoder().encode(draft))
          await new Promise((r) => setTimeout(r, 5))
          controller.abort()
        },
      })
      await fetch(`${base}/api/exchanges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TEST_USER_HEADER]: U.frHandler },
        body: slow,
        duplex: 'half',
        signal: controller.signal,
      } as RequestInit).catch(() => undefined)
    }
    // A response abandoned while it streams: a raw socket that reads nothing and goes away.
    await raw([`GET /api/openapi.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`], { hangUpAfterWrite: true, ms: 50 })
    await new Promise((r) => setTimeout(r, 200))
    await stillUp()
    expect(uncaught).toEqual([])
    // Nothing half-read was executed as a command.
    expect(await drafts()).toBe(draftsBefore)
    // The same draft, sent whole, is created: what the hang-ups sent would have counted.
    const whole = await fetch(`${base}/api/exchanges`, { method: 'POST', headers: { 'content-type': 'application/json', [TEST_USER_HEADER]: U.frHandler }, body: draft })
    expect(whole.status).toBe(201)
    expect(await drafts()).toBe(draftsBefore + 1)
    console.log(`node: ${20 * garbage.length} raw connections cut short, 20 fetches aborted mid-body, ${clientErrors.length} client errors answered by Node, ${uncaught.length} uncaught errors; server up`)
    const dashboard = await fetch(`${base}/api/dashboard`, { headers: { [TEST_USER_HEADER]: U.frHandler } })
    expect(dashboard.status).toBe(200)
  })

  it('reads a request through a plain node:http client, with the body sent in chunks', async () => {
    const body = JSON.stringify(pqDraft())
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpRequest(`${base}/api/exchanges`, { method: 'POST', headers: { 'content-type': 'application/json', [TEST_USER_HEADER]: U.frHandler } }, (res: IncomingMessage) => {
        let text = ''
        res.on('data', (d: Buffer) => {
          text += d.toString()
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      })
      req.on('error', reject)
      for (let i = 0; i < body.length; i += 50) req.write(body.slice(i, i + 50))
      req.end()
    })
    expect(answer.status).toBe(201)
    expect((JSON.parse(answer.text) as { version: number }).version).toBe(1)
  })
})

describe('Node binding: cookies', () => {
  it('keeps every Set-Cookie header of a response (the session and the CSRF cookie of a login)', async () => {
    const handler = async () => {
      const res = new Response('{}', { headers: { 'content-type': 'application/json' } })
      res.headers.append('set-cookie', '__Host-imi-session=a; HttpOnly; Secure; SameSite=Strict; Path=/')
      res.headers.append('set-cookie', '__Host-imi-csrf=b; Secure; SameSite=Strict; Path=/')
      return res
    }
    const server = createServer(createNodeListener(handler))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const res = await fetch(`http://127.0.0.1:${port}/api/login/complete`)
      expect(res.headers.getSetCookie()).toEqual([
        '__Host-imi-session=a; HttpOnly; Secure; SameSite=Strict; Path=/',
        '__Host-imi-csrf=b; Secure; SameSite=Strict; Path=/',
      ])
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
