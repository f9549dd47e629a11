/**
 * Reports over HTTP with the real handler: generated on a request, kept 30 days in the owner's
 * activity panel, served as a printable page to their owner only, gone with the request's personal
 * data, and swept by the worker once expired.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { ExchangeId, ReportListing, ReportRecord, UserId } from '@imi-kit/core'
import { SYSTEM, fixedClock, reportExpiresAt } from '@imi-kit/core'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import { U, freeText, pqDraft, standardAnswers } from '@imi-kit/core/testing'
import { createRecordingMailer } from '../mail/mailer.js'
import type { TestServer } from '../testing/test-server.js'
import { createTestServer } from '../testing/test-server.js'
import { createWorker } from '../worker/worker.js'

const SENTINEL = 'zq-http-report-2b7e'

const draft = () =>
  pqDraft({
    caseData: { name: `Jean ${SENTINEL}`, 'date-of-birth': '1980-05-17', profession: 'Médecin', reference: 'DOS-42' },
    attachments: [{ fileName: `diplome-${SENTINEL}.pdf`, mediaType: 'application/pdf', size: 1024, contentRef: 'blob:diplome', relevance: 'evidence-of-qualifications' }],
  })

const ok = async (res: Response, status = 200): Promise<unknown> => {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return res.headers.get('content-type')?.startsWith('application/json') === true ? JSON.parse(text) : text
}

const run = async (s: TestServer, user: UserId, command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await s.client(user).execute(command)
  if (E.isLeft(r)) throw new Error(`${String(command.type)} refused: ${r.left.code}`)
  return r.right.exchangeId
}

/** A request replied by the German authority; closed when asked. */
const request = async (s: TestServer, close = false): Promise<ExchangeId> => {
  const id = await run(s, U.frHandler, draft())
  await run(s, U.frHandler, { type: 'request.send', exchangeId: id })
  await run(s, U.deHandler, { type: 'request.accept', exchangeId: id })
  await run(s, U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
  await run(s, U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Merci.') })
  if (close) await run(s, U.frHandler, { type: 'request.close', exchangeId: id })
  return id
}

const create = async (s: TestServer, user: UserId, id: ExchangeId, body: unknown): Promise<ReportListing> =>
  (await ok(await s.request(user, 'POST', `/api/exchanges/${id}/reports`, body), 201)) as ReportListing

const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; ruleId?: string } }).error })

