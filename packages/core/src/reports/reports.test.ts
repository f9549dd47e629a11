/**
 * Request reports (spec §6.16, §11.4): who may produce which kind, what each kind holds, and the
 * data-subject facilities. Examples per rule, on the fixture world.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { ExchangeId, ReportDocument, ReportInput, RequestState, UserId } from '../index.js'
import {
  REPORT_KINDS,
  ReportInputCodec,
  SYSTEM,
  allowedReportKinds,
  buildReport,
  isReportAvailable,
  renderReportHtml,
  reportExpiresAt,
  reportPermissions,
  viewerOf,
} from '../index.js'
import type { RequestHarness } from '../testing/index.js'
import { A, U, acceptedRequest, cmd, createRequest, freeText, pqDraft, repliedRequest, requestHarness, sendRequest, standardAnswers } from '../testing/index.js'

/** Put in every personal-data field and attachment of the requests below. */
const SENTINEL = 'zq-report-sentinel-51c2'

const sentinelDraft = () =>
  pqDraft({
    caseData: { name: `Jean ${SENTINEL}`, 'date-of-birth': `1980-05-17 ${SENTINEL}`, profession: 'Médecin', reference: 'DOS-42' },
    attachments: [{ fileName: `diplome-${SENTINEL}.pdf`, mediaType: 'application/pdf', size: 1024, contentRef: `blob:${SENTINEL}`, relevance: 'evidence-of-qualifications' }],
  })

const actor = (h: RequestHarness, u: UserId) => ({ kind: 'user' as const, userId: u, authorityId: h.directory.user(u)?.authorityId ?? A.frCa })

const build = (h: RequestHarness, as: UserId, id: ExchangeId, input: ReportInput | Record<string, unknown>) =>
  buildReport({ state: h.state(id), who: actor(h, as), directory: h.directory, now: h.now, input })

const report = (h: RequestHarness, as: UserId, id: ExchangeId, input: ReportInput | Record<string, unknown>): ReportDocument => {
  const r = build(h, as, id, input)
  if (E.isLeft(r)) throw new Error(`report refused: ${r.left.code} ${r.left.ruleId ?? ''} ${r.left.message}`)
  return r.right
}

const refusal = (h: RequestHarness, as: UserId, id: ExchangeId, input: ReportInput | Record<string, unknown>) => {
  const r = build(h, as, id, input)
  return E.isLeft(r) ? { code: r.left.code, ruleId: r.left.ruleId } : undefined
}

const kinds = (h: RequestHarness, as: UserId, id: ExchangeId) => allowedReportKinds(actor(h, as), h.state(id), h.directory, h.now)

const NO_PD_KINDS = ['FULL_WITHOUT_PERSONAL_DATA', 'CUSTOM']

/** A replied request full of the sentinel, with a message from each side. */
const repliedWithSentinel = (h: RequestHarness): ExchangeId => {
  const id = repliedRequest(h, sentinelDraft())
  h.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', 'Merci pour votre réponse rapide.') }))
  return id
}

const closed = (h: RequestHarness): ExchangeId => {
  const id = repliedWithSentinel(h)
  h.ok(U.frHandler, cmd('request.close', id))
  return id
}

describe('report kinds', () => {
  it('[SRCH-REPORT-KINDS] five kinds exist, and only those are accepted', () => {
    expect(REPORT_KINDS).toEqual(['FULL_WITH_PERSONAL_DATA', 'FULL_WITHOUT_PERSONAL_DATA', 'CUSTOM', 'FOR_DATA_SUBJECT', 'CONSENT_FORM'])
    for (const kind of REPORT_KINDS) expect(E.isRight(ReportInputCodec.decode({ kind }))).toBe(true)
    expect(E.isRight(ReportInputCodec.decode({ kind: 'CERTIFIED' }))).toBe(false)
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    expect(refusal(h, U.frHandler, id, { kind: 'EVERYTHING' })).toEqual({ code: 'report.invalid', ruleId: undefined })
  })
})

