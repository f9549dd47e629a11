/**
 * Given/when/then examples of individual derogations (Services Directive, Art. 18 and 35; spec §8,
 * DEROG.md and AMB-D1..D4): step 1, the request to the Member State of establishment (MSE) to take
 * measures; step 2, its reply; step 3 and the urgency procedure, the notification of measures to the
 * MSE and the Commission; the stand-still and the Commission's contrary decision. All of it runs inside
 * the Services request workflow.
 */
import { describe, expect, it } from 'vitest'
import {
  DEROGATION_CHECKLIST_STEPS,
  DEROGATION_STANDSTILL_DAYS,
  SERVICES,
  SERVICES_DEROGATION_REQUEST,
  SERVICES_MEASURES_NOTIFICATION,
  SYSTEM,
  canUseRequestWorkflow,
  createRequestProcedure,
  derogationChecklistComplete,
  earliestMeasureDate,
  isListedFor,
  isRequestNumber,
  listingScope,
  requestForInformation,
  validateStep3Reference,
} from '../../index.js'
import type { DirectoryData, ExchangeId, LegislativeAreaAccess, QuestionSet, QuestionSetDerogation, RequestContent, UserId, Viewer } from '../../index.js'
import type { RequestHarness } from '../../testing/index.js'
import {
  A, PQ, REQUEST_START, SERVICES_LA, U, acceptedRequest, allocationOn, cmd, contentOf, createRequest, freeText, refusalCodeOf, refusalOf,
  replyApprovalOn, requestApprovalOn, requestHarness, sendRequest, withUser, worldData,
} from '../../testing/index.js'
import { DEROGATION_REQUEST_CONTENT, MEASURES_NOTIFICATION_CONTENT, derogationDraft, measuresNotificationDraft } from '../../testing/request-fixtures.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const DAY = 24 * 60 * 60 * 1000
const COMMISSION: Viewer = { kind: 'commission' }
/** The personal data of the provider in the fixtures' case information. */
const PROVIDER = 'Dupont Chauffage SARL'
const ADDRESS = '4 rue des Tanneurs, Kehl'
const MEASURES_Q = 'services.derogation.measures'
const STEP1_ITEMS = SERVICES_DEROGATION_REQUEST.derogation?.checklist.map((i) => i.id) ?? []
const NOTIFICATION_ITEMS = SERVICES_MEASURES_NOTIFICATION.derogation?.checklist.map((i) => i.id) ?? []

/** An urgency notification: no earlier request, no stand-still. */
const urgencyDraft = measuresNotificationDraft({}, { procedure: 'urgency', relatedRequestNumber: undefined })

const boilerPhoto = { fileName: 'chaudiere-dupont.jpg', mediaType: 'image/jpeg', size: 80_000, contentRef: 'blob:chaudiere', relevance: 'evidence-of-qualifications' } as const

/**
 * The code and rule of the first problem of a refused `request.send` (the refusal names the rule; its
 * details list the problems), or `undefined` when the request was sent.
 */
const sendRefusal = (h: RequestHarness, id: ExchangeId, by: UserId = U.frHandler): { code: string | undefined; ruleId: string | undefined } | undefined => {
  const result = h.exec(by, cmd('request.send', id))
  if (result._tag === 'Right') return undefined
  const first = (result.left.details?.['problems'] as ReadonlyArray<{ code: string; ruleId: string }> | undefined)?.[0]
  expect(first?.ruleId).toBe(result.left.ruleId)
  return { code: first?.code ?? result.left.code, ruleId: result.left.ruleId }
}

/** Every problem listed by a refused `request.send`. */
const sendProblemRules = (h: RequestHarness, id: ExchangeId, by: UserId = U.frHandler): ReadonlyArray<string> =>
  ((refusalOf(h.exec(by, cmd('request.send', id))).details?.['problems'] ?? []) as ReadonlyArray<{ ruleId: string }>).map((p) => p.ruleId)

/** True when the Commission finds the request in its lists. */
const listedForCommission = (h: RequestHarness, id: ExchangeId): boolean => {
  const scope = listingScope(COMMISSION)
  return scope !== undefined && isListedFor(requestForInformation.summary(h.state(id)), scope)
}

const commissionContent = (h: RequestHarness, id: ExchangeId): RequestContent | undefined => contentOf(h, COMMISSION, id)

/** Replaces one question set of the fixture directory. */
const withQuestionSet = (data: DirectoryData, id: string, patch: (q: QuestionSet) => QuestionSet): DirectoryData => ({
  ...data,
  questionSets: data.questionSets.map((q) => (q.id === id ? patch(q) : q)),
})

const withDerogation = (patch: (d: QuestionSetDerogation) => QuestionSetDerogation) => (q: QuestionSet): QuestionSet =>
  q.derogation === undefined ? q : { ...q, derogation: patch(q.derogation) }

/** Changes one authority's access to the Services area. */
const withServicesAccess = (data: DirectoryData, id: string, patch: (l: LegislativeAreaAccess) => LegislativeAreaAccess): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) => (a.id !== id ? a : { ...a, access: a.access.map((l) => (l.legislativeArea === SERVICES_LA ? patch(l) : l)) })),
})

/** A step-1 request sent by the French authority, accepted and answered by the German one. */
const answeredStep1 = (h: RequestHarness, answer: Readonly<Record<string, unknown>> = { answerId: 'intended', comment: freeText('de', 'Eine Betriebsprüfung ist für April angesetzt.') }): ExchangeId => {
  const id = acceptedRequest(h, derogationDraft())
  h.ok(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: MEASURES_Q, ...answer }] }))
  return id
}

// ---------------------------------------------------------------------------------------------
// access

