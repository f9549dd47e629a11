import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { pqDraft } from '@imi-kit/core/testing'
import type { Handler, Started } from './http-server.js'
import { createHandler, startExpress, startFastify, startHono, startNode } from './http-server.js'

const FRAMEWORKS: ReadonlyArray<readonly [string, (handler: Handler, port?: number) => Promise<Started>]> = [
  ['Node http', startNode],
  ['Express', startExpress],
  ['Fastify', startFastify],
  ['Hono', startHono],
]

const camille = { authorization: 'Bearer demo-camille' }

describe('guide: the HTTP API under Node http, Express, Fastify and Hono', () => {
  it.each(FRAMEWORKS)('%s serves the API: the OpenAPI document, authenticated routes, streamed bodies', async (_name, start) => {
    const server = await start(createHandler(), 0)
    try {
      const doc = await fetch(`${server.url}/api/openapi.json`)
      expect(doc.status).toBe(200)
      expect(((await doc.json()) as { openapi: string }).openapi).toBe('3.1.0')

      expect((await fetch(`${server.url}/api/me`)).status).toBe(401)
      const me = await fetch(`${server.url}/api/me`, { headers: camille })
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({ kind: 'user', userId: 'fr-ca-handler', authorityId: 'fr-ordre-medecins' })

      // A body reaches the handler unread by the framework: a draft is created...
      const created = await fetch(`${server.url}/api/exchanges`, { method: 'POST', headers: { ...camille, 'content-type': 'application/json' }, body: JSON.stringify(pqDraft()) })
      expect(created.status).toBe(201)
      const { exchangeId } = (await created.json()) as { exchangeId: string }
      const view = await fetch(`${server.url}/api/exchanges/${exchangeId}`, { headers: camille })
      expect(((await view.json()) as { status: string }).status).toBe('draft')
      // ...and the handler's own limit refuses a body past it, with its typed error.
      const big = await fetch(`${server.url}/api/exchanges`, { method: 'POST', headers: { ...camille, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'request.create', pad: 'x'.repeat(200_000) }) })
      expect(big.status).toBe(413)
      expect(((await big.json()) as { error: { code: string } }).error.code).toBe('http.too-large')
      // Malformed JSON is the handler's answer too, not the framework's.
      const bad = await fetch(`${server.url}/api/exchanges`, { method: 'POST', headers: { ...camille, 'content-type': 'application/json' }, body: '{"type":' })
      expect(bad.status).toBe(400)
      expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('http.bad-json')

      const head = await fetch(`${server.url}/api/openapi.json`, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(await head.text()).toBe('')
    } finally {
      await server.close()
    }
  })

  it('prints in the guide exactly the code the suite runs', () => {
    const code = readFileSync(new URL('./http-server.ts', import.meta.url), 'utf8').trim()
    const guide = readFileSync(new URL('./http-server.md', import.meta.url), 'utf8')
    expect(guide).toContain(code)
  })
})