describe('reports over HTTP', () => {
  it('[SRCH-REPORT-SAVE-PRINT][SRCH-REPORT-30-DAYS] generates a report, lists it in the activity panel and serves it as a printable page or as its document', async () => {
    const s = createTestServer()
    const id = await request(s)
    const options = (await ok(await s.request(U.frHandler, 'GET', `/api/exchanges/${id}/report-kinds`))) as { kinds: string[]; personalData: boolean }
    expect(options.kinds).toEqual(['FULL_WITH_PERSONAL_DATA', 'FULL_WITHOUT_PERSONAL_DATA', 'CUSTOM', 'FOR_DATA_SUBJECT', 'CONSENT_FORM'])
    const listing = await create(s, U.frHandler, id, { kind: 'CONSENT_FORM', language: 'fr' })
    expect(listing).toMatchObject({ exchangeId: id, kind: 'CONSENT_FORM', language: 'fr', containsPersonalData: true, createdAt: s.clock.now().toISOString() })
    expect(listing.expiresAt).toBe(reportExpiresAt(listing.createdAt))
    expect(JSON.stringify(listing)).not.toContain(SENTINEL)
    expect(await ok(await s.request(U.frHandler, 'GET', '/api/reports'))).toEqual({ items: [listing] })

    const page = await s.request(U.frHandler, 'GET', `/api/reports/${listing.id}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain(`Jean ${SENTINEL}`)
    expect(html).toContain('Consentement à l’échange de données personnelles')

    // The HTTP client reads the structured document.
    const client = s.client(U.frHandler)
    const record = await client.report(listing.id)
    expect(E.isRight(record) && record.right.document.sections.at(-1)?.id).toBe('consent')
    const listed = await client.reports()
    expect(E.isRight(listed) && listed.right.map((r) => r.id)).toEqual([listing.id])
    expect(client.reportUrl(listing.id)).toBe(`http://imi.test/api/reports/${listing.id}`)
  })

  it('serves and deletes a report for its owner only', async () => {
    const s = createTestServer()
    const id = await request(s)
    const mine = await create(s, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })
    for (const other of [U.frHandler2, U.deHandler, U.itHandler]) {
      expect(await errorOf(await s.request(other, 'GET', `/api/reports/${mine.id}`))).toMatchObject({ status: 404, code: 'report.not-found' })
      expect(await errorOf(await s.request(other, 'DELETE', `/api/reports/${mine.id}`))).toMatchObject({ status: 404, code: 'report.not-found' })
      expect(await ok(await s.request(other, 'GET', '/api/reports'))).toEqual({ items: [] })
    }
    expect(await ok(await s.request(U.frHandler, 'DELETE', `/api/reports/${mine.id}`))).toEqual({ deleted: true })
    expect((await s.request(U.frHandler, 'GET', `/api/reports/${mine.id}`)).status).toBe(404)
    expect((await s.request(undefined, 'GET', '/api/reports')).status).toBe(401)
  })

  it('[SRCH-REPORT-NO-ROLE][SRCH-REPORT-VIEWER-NO-PD][RET-SUBJECT-REPORT-PD-USERS] refuses what the caller may not produce, with the rule', async () => {
    const s = createTestServer()
    const id = await request(s)
    // Another state's authority does not even learn that the request exists.
    expect(await errorOf(await s.request(U.itHandler, 'POST', `/api/exchanges/${id}/reports`, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))).toMatchObject({ status: 404, code: 'exchange.not-found' })
    expect(await errorOf(await s.request(U.fr2Handler, 'POST', `/api/exchanges/${id}/reports`, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))).toMatchObject({
      status: 403,
      code: 'report.not-allowed',
      ruleId: 'SRCH-REPORT-NO-ROLE',
    })
    expect(await errorOf(await s.request(U.frViewer, 'POST', `/api/exchanges/${id}/reports`, { kind: 'FULL_WITH_PERSONAL_DATA' }))).toMatchObject({
      status: 403,
      code: 'report.kind-not-allowed',
      ruleId: 'SRCH-REPORT-VIEWER-NO-PD',
    })
    expect(await errorOf(await s.request(U.frViewer, 'POST', `/api/exchanges/${id}/reports`, { kind: 'FOR_DATA_SUBJECT' }))).toMatchObject({
      status: 403,
      code: 'report.kind-not-allowed',
      ruleId: 'RET-SUBJECT-REPORT-PD-USERS',
    })
    expect(await errorOf(await s.request(U.frHandler, 'POST', `/api/exchanges/${id}/reports`, { kind: 'CUSTOM' }))).toMatchObject({ status: 422, code: 'report.parts-required' })
    expect(await errorOf(await s.request(U.frHandler, 'POST', `/api/exchanges/${id}/reports`, { kind: 'nonsense' }))).toMatchObject({ status: 400, code: 'report.invalid' })
    expect(await errorOf(await s.request(U.frHandler, 'POST', `/api/exchanges/${id}/reports`, '{'))).toMatchObject({ status: 400, code: 'http.bad-json' })
    // A viewer's report holds no personal data.
    const plain = await create(s, U.frViewer, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })
    expect(await (await s.request(U.frViewer, 'GET', `/api/reports/${plain.id}`)).text()).not.toContain(SENTINEL)
  })

  it('[RET-BLOCKED-NO-USER-ACCESS][RET-PD-REPORTS-AFTER-PURGE] a report holding personal data is gone once the request’s personal data is blocked, then erased; one without stays', async () => {
    const s = createTestServer()
    const id = await request(s, true)
    const personal = await create(s, U.frHandler, id, { kind: 'FULL_WITH_PERSONAL_DATA' })
    const subject = await create(s, U.deHandler, id, { kind: 'FOR_DATA_SUBJECT', language: 'en' })
    const plain = await create(s, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })
    expect((await s.request(U.frHandler, 'GET', `/api/reports/${personal.id}`)).status).toBe(200)
    // Blocked: the data stays stored, but no user reads it through a report; the report is deleted.
    expect(E.isRight(await s.app.execute(SYSTEM, { type: 'request.block-personal-data', exchangeId: id }))).toBe(true)
    expect(await errorOf(await s.request(U.frHandler, 'GET', `/api/reports/${personal.id}`))).toMatchObject({
      status: 410,
      code: 'report.personal-data-unavailable',
      ruleId: 'RET-BLOCKED-NO-USER-ACCESS',
    })
    expect((await s.request(U.frHandler, 'GET', `/api/reports/${personal.id}`)).status).toBe(404)
    expect(((await ok(await s.request(U.deHandler, 'GET', '/api/reports'))) as { items: unknown[] }).items).toEqual([])
    expect(await s.storage.reports?.get(subject.id, s.clock.now())).toBeUndefined()
    expect(await errorOf(await s.request(U.frHandler, 'POST', `/api/exchanges/${id}/reports`, { kind: 'CONSENT_FORM' }))).toMatchObject({ status: 403, ruleId: 'RET-SUBJECT-REPORT-PD-USERS' })
    // Erased: the storage keeps no report with personal data of the request.
    const stored = s.storage.reports
    expect(E.isRight(await s.app.execute(SYSTEM, { type: 'request.erase-personal-data', exchangeId: id }))).toBe(true)
    expect(await stored?.get(personal.id, s.clock.now())).toBeUndefined()
    const html = await (await s.request(U.frHandler, 'GET', `/api/reports/${plain.id}`)).text()
    expect(html).toContain('Médecin')
    expect(html).not.toContain(SENTINEL)
  })

  it('[RET-PD-REPORTS-AFTER-PURGE] a report with personal data made before erasure cannot be read from storage after it', async () => {
    const s = createTestServer()
    const id = await request(s, true)
    const personal = await create(s, U.frHandler, id, { kind: 'CUSTOM', parts: ['subject-personal-data'] })
    const record = (await s.storage.reports?.get(personal.id, s.clock.now())) as ReportRecord
    expect(JSON.stringify(record.document)).toContain(SENTINEL)
    await s.app.execute(SYSTEM, { type: 'request.block-personal-data', exchangeId: id })
    await s.app.execute(SYSTEM, { type: 'request.erase-personal-data', exchangeId: id })
    expect(await s.storage.reports?.get(personal.id, s.clock.now())).toBeUndefined()
    expect(await s.storage.reports?.listFor(U.frHandler, s.clock.now())).toEqual([])
  })

  it('[SRCH-REPORT-EXPIRED-DELETED][SRCH-REPORT-30-DAYS] the worker deletes a report once its 30 days are over: not one instant before', async () => {
    const s = createTestServer()
    const id = await request(s)
    const r = await create(s, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })
    const worker = createWorker({ app: s.app, storage: s.storage, directory: () => s.directory, mailer: createRecordingMailer(), clock: s.clock, baseUrl: 'https://imi.example.org' })
    await worker.runOnce()
    const end = Date.parse(r.expiresAt)
    // One instant before: still there, and the worker leaves it.
    s.clock.set(new Date(end - 1))
    expect((await worker.runOnce()).reportsDeleted).toBe(0)
    expect((await s.request(U.frHandler, 'GET', `/api/reports/${r.id}`)).status).toBe(200)
    expect(((await ok(await s.request(U.frHandler, 'GET', '/api/reports'))) as { items: unknown[] }).items).toHaveLength(1)
    // At the instant: no longer available, and deleted by the next run.
    s.clock.set(new Date(end))
    expect((await s.request(U.frHandler, 'GET', `/api/reports/${r.id}`)).status).toBe(404)
    expect(await ok(await s.request(U.frHandler, 'GET', '/api/reports'))).toEqual({ items: [] })
    expect((await worker.runOnce()).reportsDeleted).toBe(1)
    // After: nothing left, even for a clock set back.
    s.clock.set(new Date(end + 60_000))
    expect((await worker.runOnce()).reportsDeleted).toBe(0)
    s.clock.set(new Date(end - 1))
    expect((await s.request(U.frHandler, 'GET', `/api/reports/${r.id}`)).status).toBe(404)
  })
})

describe('a server that keeps no reports', () => {
  it('answers every report route with report.not-configured, and writes nothing', async () => {
    const { reports: _kept, ...withoutReports } = createMemoryStorage({ clock: fixedClock(new Date('2026-03-02T09:00:00Z')) })
    const s = createTestServer({ storage: withoutReports })
    const id = await (async () => {
      const r = await s.client(U.frHandler).execute(pqDraft())
      return E.isRight(r) ? r.right.exchangeId : ('' as ExchangeId)
    })()
    const calls: ReadonlyArray<[string, string, unknown?]> = [
      ['GET', `/api/exchanges/${id}/report-kinds`],
      ['POST', `/api/exchanges/${id}/reports`, { kind: 'FULL_WITHOUT_PERSONAL_DATA', language: 'en' }],
      ['GET', '/api/reports'],
      ['GET', '/api/reports/r-1'],
      ['DELETE', '/api/reports/r-1'],
    ]
    for (const [method, path, body] of calls) {
      const r = await s.request(U.frHandler, method, path, body)
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400)
      expect(((await r.json()) as { error?: { code?: string } }).error?.code, `${method} ${path}`).toBe('report.not-configured')
    }
  })
})