describe('access to derogations', () => {
  it('[DEROG-SERVICES-REQUEST-ACCESS] only a request handler of an authority with active access to the Services request workflow starts a derogation', () => {
    // Given the French authority without the request workflow in the Services area (it keeps its other access)
    const noWorkflow = requestHarness(withServicesAccess(worldData(), A.frCa, (l) => ({ ...l, request: undefined })))
    // Then it cannot start a derogation request, nor a notification of measures
    expect(refusalCodeOf(noWorkflow.exec(U.frHandler, derogationDraft()))).toEqual({ code: 'request.area-not-accessible', ruleId: 'REQ-CREATE-SELECT-LA' })
    expect(refusalCodeOf(noWorkflow.exec(U.frHandler, measuresNotificationDraft()))).toEqual({ code: 'request.area-not-accessible', ruleId: 'REQ-CREATE-SELECT-LA' })
    // …while its access to Professional Qualifications still lets it create ordinary requests there
    expect(noWorkflow.exec(U.frHandler, { type: 'request.create', legislativeArea: PQ })._tag).toBe('Right')

    // Given its Services request workflow suspended
    const suspended = requestHarness(withServicesAccess(worldData(), A.frCa, (l) => (l.request === undefined ? l : { ...l, request: { ...l.request, status: 'suspended' } })))
    expect(refusalOf(suspended.exec(U.frHandler, measuresNotificationDraft())).ruleId).toBe('REQ-CREATE-HANDLER')

    // Given a user of the authority without the request-handler role in Services
    const h = requestHarness()
    expect(refusalOf(h.exec(U.frViewer, derogationDraft())).ruleId).toBe('REQ-CREATE-HANDLER')
    const viewerOnlyInServices = requestHarness(
      withUser(worldData(), U.frHandler2, (u) => ({ ...u, requestRoles: u.requestRoles.map((g) => (g.legislativeArea === SERVICES_LA ? { ...g, roles: ['request-viewer' as const] } : g)) })),
    )
    expect(refusalOf(viewerOnlyInServices.exec(U.frHandler2, derogationDraft())).ruleId).toBe('REQ-CREATE-HANDLER')

    // The derogation question sets are Services sets: another area cannot use them
    expect(refusalCodeOf(h.exec(U.frHandler, { type: 'request.create', legislativeArea: PQ, questionSetId: SERVICES_MEASURES_NOTIFICATION.id }))).toEqual({
      code: 'request.question-set-unknown',
      ruleId: 'REQ-SEND-ONE-QUESTION-SET',
    })

    // And the Member State of establishment must be reachable through the Services request workflow
    const mseWithout = requestHarness(withServicesAccess(worldData(), A.deCa, (l) => ({ ...l, request: undefined })))
    const id = createRequest(mseWithout, derogationDraft())
    expect(sendRefusal(mseWithout, id)).toEqual({ code: 'request.addressee-ineligible', ruleId: 'REQ-TARGET-ELIGIBLE' })
  })

  it('[DEROG-QSETS-AVAILABLE] every authority with Services request access may use both derogation question sets', () => {
    // The Services area lists both sets next to its ordinary one
    expect(SERVICES.request.questionSets).toEqual(expect.arrayContaining([SERVICES_DEROGATION_REQUEST.id, SERVICES_MEASURES_NOTIFICATION.id]))
    const h = requestHarness()
    const handlers = h.directory
      .authorities()
      .filter((a) => canUseRequestWorkflow(a, SERVICES_LA))
      .flatMap((a) => h.directory.usersOf(a.id).filter((u) => u.requestRoles.some((g) => g.legislativeArea === SERVICES_LA && g.roles.includes('request-handler'))))
    // Every member state of the fixture directory has such authorities, coordinators included
    expect(new Set(handlers.map((u) => h.directory.authority(u.authorityId)?.memberState))).toEqual(new Set(['FR', 'DE', 'IT']))
    for (const user of handlers)
      for (const set of [SERVICES_DEROGATION_REQUEST, SERVICES_MEASURES_NOTIFICATION]) {
        h.ok(user.id, { type: 'request.create', legislativeArea: SERVICES_LA, questionSetId: set.id })
        expect(h.state(h.last()).questionSetId).toBe(set.id)
      }
    // An Italian authority, never part of the fixtures' French-German cases, sends a notification too
    const italian = sendRequest(h, measuresNotificationDraft(), U.itHandler)
    expect(h.state(italian).status).toBe('awaiting-acceptance')
  })

  it('[DEROG-GENERIC-MECHANICS] a derogation request goes through approval, allocation, acceptance, reply approval and closure like any request', () => {
    // Given request approval on the French side, reply approval and allocation on the German side
    const h = requestHarness(allocationOn(replyApprovalOn(requestApprovalOn(worldData())), A.deCa))
    const id = sendRequest(h, derogationDraft({ questions: [{ questionId: MEASURES_Q }, { questionId: 'services.derogation.establishment' }] }))
    // The coordinator approves it first, without seeing the provider's identity
    expect(h.state(id).status).toBe('awaiting-request-approval')
    expect(JSON.stringify(h.view(U.frNimicReferee, id))).not.toContain(PROVIDER)
    h.ok(U.frNimicReferee, cmd('request.approve', id))
    expect(h.state(id).status).toBe('awaiting-acceptance')
    // Before acceptance the MSE sees the derogation case but not the provider's personal data
    expect(contentOf(h, U.deHandler, id)?.derogation?.freeTexts['case-description']).toEqual(DEROGATION_REQUEST_CONTENT.freeTexts['case-description'])
    expect(JSON.stringify(h.view(U.deHandler, id))).not.toContain(PROVIDER)
    // With allocation on, only an allocated handler accepts
    expect(refusalOf(h.exec(U.deHandler, cmd('request.accept', id))).ruleId).toBe('REQ-ALLOC-ONLY-ALLOCATED')
    h.ok(U.deAllocator, cmd('request.allocate', id, { side: 'responding', users: [U.deHandler] }))
    h.ok(U.deHandler, cmd('request.accept', id))
    expect(contentOf(h, U.deHandler, id)?.caseData['name']).toBe(PROVIDER)
    // The reply goes through the German coordinator's approval
    h.ok(U.deHandler, cmd('request.reply', id, {
      answers: [
        { questionId: MEASURES_Q, answerId: 'taken', comment: freeText('de', 'Die Gewerbeaufsicht hat den Betrieb am 10. März untersagt.') },
        { questionId: 'services.derogation.establishment', answerId: 'yes' },
      ],
    }))
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    h.ok(U.deNimicReferee, cmd('request.approve-reply', id))
    h.ok(U.frHandler, cmd('request.close', id))
    expect(h.state(id)).toMatchObject({ status: 'closed', closureReason: 'reply-accepted' })
  })

  it('[DEROG-GENERIC-MECHANICS] the MSE may forward or split a derogation request; a split-off part stays a derogation', () => {
    const h = requestHarness()
    const forwarded = sendRequest(h, derogationDraft())
    h.ok(U.deHandler, cmd('request.forward', forwarded, { to: A.deCa2, justification: freeText('de', 'Zuständig ist das Regierungspräsidium.') }))
    expect(h.state(forwarded).responding.authorityId).toBe(A.deCa2)
    expect(h.actions(U.de2Handler, forwarded)).toContain('request.accept')

    const id = sendRequest(h, derogationDraft({ questions: [{ questionId: MEASURES_Q }, { questionId: 'services.derogation.establishment' }] }))
    h.ok(U.deHandler, cmd('request.split', id, {
      to: A.deCa2,
      justification: freeText('de', 'Die Niederlassung prüft das Regierungspräsidium.'),
      questions: ['services.derogation.establishment'],
      attachments: [],
    }))
    const part = h.last()
    expect(part).not.toBe(id)
    expect(h.state(part).derogation).toEqual(h.state(id).derogation)
    expect(h.state(part).derogation?.kind).toBe('request')
  })
})