describe('who may produce which report', () => {
  it('[SRCH-REPORT-HANDLER-ALL] a request handler of either participating authority may produce all five kinds', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    expect(kinds(h, U.frHandler, id)).toEqual(REPORT_KINDS)
    expect(kinds(h, U.deHandler, id)).toEqual(REPORT_KINDS)
    for (const kind of REPORT_KINDS) {
      const input = kind === 'CUSTOM' ? { kind, parts: ['subject-personal-data'] } : { kind }
      expect(report(h, U.deHandler, id, input).containsPersonalData).toBe(kind !== 'FULL_WITHOUT_PERSONAL_DATA')
    }
  })

  it('[SRCH-REPORT-ANY-STAGE] reports are produced on a draft, while the request runs and after its closure', () => {
    const h = requestHarness()
    const draft = createRequest(h, sentinelDraft())
    expect(h.state(draft).status).toBe('draft')
    expect(kinds(h, U.frHandler, draft)).toEqual(REPORT_KINDS)
    expect(report(h, U.frHandler, draft, { kind: 'FULL_WITH_PERSONAL_DATA' }).sections.map((s) => s.id)).toContain('subject-personal-data')
    const sent = sendRequest(h, sentinelDraft())
    expect(E.isRight(build(h, U.frHandler, sent, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))).toBe(true)
    const done = closed(h)
    expect(h.state(done).status).toBe('closed')
    expect(kinds(h, U.frHandler, done)).toEqual(REPORT_KINDS)
    const doc = report(h, U.frHandler, done, { kind: 'FULL_WITH_PERSONAL_DATA', language: 'en' })
    expect(doc.sections.find((s) => s.id === 'general')?.rows).toEqual(expect.arrayContaining([{ label: 'Status', value: 'Closed' }, { label: 'Reason for closure', value: 'Reply accepted' }]))
  })

  it('[SRCH-REPORT-VIEWER-NO-PD] users holding only viewer or allocator rights produce only reports without personal data', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    for (const u of [U.frViewer, U.frAllocator, U.deViewer, U.deAllocator]) {
      expect(kinds(h, u, id)).toEqual(NO_PD_KINDS)
      expect(refusal(h, u, id, { kind: 'FULL_WITH_PERSONAL_DATA' })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'SRCH-REPORT-VIEWER-NO-PD' })
      expect(JSON.stringify(report(h, u, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))).not.toContain(SENTINEL)
    }
  })

  it('[SRCH-REPORT-COORD-NO-PD][RET-ADMIN-FUNCTIONS-NO-PD] a linked request coordinator produces reports on the requests it coordinates, never with personal data', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    for (const u of [U.frNimicReferee, U.deNimicReferee, U.frNimicAllocator]) {
      expect(kinds(h, u, id)).toEqual(NO_PD_KINDS)
      expect(reportPermissions(actor(h, u), h.state(id), h.directory, h.now).withheld?.ruleId).toBe('SRCH-REPORT-COORD-NO-PD')
      expect(refusal(h, u, id, { kind: 'CUSTOM', parts: ['subject', 'subject-personal-data'] })).toEqual({ code: 'report.part-not-allowed', ruleId: 'SRCH-REPORT-CUSTOM-PD' })
      const html = renderReportHtml(report(h, u, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))
      expect(html).not.toContain(SENTINEL)
      expect(html).toContain('Keine Untersagung bekannt.')
    }
  })

  it('[SRCH-REPORT-NO-ROLE][RET-PD-PARTICIPANTS-ONLY] a user without access to the request’s content produces no report at all', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    // Another state's handler, a same-state handler (metadata only), a local data administrator (metadata only).
    for (const u of [U.itHandler, U.fr2Handler, U.frLda, U.de2Handler]) {
      expect(kinds(h, u, id)).toEqual([])
      expect(refusal(h, u, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })).toEqual({ code: 'report.not-allowed', ruleId: 'SRCH-REPORT-NO-ROLE' })
    }
    // Not the system, the Commission or the helpdesk either.
    for (const viewer of [{ kind: 'commission' } as const, { kind: 'helpdesk' } as const]) expect(allowedReportKinds(viewer, h.state(id), h.directory, h.now)).toEqual([])
    expect(allowedReportKinds(SYSTEM, h.state(id), h.directory, h.now)).toEqual([])
  })

  it('[RET-SUBJECT-REPORT-PD-USERS] only users with personal-data access produce the data-subject report or the consent form', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    for (const u of [U.frViewer, U.frAllocator, U.frNimicReferee])
      for (const kind of ['FOR_DATA_SUBJECT', 'CONSENT_FORM'])
        expect(refusal(h, u, id, { kind })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'RET-SUBJECT-REPORT-PD-USERS' })
    const pending = sendRequest(h, sentinelDraft())
    expect(refusal(h, U.deHandler, pending, { kind: 'FOR_DATA_SUBJECT' })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'RET-SUBJECT-REPORT-PD-USERS' })
    expect(report(h, U.frHandler, pending, { kind: 'FOR_DATA_SUBJECT' }).containsPersonalData).toBe(true)
  })
})

