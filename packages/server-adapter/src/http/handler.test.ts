import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { ExchangeId, ExchangeView } from '@imi-kit/core'
import { A, U, alertDraft, pqDraft } from '@imi-kit/core/testing'
import { createTestServer } from '../testing/test-server.js'
import { ROUTES } from './routes.js'

const right = <A>(r: E.Either<{ code: string; message: string }, A>): A => {
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right
}

const sentRequest = async () => {
  const s = createTestServer()
  const fr = s.client(U.frHandler)
  const { exchangeId } = right(await fr.execute(pqDraft({ caseData: { name: 'Jean Dupont', profession: 'Médecin' } })))
  right(await fr.execute({ type: 'request.send', exchangeId }))
  return { s, id: exchangeId }
}

describe('HTTP API', () => {
  it('serves an OpenAPI document with exactly the routes of the router', async () => {
    const s = createTestServer()
    const doc = (await (await s.request(undefined, 'GET', '/api/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> }
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => `${m.toUpperCase()} ${p} ${op.operationId}`))
    const routed = ROUTES.map((r) => `${r.method} /api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')} ${r.operationId}`)
    expect(documented.sort()).toEqual(routed.sort())
    // Every documented route answers as a route: never "no such route" or "wrong method".
    for (const r of ROUTES) {
      const path = `/api${r.path.replace(':id', 'x-1').replace(':attachmentId', 'a-1')}`
      const res = await s.request(U.frHandler, r.method, path, r.method === 'POST' ? {} : undefined)
      const body = (await res.json().catch(() => ({}))) as { error?: { code?: string } }
      expect([body.error?.code, res.status], `${r.method} ${path}`).not.toEqual(['http.not-found', 404])
      expect(res.status, `${r.method} ${path}`).not.toBe(405)
      expect(res.status, `${r.method} ${path}`).toBeLessThan(500)
    }
  })

  it('[REQ-PREACCEPT-NO-PD] runs a request from draft to closure over HTTP, showing each caller only its view', async () => {
    const { s, id } = await sentRequest()
    const de = s.client(U.deHandler)
    const before = right(await de.view(id)) as ExchangeView<{ caseData: Record<string, unknown> }>
    expect(before.content?.caseData.name).toEqual({ redacted: 'personal-data' })
    expect(right(await de.actions(id))).toContain('request.accept')
    right(await de.execute({ type: 'request.accept', exchangeId: id }))
    const after = right(await de.view(id)) as ExchangeView<{ caseData: Record<string, unknown> }>
    expect(after.content?.caseData.name).toBe('Jean Dupont')
    const loaded = await s.app.load(id)
    expect(E.isRight(loaded) && (loaded.right.state as { status: string }).status).toBe('accepted')
  })

  it('answers with exactly the core’s view and available actions for every fixture user', async () => {
    const { s, id } = await sentRequest()
    const loaded = await s.app.load(id)
    if (E.isLeft(loaded)) throw new Error('not loaded')
    for (const user of Object.values(U)) {
      const res = await s.request(user, 'GET', `/api/exchanges/${id}`)
      const expected = await s.app.view({ kind: 'user', userId: user, authorityId: s.directory.user(user)?.authorityId ?? A.frCa }, id)
      if (E.isLeft(expected)) expect(res.status, user).toBe(404)
      else expect(await res.json(), user).toEqual(JSON.parse(JSON.stringify(expected.right)))
      const actions = await s.request(user, 'GET', `/api/exchanges/${id}/actions`)
      const core = await s.app.availableActions({ kind: 'user', userId: user, authorityId: s.directory.user(user)?.authorityId ?? A.frCa }, id)
      if (E.isLeft(core)) expect(actions.status, user).toBe(404)
      else expect(((await actions.json()) as { actions: unknown }).actions, user).toEqual(core.right)
    }
  })

  it('refuses a command the core refuses, with the rule id, and changes nothing', async () => {
    const { s, id } = await sentRequest()
    const res = await s.request(U.deViewer, 'POST', `/api/exchanges/${id}/commands`, { type: 'request.accept' })
    expect(res.status).toBe(403)
    const body = (await res.json()) as { error: { code: string; ruleId?: string } }
    expect(body.error.code).toBe('request.read-only')
    expect(body.error.ruleId).toBe('ACT-REQ-VIEWER-READ-ONLY')
    const loaded = await s.app.load(id as ExchangeId)
    expect(E.isRight(loaded) && loaded.right.events.length).toBe(2)
  })

  it.each([
    ['malformed JSON', 'POST', '/api/exchanges', '{"type":', 400, 'http.bad-json'],
    ['a command of the wrong shape', 'POST', '/api/exchanges', { type: 'request.create', legislativeArea: 42 }, 400, 'command.invalid'],
    ['an unknown command', 'POST', '/api/exchanges', { type: 'nothing.at-all' }, 400, 'command.unknown'],
    ['an unknown route', 'GET', '/api/nowhere', undefined, 404, 'http.not-found'],
    ['a path outside the API', 'GET', '/elsewhere', undefined, 404, 'http.not-found'],
    ['a wrong method', 'DELETE', '/api/dashboard', undefined, 405, 'http.method-not-allowed'],
    ['a forged exchange id', 'GET', '/api/exchanges/forged-123', undefined, 404, 'exchange.not-found'],
    ['a bad search limit', 'GET', '/api/search?limit=5000', undefined, 400, 'search.invalid'],
    ['a forged cursor', 'GET', '/api/search?after=not-a-cursor', undefined, 400, 'search.bad-cursor'],
  ])('answers %s with its status and a typed error', async (_what, method, path, body, status, code) => {
    const s = createTestServer()
    const res = await s.request(U.frHandler, method, path, body)
    expect(res.status).toBe(status)
    const json = (await res.json()) as { error: { code: string; message: string } }
    expect(json.error.code).toBe(code)
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+|Error:|stack/i)
  })

  it('asks for sign-in, and hides other authorities’ exchanges as not found', async () => {
    const { s, id } = await sentRequest()
    expect((await s.request(undefined, 'GET', '/api/dashboard')).status).toBe(401)
    const other = await s.request(U.itHandler, 'GET', `/api/exchanges/${id}`)
    expect(other.status).toBe(404)
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('exchange.not-found')
  })

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const s = createTestServer({ limits: { bodyBytes: 1000 } })
    const res = await s.request(U.frHandler, 'POST', '/api/exchanges', JSON.stringify({ type: 'request.create', pad: 'x'.repeat(5000) }))
    expect(res.status).toBe(413)
  })

  it('searches, lists and counts for the caller only, with the status each caller sees', async () => {
    const s = createTestServer()
    const fr = s.client(U.frAlertHandler)
    const { exchangeId } = right(await fr.execute(alertDraft({ establishment: 'DE' })))
    right(await fr.execute({ type: 'alert.submit', exchangeId }))
    const b = s.client(U.frNimicBroadcaster)
    right(await b.execute({ type: 'alert.accept', exchangeId }))
    right(await b.execute({ type: 'alert.broadcast', exchangeId }))
    const it = s.client(U.itNimicBroadcaster)
    const page = right(await it.search({ sort: 'updated-desc', limit: 10, procedure: 'services.alert' }))
    expect(page.items.map((i) => [i.exchangeId, i.displayedStatus])).toEqual([[exchangeId, 'awaiting-acknowledgement']])
    expect(right(await it.actionList()).map((i) => i.exchangeId)).toEqual([exchangeId])
    expect(right(await s.client(U.frHandler).search({ sort: 'updated-desc', limit: 10, procedure: 'services.alert' })).items).toEqual([])
    const dash = right(await it.dashboard())
    expect(dash.updatedRecently).toBe(1)
  })

  it('searches the directory of authorities', async () => {
    const s = createTestServer()
    const items = right(await s.client(U.frHandler).authorities({ memberState: 'DE', workflow: 'alert' }))
    expect(items.map((a) => a.id).sort()).toEqual([A.deCa, A.deCa2, A.deDimic, A.deNimic].sort())
    expect(items.find((a) => a.id === A.deNimic)?.areas.find((l) => l.alert !== undefined)?.incomingAlertMailbox).toBe(true)
  })

  it('uploads attachments within the type and size limits, and serves them only to those who see them', async () => {
    const s = createTestServer({ limits: { attachmentBytes: 64 } })
    const fr = s.client(U.frHandler)
    const refused = await s.request(U.frHandler, 'POST', '/api/attachments', 'MZ\u0090', { 'content-type': 'application/x-msdownload' })
    expect(refused.status).toBe(415)
    const big = await s.request(U.frHandler, 'POST', '/api/attachments', 'x'.repeat(200), { 'content-type': 'text/plain' })
    expect(big.status).toBe(413)
    const up = right(await fr.upload(new Blob(['Diplôme de Jean Dupont'], { type: 'text/plain' })))
    expect(up.size).toBe(Buffer.byteLength('Diplôme de Jean Dupont'))
    const { exchangeId } = right(
      await fr.execute(pqDraft({ caseData: { name: 'Jean Dupont', profession: 'Médecin' }, attachments: [{ fileName: 'diplome.txt', mediaType: 'text/plain', size: up.size, contentRef: up.contentRef, relevance: 'evidence-of-qualifications' }] })),
    )
    right(await fr.execute({ type: 'request.send', exchangeId }))
    const view = right(await fr.view(exchangeId)) as ExchangeView<{ attachments: ReadonlyArray<{ id: string }> }>
    const attachmentId = view.content?.attachments[0]?.id ?? ''
    const mine = await s.request(U.frHandler, 'GET', `/api/exchanges/${exchangeId}/attachments/${attachmentId}`)
    expect(mine.status).toBe(200)
    expect(await mine.text()).toBe('Diplôme de Jean Dupont')
    // Before acceptance, the addressee does not see attachments (REQ-PD-HIDDEN-BEFORE-ACCEPT).
    const theirs = await s.request(U.deHandler, 'GET', `/api/exchanges/${exchangeId}/attachments/${attachmentId}`)
    expect(theirs.status).toBe(404)
  })
})