// ---------------------------------------------------------------------------------------------
// step 1 and step 2

describe('step 1: the request to the Member State of establishment', () => {
  it('[DEROG-STEP1-QSET] step 1 is a Services request using «Demande de dérogation individuelle à l\'État membre d\'établissement», asking which measures the MSE takes', () => {
    expect(SERVICES_DEROGATION_REQUEST.title.fr).toBe("Demande de dérogation individuelle à l'État membre d'établissement")
    expect(SERVICES_DEROGATION_REQUEST.legislativeArea).toBe(SERVICES_LA)
    expect(SERVICES_DEROGATION_REQUEST.derogation?.kind).toBe('request')
    const h = requestHarness()
    const id = sendRequest(h, derogationDraft())
    expect(h.state(id)).toMatchObject({ legislativeArea: SERVICES_LA, questionSetId: SERVICES_DEROGATION_REQUEST.id, status: 'awaiting-acceptance' })
    // Sending records it as a step-1 request, which the Commission does not receive
    expect(h.state(id).derogation).toMatchObject({ kind: 'request', commission: false })
    // A step-1 request must ask the MSE which measures it takes
    const without = createRequest(h, derogationDraft({ questions: [{ questionId: 'services.derogation.establishment' }] }))
    expect(sendRefusal(h, without)).toEqual({ code: 'request.measures-question-missing', ruleId: 'DEROG-STEP1-QSET' })
  })

  it('[DEROG-STEP1-CHECKLIST] a step-1 request is sent only when all 10 checklist steps are confirmed', () => {
    const h = requestHarness()
    const id = createRequest(h, derogationDraft({}, { confirmed: STEP1_ITEMS.slice(0, 9) }))
    expect(sendRefusal(h, id)).toEqual({ code: 'request.checklist-incomplete', ruleId: 'DEROG-STEP1-CHECKLIST' })
    expect(h.state(id).status).toBe('draft')
    // Confirming the last step makes it sendable
    h.ok(U.frHandler, cmd('request.edit', id, { derogation: DEROGATION_REQUEST_CONTENT }))
    expect(derogationChecklistComplete(h.state(id).derogation, SERVICES_DEROGATION_REQUEST.derogation as QuestionSetDerogation)).toBe(true)
    h.ok(U.frHandler, cmd('request.send', id))
    expect(h.state(id).status).toBe('awaiting-acceptance')
    // Nothing confirmed at all is refused the same way
    const none = createRequest(h, derogationDraft({ derogation: undefined }))
    expect(sendRefusal(h, none)?.ruleId).toBe('DEROG-STEP1-CHECKLIST')
  })

  it('[DEROG-STEP1-FREE-TEXT] a step-1 request is sent only when the case is described and the derogation justified', () => {
    const h = requestHarness()
    const noDescription = createRequest(h, derogationDraft({}, { freeTexts: { 'derogation-justification': DEROGATION_REQUEST_CONTENT.freeTexts['derogation-justification'] } }))
    expect(sendRefusal(h, noDescription)).toEqual({ code: 'request.derogation-text-missing', ruleId: 'DEROG-STEP1-FREE-TEXT' })
    const noJustification = createRequest(h, derogationDraft({}, { freeTexts: { 'case-description': DEROGATION_REQUEST_CONTENT.freeTexts['case-description'] } }))
    expect(sendRefusal(h, noJustification)).toEqual({ code: 'request.derogation-text-missing', ruleId: 'DEROG-STEP1-FREE-TEXT' })
    // Both missing: both listed, so that a form highlights both fields
    const neither = createRequest(h, derogationDraft({}, { freeTexts: {} }))
    expect(sendProblemRules(h, neither).filter((r) => r === 'DEROG-STEP1-FREE-TEXT')).toHaveLength(2)
    // Like every free text, they declare their language (REQ-SEND-FREE-TEXT-LANGUAGE)
    const untagged = createRequest(h, derogationDraft({}, { freeTexts: { ...DEROGATION_REQUEST_CONTENT.freeTexts, 'case-description': { text: 'Chaudières non contrôlées.' } } }))
    expect(sendRefusal(h, untagged)?.ruleId).toBe('REQ-SEND-FREE-TEXT-LANGUAGE')
    // An empty text is no text: the command itself is invalid
    expect(refusalOf(h.exec(U.frHandler, derogationDraft({}, { freeTexts: { 'case-description': freeText('fr', '   ') } }))).code).toBe('command.invalid')
  })

  it('[DEROG-STEP2-JUSTIFY] in its reply the MSE states the measures taken or intended, and justifies having none', () => {
    const h = requestHarness()
    const id = acceptedRequest(h, derogationDraft())
    // "No measures" without a justification is refused…
    expect(refusalCodeOf(h.exec(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: MEASURES_Q, answerId: 'none' }] })))).toEqual({
      code: 'request.measures-not-justified',
      ruleId: 'DEROG-STEP2-JUSTIFY',
    })
    // …a comment without saying which measures, too…
    expect(refusalCodeOf(h.exec(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: MEASURES_Q, comment: freeText('de', 'Wir prüfen noch.') }] })))).toEqual({
      code: 'request.measures-not-stated',
      ruleId: 'DEROG-STEP2-JUSTIFY',
    })
    // …though it may be saved as a draft reply and completed later
    h.ok(U.deHandler, cmd('request.save-reply', id, { answers: [{ questionId: MEASURES_Q, answerId: 'none' }] }))
    expect(refusalOf(h.exec(U.deHandler, cmd('request.reply', id))).ruleId).toBe('DEROG-STEP2-JUSTIFY')
    const why = freeText('de', 'Der Betrieb wurde bereits geprüft und erfüllt alle Sicherheitsvorschriften.')
    h.ok(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: MEASURES_Q, answerId: 'none', comment: why }] }))
    expect(h.state(id).status).toBe('replied')
    expect(contentOf(h, U.frHandler, id)?.answers).toEqual([{ questionId: MEASURES_Q, answerId: 'none', comment: why }])
    // Measures taken or intended need no justification
    for (const answerId of ['taken', 'intended']) {
      const other = acceptedRequest(h, derogationDraft())
      h.ok(U.deHandler, cmd('request.reply', other, { answers: [{ questionId: MEASURES_Q, answerId }] }))
      expect(h.state(other).status).toBe('replied')
    }
    // The answers and the rule are data of the question set
    expect(SERVICES_DEROGATION_REQUEST.derogation?.measuresQuestion).toEqual({ questionId: MEASURES_Q, justificationRequiredFor: ['none'] })
  })
})