describe('personal data in reports over the life of a request', () => {
  it('[RET-PD-REPORTS-AFTER-PURGE] personal-data kinds are unavailable on the responding side before acceptance and once the personal data is erased', () => {
    const h = requestHarness()
    const id = sendRequest(h, sentinelDraft())
    expect(kinds(h, U.deHandler, id)).toEqual(NO_PD_KINDS)
    expect(refusal(h, U.deHandler, id, { kind: 'FULL_WITH_PERSONAL_DATA' })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'RET-PD-REPORTS-AFTER-PURGE' })
    expect(renderReportHtml(report(h, U.deHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))).not.toContain(SENTINEL)
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(kinds(h, U.deHandler, id)).toEqual(REPORT_KINDS)

    const done = closed(h)
    h.ok(SYSTEM, cmd('request.block-personal-data', done))
    h.ok(SYSTEM, cmd('request.erase-personal-data', done))
    expect(h.state(done).personalData).toBe('erased')
    for (const u of [U.frHandler, U.deHandler]) {
      expect(kinds(h, u, done)).toEqual(NO_PD_KINDS)
      expect(refusal(h, u, done, { kind: 'CONSENT_FORM' })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'RET-SUBJECT-REPORT-PD-USERS' })
      expect(refusal(h, u, done, { kind: 'FULL_WITH_PERSONAL_DATA' })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'RET-PD-REPORTS-AFTER-PURGE' })
      // [RET-REQ-AFTER-PURGE] the non-personal content remains reportable.
      const html = renderReportHtml(report(h, u, done, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))
      expect(html).toContain('Médecin')
      expect(html).not.toContain(SENTINEL)
    }
  })

  it('[RET-BLOCKED-NO-USER-ACCESS] once blocked — or due to be blocked, before the worker runs — personal data reaches no report', () => {
    const h = requestHarness()
    const done = closed(h)
    // Six months after closure the personal data is due to be blocked, even if the timer has not fired yet.
    const closedAt = Date.parse(h.state(done).closedAt ?? '')
    h.now = new Date(closedAt + 200 * 24 * 3_600_000)
    expect(h.state(done).personalData).toBe('available')
    expect(reportPermissions(actor(h, U.frHandler), h.state(done), h.directory, h.now).withheld).toEqual({ reason: 'blocked', ruleId: 'RET-BLOCKED-NO-USER-ACCESS' })
    h.ok(SYSTEM, cmd('request.block-personal-data', done))
    for (const u of [U.frHandler, U.deHandler, U.frViewer, U.frNimicReferee]) {
      expect(kinds(h, u, done)).toEqual(NO_PD_KINDS)
      expect(refusal(h, u, done, { kind: 'CUSTOM', parts: ['attachments'] })?.code).toBe('report.part-not-allowed')
      expect(JSON.stringify(report(h, u, done, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }))).not.toContain(SENTINEL)
    }
    expect(refusal(h, U.frHandler, done, { kind: 'FULL_WITH_PERSONAL_DATA' })).toEqual({ code: 'report.kind-not-allowed', ruleId: 'RET-BLOCKED-NO-USER-ACCESS' })
  })
})