// ---------------------------------------------------------------------------------------------
// the checklist as data

describe('checklists as configuration', () => {
  it('[DEROG-CHECKLIST-CONFIG] the checklists are data: exactly 10 steps for step 1, any number for the notification', () => {
    expect(DEROGATION_CHECKLIST_STEPS).toBe(10)
    expect(STEP1_ITEMS).toHaveLength(DEROGATION_CHECKLIST_STEPS)
    expect(new Set(STEP1_ITEMS).size).toBe(STEP1_ITEMS.length)
    expect(NOTIFICATION_ITEMS.length).toBeGreaterThan(0)
    for (const set of [SERVICES_DEROGATION_REQUEST, SERVICES_MEASURES_NOTIFICATION])
      for (const item of [...(set.derogation?.checklist ?? []), ...(set.derogation?.freeTexts ?? []).map((f) => ({ id: f.id, text: f.label }))])
        expect(Object.keys(item.text).sort()).toEqual(['de', 'en', 'fr'])
  })

  it('[DEROG-CHECKLIST-CONFIG] an operator may configure another notification checklist; the step-1 checklist must keep 10 steps', () => {
    // Given a notification checklist of two operator-defined steps
    const twoSteps = withQuestionSet(worldData(), SERVICES_MEASURES_NOTIFICATION.id, withDerogation((d) => ({
      ...d,
      checklist: [
        { id: 'risk-assessed', text: { en: 'The risk has been assessed.' } },
        { id: 'measures-limited', text: { en: 'The measures are limited in time.' } },
      ],
    })))
    const h = requestHarness(twoSteps)
    // The shipped steps are unknown there
    expect(refusalCodeOf(h.exec(U.frHandler, measuresNotificationDraft()))).toEqual({ code: 'request.checklist-item-unknown', ruleId: 'DEROG-CHECKLIST-CONFIG' })
    const one = createRequest(h, measuresNotificationDraft({}, { confirmed: ['risk-assessed'] }))
    expect(sendRefusal(h, one)?.ruleId).toBe('DEROG-STEP3-CONTENT')
    const both = sendRequest(h, measuresNotificationDraft({}, { confirmed: ['risk-assessed', 'measures-limited'] }))
    expect(h.state(both).status).toBe('awaiting-acceptance')

    // Given a step-1 checklist configured with nine steps only
    const nine = withQuestionSet(worldData(), SERVICES_DEROGATION_REQUEST.id, withDerogation((d) => ({ ...d, checklist: d.checklist.slice(0, 9) })))
    const h9 = requestHarness(nine)
    const id = createRequest(h9, derogationDraft({}, { confirmed: STEP1_ITEMS.slice(0, 9) }))
    expect(sendRefusal(h9, id)).toEqual({ code: 'request.checklist-misconfigured', ruleId: 'DEROG-CHECKLIST-CONFIG' })
  })

  it('[DEROG-CHECKLIST-CONFIG] derogation content is accepted only as the question set defines it', () => {
    const h = requestHarness()
    // Free-text fields the set does not define
    expect(refusalCodeOf(h.exec(U.frHandler, derogationDraft({}, { freeTexts: { motive: freeText('fr', 'Autre motif.') } })))).toEqual({
      code: 'request.derogation-field-unknown',
      ruleId: 'DEROG-CHECKLIST-CONFIG',
    })
    // Derogation content on an ordinary Services request
    expect(refusalCodeOf(h.exec(U.frHandler, derogationDraft({ questionSetId: 'services.provider' })))).toEqual({
      code: 'request.derogation-not-applicable',
      ruleId: 'DEROG-CHECKLIST-CONFIG',
    })
    // Switching a draft to a set of another kind drops content that no longer applies
    const id = createRequest(h, derogationDraft())
    h.ok(U.frHandler, cmd('request.edit', id, { questionSetId: 'services.provider', questions: [{ questionId: 'services.establishment.lawful' }] }))
    expect(h.state(id).derogation).toBeUndefined()
    h.ok(U.frHandler, cmd('request.send', id))
    expect(h.state(id).derogation).toBeUndefined()
    // Confirmations repeated count once, and a draft may clear its derogation content
    const again = createRequest(h, derogationDraft({}, { confirmed: [...STEP1_ITEMS, ...STEP1_ITEMS] }))
    expect(h.state(again).derogation?.confirmed).toEqual(STEP1_ITEMS)
    h.ok(U.frHandler, cmd('request.edit', again, { derogation: null }))
    expect(h.state(again).derogation).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// step 3 and urgency

describe('step 3: the notification of measures', () => {
  it('[DEROG-STEP3-QSET] step 3 uses «Notification de mesures individuelles», which alone carries a procedure and an earlier request number', () => {
    expect(SERVICES_MEASURES_NOTIFICATION.title.fr).toBe('Notification de mesures individuelles')
    expect(SERVICES_MEASURES_NOTIFICATION.derogation?.kind).toBe('measures-notification')
    const h = requestHarness()
    const id = sendRequest(h, measuresNotificationDraft())
    expect(h.state(id).questionSetId).toBe(SERVICES_MEASURES_NOTIFICATION.id)
    expect(h.state(id).derogation).toMatchObject({ kind: 'measures-notification', procedure: 'normal-step3', relatedRequestNumber: 'REQ-000001' })
    expect(refusalCodeOf(h.exec(U.frHandler, derogationDraft({}, { procedure: 'normal-step3' })))).toEqual({
      code: 'request.derogation-field-not-applicable',
      ruleId: 'DEROG-STEP3-QSET',
    })
    expect(refusalOf(h.exec(U.frHandler, derogationDraft({}, { relatedRequestNumber: 'REQ-000001' }))).ruleId).toBe('DEROG-STEP3-QSET')
  })

  it('[DEROG-STEP3-RECIPIENTS] a step-3 notification is addressed to the MSE and to the Commission', () => {
    const h = requestHarness()
    const id = sendRequest(h, measuresNotificationDraft())
    // The MSE receives it as an incoming request
    expect(h.state(id).responding.authorityId).toBe(A.deCa)
    expect(h.notifications().filter((n) => n.exchangeId === id).map((n) => [n.message, n.recipients])).toContainEqual([
      'request.incoming',
      [{ kind: 'incoming-request', authorityId: A.deCa, legislativeArea: SERVICES_LA }, { kind: 'authority-mailbox', authorityId: A.deCa }],
    ])
    // The Commission finds it in its lists and opens it
    expect(h.state(id).derogation?.commission).toBe(true)
    expect(listedForCommission(h, id)).toBe(true)
    expect(h.view(COMMISSION, id)?.access).toBe('no-personal-data')
    expect(commissionContent(h, id)?.derogation?.freeTexts).toEqual(MEASURES_NOTIFICATION_CONTENT.freeTexts)
    // Through the rest of the request's life, whatever the MSE does
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: 'services.measures.observations', answerId: 'no-observations' }] }))
    h.ok(U.frHandler, cmd('request.close', id))
    expect(listedForCommission(h, id)).toBe(true)
    expect(commissionContent(h, id)?.answers).toEqual([{ questionId: 'services.measures.observations', answerId: 'no-observations' }])
  })

  it('[DEROG-STEP3-RECIPIENTS] with approval, the notification reaches the MSE and the Commission when the coordinator approves it', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, measuresNotificationDraft())
    expect(h.state(id).status).toBe('awaiting-request-approval')
    expect(h.view(COMMISSION, id)).toBeUndefined()
    expect(listedForCommission(h, id)).toBe(false)
    expect(earliestMeasureDate(h.state(id))).toBeUndefined()
    h.advance(2 * DAY)
    h.ok(U.frNimicReferee, cmd('request.approve', id))
    expect(h.view(COMMISSION, id)?.access).toBe('no-personal-data')
    expect(listedForCommission(h, id)).toBe(true)
    expect(h.state(id).derogation?.notifiedAt).toBe(new Date(REQUEST_START.getTime() + 2 * DAY).toISOString())
  })

  it('[DEROG-STEP3-CONTENT] a notification needs the whole checklist, both explanations and a procedure', () => {
    const h = requestHarness()
    const partial = createRequest(h, measuresNotificationDraft({}, { confirmed: NOTIFICATION_ITEMS.slice(1) }))
    expect(sendRefusal(h, partial)).toEqual({ code: 'request.checklist-incomplete', ruleId: 'DEROG-STEP3-CONTENT' })
    for (const field of ['mse-measures-inadequate', 'measures-justified'] as const) {
      const { [field]: _left, ...rest } = MEASURES_NOTIFICATION_CONTENT.freeTexts
      const id = createRequest(h, measuresNotificationDraft({}, { freeTexts: rest }))
      expect(refusalOf(h.exec(U.frHandler, cmd('request.send', id)))).toMatchObject({
        code: 'request.not-ready',
        ruleId: 'DEROG-STEP3-CONTENT',
        details: { problems: [{ code: 'request.derogation-text-missing', ruleId: 'DEROG-STEP3-CONTENT', field: `derogation.freeTexts.${field}` }] },
      })
    }
    const noProcedure = createRequest(h, measuresNotificationDraft({}, { procedure: undefined }))
    expect(sendRefusal(h, noProcedure)?.ruleId).toBe('DEROG-STEP3-CONTENT')
    expect(sendProblemRules(h, noProcedure)).toEqual(['DEROG-STEP3-CONTENT'])
  })

  it('[DEROG-STEP3-SEPARATE] the notification is a new request, not linked to steps 1 and 2, which it leaves unchanged', () => {
    const h = requestHarness()
    const step1 = answeredStep1(h)
    const before = h.state(step1)
    const notification = sendRequest(h, measuresNotificationDraft({}, { relatedRequestNumber: before.number }))
    expect(notification).not.toBe(step1)
    expect(h.state(notification).number).not.toBe(before.number)
    expect(h.state(step1)).toBe(before)
    // Only the number, as text, ties them; neither links to the other
    expect(h.state(notification).links).toEqual({ splitInto: [] })
    expect(before.links).toEqual({ splitInto: [] })
    expect(h.state(notification).derogation?.relatedRequestNumber).toBe(before.number)
    // Each goes its own way: closing step 1 leaves the notification awaiting acceptance
    h.ok(U.frHandler, cmd('request.close', step1))
    expect(h.state(notification).status).toBe('awaiting-acceptance')
  })

  it('[DEROG-STEP3-ANY-SENDER] another authority than the one that sent step 1 may send the notification', () => {
    const h = requestHarness()
    const step1 = answeredStep1(h)
    // The Préfecture de Paris notifies the measures after the Ordre des médecins sent step 1
    const id = sendRequest(h, measuresNotificationDraft({}, { relatedRequestNumber: h.state(step1).number }), U.fr2Handler)
    expect(h.state(id).requesting.authorityId).toBe(A.frCa2)
    expect(h.state(step1).requesting.authorityId).toBe(A.frCa)
    expect(h.state(id).status).toBe('awaiting-acceptance')
    // It cannot open step 1's content: it needs none of it
    expect(h.view(U.fr2Handler, step1)?.content).toBeUndefined()
    // And it may address another authority of the MSE than step 1 did
    const elsewhere = sendRequest(h, measuresNotificationDraft({ addressee: A.deCa2 }, { relatedRequestNumber: h.state(step1).number }), U.fr2Handler)
    expect(h.state(elsewhere).responding.authorityId).toBe(A.deCa2)
  })

  it('[DEROG-STEP3-REFERENCE] a normal-procedure notification states the number of the earlier request', () => {
    const h = requestHarness()
    const id = createRequest(h, measuresNotificationDraft({}, { relatedRequestNumber: undefined }))
    expect(sendRefusal(h, id)).toEqual({ code: 'request.related-request-missing', ruleId: 'DEROG-STEP3-REFERENCE' })
    expect(validateStep3Reference(h.state(id).derogation)?.ruleId).toBe('DEROG-STEP3-REFERENCE')
    h.ok(U.frHandler, cmd('request.edit', id, { derogation: { ...MEASURES_NOTIFICATION_CONTENT, relatedRequestNumber: 'REQ-000007' } }))
    h.ok(U.frHandler, cmd('request.send', id))
    // The MSE reads the number before accepting, to link the notification to the earlier request
    expect(contentOf(h, U.deHandler, id)?.derogation?.relatedRequestNumber).toBe('REQ-000007')
  })

  it('[DEROG-REFERENCE-FORMAT] only the format of the earlier request number is checked; the request need not exist or be visible', () => {
    const h = requestHarness()
    // Numbers the procedure makes have the format
    const step1 = sendRequest(h, derogationDraft())
    expect(isRequestNumber(h.state(step1).number)).toBe(true)
    // Numbers of requests that do not exist here, or of another installation's numbering, are accepted
    for (const reference of ['REQ-000042', 'REQ-2026-000042', 'REQ-imi2-000003']) {
      const id = sendRequest(h, measuresNotificationDraft({}, { relatedRequestNumber: reference }))
      expect(h.state(id).derogation?.relatedRequestNumber).toBe(reference)
    }
    // Anything else is refused, whatever the procedure
    for (const reference of ['42', 'REQ-', 'req-000042', 'REQ 000042', 'ALERT-000042', 'REQ-000042 ', 'REQ-2026-']) {
      const id = createRequest(h, measuresNotificationDraft({}, { relatedRequestNumber: reference }))
      expect(sendRefusal(h, id)).toEqual({ code: 'request.related-request-format', ruleId: 'DEROG-REFERENCE-FORMAT' })
      const urgent = createRequest(h, measuresNotificationDraft({}, { procedure: 'urgency', relatedRequestNumber: reference }))
      expect(sendRefusal(h, urgent)?.ruleId).toBe('DEROG-REFERENCE-FORMAT')
    }
  })
})

describe('the urgency procedure', () => {
  it('[DEROG-URGENCY-NO-STEP1] under an imminent risk, measures are notified without any earlier request to the MSE', () => {
    const h = requestHarness()
    const id = sendRequest(h, urgencyDraft)
    expect(h.exchanges()).toEqual([id])
    expect(h.state(id)).toMatchObject({ status: 'awaiting-acceptance', derogation: { kind: 'measures-notification', procedure: 'urgency' } })
    expect(h.state(id).derogation?.relatedRequestNumber).toBeUndefined()
  })

  it('[DEROG-URGENCY-NOTIFY] an urgency notification uses «Notification de mesures individuelles» and works exactly like step 3', () => {
    const h = requestHarness()
    // The same question set and the same content rules
    const incomplete = createRequest(h, measuresNotificationDraft({}, { procedure: 'urgency', relatedRequestNumber: undefined, confirmed: [] }))
    expect(h.state(incomplete).questionSetId).toBe(SERVICES_MEASURES_NOTIFICATION.id)
    expect(sendRefusal(h, incomplete)?.ruleId).toBe('DEROG-STEP3-CONTENT')
    const noExplanation = createRequest(h, measuresNotificationDraft({}, { procedure: 'urgency', relatedRequestNumber: undefined, freeTexts: {} }))
    expect(sendRefusal(h, noExplanation)?.ruleId).toBe('DEROG-STEP3-CONTENT')
    // Sent to the MSE, which accepts and replies as to any request
    const id = sendRequest(h, urgencyDraft)
    expect(h.notifications().some((n) => n.exchangeId === id && n.message === 'request.incoming' && n.recipients.some((r) => r.kind === 'incoming-request' && r.authorityId === A.deCa))).toBe(true)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: 'services.measures.observations', answerId: 'observations', comment: freeText('de', 'Die Maßnahme ist zu weitreichend.') }] }))
    expect(h.state(id).status).toBe('replied')
  })

  it('[DEROG-URGENCY-COMMISSION] an urgency notification is also addressed to the Commission', () => {
    const h = requestHarness()
    const id = sendRequest(h, urgencyDraft)
    expect(h.state(id).derogation?.commission).toBe(true)
    expect(listedForCommission(h, id)).toBe(true)
    expect(h.view(COMMISSION, id)?.access).toBe('no-personal-data')
    expect(commissionContent(h, id)?.derogation?.procedure).toBe('urgency')
  })

  it('[DEROG-URGENCY-NO-STANDSTILL] no 15-day stand-still applies to an urgency notification', () => {
    const h = requestHarness()
    const id = sendRequest(h, urgencyDraft)
    expect(h.state(id).derogation?.notifiedAt).toBe(REQUEST_START.toISOString())
    expect(earliestMeasureDate(h.state(id))).toBeUndefined()
    expect(contentOf(h, U.frHandler, id)?.derogation).not.toHaveProperty('earliestMeasureDate')
    // The same notification under the normal procedure would have one
    const normal = sendRequest(h, measuresNotificationDraft())
    expect(earliestMeasureDate(h.state(normal))).toBeDefined()
  })

  it('[DEROG-URGENCY-NO-REFERENCE] an urgency notification needs no earlier request number, but may give one', () => {
    const h = requestHarness()
    const id = createRequest(h, urgencyDraft)
    expect(h.state(id).derogation?.relatedRequestNumber).toBeUndefined()
    expect(validateStep3Reference(h.state(id).derogation)).toBeUndefined()
    h.ok(U.frHandler, cmd('request.send', id))
    expect(h.state(id).status).toBe('awaiting-acceptance')
    const withNumber = sendRequest(h, measuresNotificationDraft({}, { procedure: 'urgency', relatedRequestNumber: 'REQ-000001' }))
    expect(h.state(withNumber).derogation?.relatedRequestNumber).toBe('REQ-000001')
  })
})