describe('what each kind holds', () => {
  it('[SRCH-REPORT-FULL-CONTENT] the full report with personal data holds everything recorded: both authorities, the subject with its personal data, questions, answers, free text, attachments and their comments, history', () => {
    const h = requestHarness()
    const id = repliedRequest(
      h,
      pqDraft({ questions: [{ questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' }, comment: freeText('fr', 'Merci de vérifier le registre.') }, { questionId: 'pq.establishment.suspension' }, { questionId: 'pq.qualifications.authentic', attachmentId: 'new:0', comment: freeText('fr', 'Le diplôme est-il authentique ?') }] }),
      [...standardAnswers, { questionId: 'pq.qualifications.authentic', answerId: 'yes' }],
    )
    h.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', 'Merci pour votre réponse rapide.') }))
    const doc = report(h, U.frHandler, id, { kind: 'FULL_WITH_PERSONAL_DATA', language: 'en' })
    expect(doc.sections.map((s) => s.id)).toEqual(['general', 'requesting-authority', 'responding-authority', 'subject', 'subject-personal-data', 'questions-and-answers', 'messages', 'attachments', 'history'])
    const html = renderReportHtml(doc)
    for (const expected of [
      'Ordre national des médecins',
      'Ärztekammer Berlin',
      'Jean Dupont',
      '1980-05-17',
      'Médecin',
      'DOS-42',
      'Merci de vérifier le registre.',
      'Keine Untersagung bekannt.',
      'Merci pour votre réponse rapide.',
      'diplome.pdf',
      'Le diplôme est-il authentique ?',
      'Evidence of qualifications',
      'Draft created',
      'Accepted',
      'Camille Martin',
    ])
      expect(html, expected).toContain(expected)
    expect(doc.containsPersonalData).toBe(true)
  })

  it('[SRCH-REPORT-NO-PD-CLEAN] the full report without personal data holds none, even when its author sees it', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    expect(JSON.stringify(h.view(U.frHandler, id))).toContain(SENTINEL)
    const doc = report(h, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })
    const html = renderReportHtml(doc)
    expect(html).not.toContain(SENTINEL)
    expect(JSON.stringify(doc)).not.toContain(SENTINEL)
    // Officials' names are personal data too: the report names their authorities only.
    expect(html).not.toContain('Camille Martin')
    expect(html).toContain('Ordre national des médecins')
    expect(html).toContain('Médecin')
    expect(doc.sections.map((s) => s.id)).not.toContain('subject-personal-data')
    expect(doc.sections.map((s) => s.id)).not.toContain('attachments')
    expect(doc.containsPersonalData).toBe(false)
  })

  it('[SRCH-REPORT-CUSTOM-PARTS] a customisable report holds only the parts selected', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    const doc = report(h, U.frHandler, id, { kind: 'CUSTOM', parts: ['questions-and-answers', 'requesting-authority'] })
    expect(doc.parts).toEqual(['requesting-authority', 'questions-and-answers'])
    expect(doc.sections.map((s) => s.id)).toEqual(['general', 'requesting-authority', 'questions-and-answers'])
    const html = renderReportHtml(doc)
    expect(html).toContain('Ordre national des médecins')
    expect(html).not.toContain('Ärztekammer Berlin')
    expect(html).not.toContain('Merci pour votre réponse rapide.')
    expect(html).not.toContain(SENTINEL)
    expect(refusal(h, U.frHandler, id, { kind: 'CUSTOM' })).toEqual({ code: 'report.parts-required', ruleId: 'SRCH-REPORT-CUSTOM-PARTS' })
    expect(refusal(h, U.frHandler, id, { kind: 'CUSTOM', parts: [] })).toEqual({ code: 'report.parts-required', ruleId: 'SRCH-REPORT-CUSTOM-PARTS' })
    expect(refusal(h, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA', parts: ['subject'] })).toEqual({ code: 'report.invalid', ruleId: 'SRCH-REPORT-CUSTOM-PARTS' })
  })

  it('[SRCH-REPORT-CUSTOM-PD] a customisable report holds personal data only when the subject’s personal section is selected by a user allowed it', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    const without = report(h, U.frHandler, id, { kind: 'CUSTOM', parts: ['subject', 'questions-and-answers', 'history'] })
    expect(without.containsPersonalData).toBe(false)
    expect(JSON.stringify(without)).not.toContain(SENTINEL)
    const withPd = report(h, U.frHandler, id, { kind: 'CUSTOM', parts: ['subject', 'subject-personal-data'] })
    expect(withPd.containsPersonalData).toBe(true)
    expect(renderReportHtml(withPd)).toContain(`Jean ${SENTINEL}`)
    expect(refusal(h, U.frViewer, id, { kind: 'CUSTOM', parts: ['subject-personal-data'] })).toEqual({ code: 'report.part-not-allowed', ruleId: 'SRCH-REPORT-CUSTOM-PD' })
  })

  it('[RET-SUBJECT-REPORT] the data-subject report, in the language asked, shows what was exchanged about the subject, without the authorities’ internal history', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    const doc = report(h, U.deHandler, id, { kind: 'FOR_DATA_SUBJECT', language: 'fr' })
    expect(doc.language).toBe('fr')
    expect(doc.title).toMatch(/^Rapport à l’attention du titulaire de la profession/)
    expect(doc.sections.map((s) => s.id)).toEqual(['introduction', 'general', 'requesting-authority', 'responding-authority', 'subject', 'subject-personal-data', 'questions-and-answers', 'messages', 'attachments'])
    expect(doc.sections[0]?.paragraphs.join(' ')).toContain('établi à votre demande')
    const html = renderReportHtml(doc)
    expect(html).toContain(`Jean ${SENTINEL}`)
    expect(html).toContain('Keine Untersagung bekannt.')
    expect(html).toContain('<html lang="fr">')
    expect(html).not.toContain('Lena Müller')
  })

  it('[RET-CONSENT-FORM] the consent form holds the subject report, a disclaimer and a consent the subject may sign', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    const doc = report(h, U.frHandler, id, { kind: 'CONSENT_FORM', language: 'de' })
    const ids = doc.sections.map((s) => s.id)
    expect(ids.slice(0, -2)).toEqual(report(h, U.frHandler, id, { kind: 'FOR_DATA_SUBJECT', language: 'de' }).sections.map((s) => s.id))
    expect(ids.slice(-2)).toEqual(['disclaimer', 'consent'])
    const consent = doc.sections.at(-1)
    expect(consent?.heading).toBe('Einwilligung in den Austausch personenbezogener Daten')
    expect(consent?.signatureLines).toEqual(['Vor- und Nachname', 'Ort und Datum', 'Unterschrift'])
    expect(doc.sections.at(-2)?.heading).toBe('Haftungsausschluss')
    const html = renderReportHtml(doc)
    expect(html).toContain('class="signature"')
    expect(html).toContain(`Jean ${SENTINEL}`)
  })

  it('writes reports in English, French and German only, by default in the user’s language', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    expect(report(h, U.deHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }).language).toBe('de')
    expect(report(h, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' }).language).toBe('fr')
    expect(report(h, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA', language: 'en' }).title).toMatch(/^Full report without personal data — REQ-/)
    expect(refusal(h, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA', language: 'hu' })).toEqual({ code: 'report.language-unavailable', ruleId: undefined })
  })
})

describe('saving and printing', () => {
  it('[SRCH-REPORT-SAVE-PRINT] renders a self-contained printable HTML document with every value escaped', () => {
    const h = requestHarness()
    const id = acceptedRequest(h, sentinelDraft())
    h.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', '<script>alert("x")</script> & <img src=x onerror=1>') }))
    const html = renderReportHtml(report(h, U.frHandler, id, { kind: 'FULL_WITH_PERSONAL_DATA' }))
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('@media print')
    expect(html).toContain('@page')
    expect(html).not.toMatch(/<script|<img|\ssrc="|\shref="|https?:\/\//i)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=1&gt;')
    // The free text keeps its language.
    expect(html).toContain('<td lang="fr">&lt;script&gt;')
  })

  it('[SRCH-REPORT-30-DAYS] a report is available 30 days from its generation', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    const doc = report(h, U.frHandler, id, { kind: 'FULL_WITHOUT_PERSONAL_DATA' })
    expect(doc.generatedAt).toBe(h.now.toISOString())
    expect(doc.expiresAt).toBe(reportExpiresAt(doc.generatedAt))
    // 2 March 10:00 in Brussels (winter time) + 30 days = 1 April 10:00 (summer time).
    expect(reportExpiresAt('2026-03-02T09:00:00.000Z')).toBe('2026-04-01T08:00:00.000Z')
    expect(reportExpiresAt('2026-06-10T12:00:00.000Z')).toBe('2026-07-10T12:00:00.000Z')
    const end = Date.parse(doc.expiresAt)
    expect(isReportAvailable(doc.expiresAt, new Date(end - 1))).toBe(true)
    expect(isReportAvailable(doc.expiresAt, new Date(end))).toBe(false)
    expect(isReportAvailable(doc.expiresAt, new Date(end + 1))).toBe(false)
  })
})

describe('reports are made from the user’s own view', () => {
  it('never show more than the view of the user who generates them', () => {
    const h = requestHarness()
    const id = repliedWithSentinel(h)
    const state: RequestState = h.state(id)
    for (const u of Object.values(U)) {
      const viewer = viewerOf(h.directory, actor(h, u))
      if (viewer === undefined) continue
      const seen = JSON.stringify(h.view(viewer, id) ?? null).includes(SENTINEL)
      for (const kind of allowedReportKinds(viewer, state, h.directory, h.now)) {
        const doc = report(h, u, id, kind === 'CUSTOM' ? { kind, parts: ['subject'] } : { kind })
        if (!seen) expect(JSON.stringify(doc)).not.toContain(SENTINEL)
      }
    }
  })
})