// ---------------------------------------------------------------------------------------------
// the Commission, the stand-still and its contrary decision

describe('the Commission', () => {
  it('[DEROG-COMMISSION-NO-PD] the Commission receives the notification without personal data, behind a configuration flag', () => {
    const h = requestHarness()
    const id = sendRequest(h, measuresNotificationDraft({ attachments: [boilerPhoto] }))
    h.ok(U.deHandler, cmd('request.accept', id))
    // Participants see the provider; the Commission sees the case without it
    expect(contentOf(h, U.frHandler, id)?.caseData['name']).toBe(PROVIDER)
    const content = commissionContent(h, id)
    expect(content?.caseData).toEqual({ name: { redacted: 'personal-data' }, address: { redacted: 'personal-data' }, activity: 'Installation de chaudières à gaz' })
    expect(content?.attachments).toEqual([{ redacted: 'personal-data' }])
    const seen = JSON.stringify(h.view(COMMISSION, id))
    for (const secret of [PROVIDER, ADDRESS, 'chaudiere-dupont.jpg']) expect(seen).not.toContain(secret)

    // With the flag off, the Commission neither finds nor opens notifications
    const off = requestHarness(worldData(), REQUEST_START, createRequestProcedure({ commissionReceivesMeasureNotifications: false }))
    const quiet = sendRequest(off, measuresNotificationDraft())
    expect(off.state(quiet).derogation?.commission).toBe(false)
    expect(off.view(COMMISSION, quiet)).toBeUndefined()
    expect(listedForCommission(off, quiet)).toBe(false)
    // The MSE receives it all the same
    expect(off.view(U.deHandler, quiet)?.access).toBe('no-personal-data')

    // A step-1 request is no notification: the Commission never sees it
    const step1 = answeredStep1(h)
    expect(h.view(COMMISSION, step1)).toBeUndefined()
    expect(listedForCommission(h, step1)).toBe(false)
  })
})

describe('the stand-still', () => {
  it('[DEROG-STANDSTILL-15] the requesting Member State may take the notified measures 15 days after the notification', () => {
    expect(DEROGATION_STANDSTILL_DAYS).toBe(15)
    const h = requestHarness()
    const id = createRequest(h, measuresNotificationDraft())
    expect(earliestMeasureDate(h.state(id))).toBeUndefined()
    h.ok(U.frHandler, cmd('request.send', id))
    // Sent on Monday 2 March 2026 at 09:00 UTC
    expect(earliestMeasureDate(h.state(id))).toBe('2026-03-17T09:00:00.000Z')
    // Both sides and the Commission read it in the notification
    expect(contentOf(h, U.frHandler, id)?.derogation?.earliestMeasureDate).toBe('2026-03-17T09:00:00.000Z')
    expect(contentOf(h, U.deHandler, id)?.derogation?.earliestMeasureDate).toBe('2026-03-17T09:00:00.000Z')
    expect(commissionContent(h, id)?.derogation?.earliestMeasureDate).toBe('2026-03-17T09:00:00.000Z')
    // A step-1 request has no stand-still
    expect(earliestMeasureDate(h.state(sendRequest(h, derogationDraft())))).toBeUndefined()
  })

  it('[DEROG-STANDSTILL-CALENDAR] the 15 days are calendar days from the send timestamp, weekends and later events notwithstanding', () => {
    const h = requestHarness()
    h.advance(3 * 60 * 60 * 1000 + 17 * 60 * 1000)
    const id = sendRequest(h, measuresNotificationDraft())
    const sentAt = h.state(id).sentAt as string
    expect(sentAt).toBe('2026-03-02T12:17:00.000Z')
    // Two weekends fall within: 15 calendar days, not 15 working days (which would end on the 23rd)
    expect(earliestMeasureDate(h.state(id))).toBe('2026-03-17T12:17:00.000Z')
    expect(new Date(earliestMeasureDate(h.state(id)) as string).getTime() - new Date(sentAt).getTime()).toBe(15 * DAY)
    // Acceptance and reply days later do not move it
    h.advance(4 * DAY)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: [{ questionId: 'services.measures.observations', answerId: 'no-observations' }] }))
    expect(earliestMeasureDate(h.state(id))).toBe('2026-03-17T12:17:00.000Z')
  })

  it('[DEROG-STANDSTILL-CALENDAR] across a change to summer time the date keeps the local time of day in the reference time zone', () => {
    // Sent on Friday 20 March 2026 at 11:00 in Brussels (10:00 UTC); summer time starts on 29 March
    const h = requestHarness(worldData(), new Date('2026-03-20T10:00:00Z'))
    const id = sendRequest(h, measuresNotificationDraft())
    // Saturday 4 April 2026 at 11:00 in Brussels, now 09:00 UTC
    expect(earliestMeasureDate(h.state(id))).toBe('2026-04-04T09:00:00.000Z')
  })

  it('[DEROG-CONTRARY-DECISION] a contrary decision of the Commission, transcribed by the operator, voids the date of the measures', () => {
    const h = requestHarness()
    const id = sendRequest(h, measuresNotificationDraft())
    expect(earliestMeasureDate(h.state(id))).toBe('2026-03-17T09:00:00.000Z')
    // The operator may record it: the system actor is offered the action
    const operator = { kind: 'system-administrator' } as const
    expect(requestForInformation.availableActions(h.state(id), operator, h.context(SYSTEM))).toContain('request.record-contrary-decision')
    // No user may, not even the participants
    for (const user of [U.frHandler, U.deHandler, U.frNimicReferee])
      expect(refusalCodeOf(h.exec(user, cmd('request.record-contrary-decision', id)))).toEqual({ code: 'request.not-allowed', ruleId: 'DEROG-CONTRARY-DECISION' })
    expect(h.actions(U.frHandler, id)).not.toContain('request.record-contrary-decision')

    h.advance(10 * DAY)
    h.ok(SYSTEM, cmd('request.record-contrary-decision', id, { decidedOn: '2026-03-11', reference: 'C(2026) 1234' }))
    // The status is unchanged, the date gone, the decision in the history and in the content
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(earliestMeasureDate(h.state(id))).toBeUndefined()
    const recordedAt = new Date(REQUEST_START.getTime() + 10 * DAY).toISOString()
    expect(h.state(id).history.at(-1)).toEqual({ at: recordedAt, action: 'request.contrary-decision-recorded', actor: SYSTEM, from: 'awaiting-acceptance', to: 'awaiting-acceptance' })
    for (const viewer of [U.frHandler, U.deHandler, COMMISSION] as const) {
      const derogation = (typeof viewer === 'string' ? contentOf(h, viewer, id) : commissionContent(h, id))?.derogation
      expect(derogation?.contraryDecision).toEqual({ recordedAt, decidedOn: '2026-03-11', reference: 'C(2026) 1234' })
      expect(derogation).not.toHaveProperty('earliestMeasureDate')
    }
    // Both sides are told
    expect(h.notifications().at(-1)).toMatchObject({ message: 'request.commission-contrary-decision', ruleId: 'DEROG-CONTRARY-DECISION' })
    expect(h.notifications().at(-1)?.recipients).toEqual(expect.arrayContaining([{ kind: 'authority-mailbox', authorityId: A.frCa }, { kind: 'authority-mailbox', authorityId: A.deCa }]))
    // Once only
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.record-contrary-decision', id)))).toEqual({ code: 'request.contrary-decision-exists', ruleId: 'DEROG-CONTRARY-DECISION' })
    expect(requestForInformation.availableActions(h.state(id), operator, h.context(SYSTEM))).not.toContain('request.record-contrary-decision')
  })

  it('[DEROG-CONTRARY-DECISION] it concerns only a notification of measures that reached the MSE, and may come after closure', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    // Not a step-1 request
    const step1 = sendRequest(h, derogationDraft())
    h.ok(U.frNimicReferee, cmd('request.approve', step1))
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.record-contrary-decision', step1)))).toEqual({ code: 'request.not-a-measures-notification', ruleId: 'DEROG-CONTRARY-DECISION' })
    // Not a notification still awaiting its coordinator's approval
    const waiting = sendRequest(h, measuresNotificationDraft())
    expect(refusalCodeOf(h.exec(SYSTEM, cmd('request.record-contrary-decision', waiting)))).toEqual({ code: 'request.not-notified', ruleId: 'DEROG-CONTRARY-DECISION' })
    // A closed notification may still receive the decision
    h.ok(U.frNimicReferee, cmd('request.approve', waiting))
    h.ok(U.deHandler, cmd('request.accept', waiting))
    h.ok(U.deHandler, cmd('request.reply', waiting, { answers: [{ questionId: 'services.measures.observations', answerId: 'no-observations' }] }))
    h.ok(U.frHandler, cmd('request.close', waiting))
    h.ok(SYSTEM, cmd('request.record-contrary-decision', waiting))
    expect(h.state(waiting)).toMatchObject({ status: 'closed', derogation: { contraryDecision: { recordedAt: REQUEST_START.toISOString() } } })
    // An urgency notification may be opposed too; it never had a date
    const urgent = sendRequest(h, urgencyDraft)
    h.ok(U.frNimicReferee, cmd('request.approve', urgent))
    h.ok(SYSTEM, cmd('request.record-contrary-decision', urgent, { reference: 'C(2026) 99' }))
    expect(h.state(urgent).derogation?.contraryDecision?.reference).toBe('C(2026) 99')
    // The system actor still does nothing else
    expect(refusalOf(h.exec(SYSTEM, cmd('request.close', urgent))).ruleId).toBe('RET-REQ-PD-OPEN-KEPT')
  })
})
