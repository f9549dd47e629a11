/**
 * Given/when/then examples of the request procedure's approval by coordinators, refusal, closure and
 * the parameters behind them (REQ.md "Participants and statuses", "Approval", "Refuse"; ACT.md
 * defaults and parameters).
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REQUEST_AUTHORITY_PARAMETERS,
  DEFAULT_REQUEST_COORDINATOR_PARAMETERS,
  arbitrationScenario,
  replyApprovalApplies,
  requestAccess,
  requestApprovalApplies,
  requestForInformation,
  requestWorkflowAccess,
} from '../../index.js'
import type {
  AuthorityId,
  ClosureReason,
  DirectoryData,
  DomainError,
  ExchangeId,
  LegislativeAreaId,
  RequestAuthorityParameters,
  RequestContent,
  RequestCoordinatorParameters,
  RequestState,
  RequestWorkflowAccess,
  UserId,
} from '../../index.js'
import {
  A, PQ, Q1, Q2, SERVICES_LA, U, acceptedRequest, allocationOn, freeText, pqDraft, refusalOf, repliedRequest, replyApprovalOn, requestApprovalOn,
  requestHarness, sendRequest, servicesDraft, standardAnswers, withUser, world, worldData,
} from '../../testing/index.js'
import type { RequestHarness } from '../../testing/index.js'

// ---------------------------------------------------------------------------------------------
// fixtures

/** A Professional Qualifications request from the French authority to the German one, without attachments. */
const pqRequest = pqDraft({
  caseData: { name: 'Jean Dupont', profession: 'Médecin' },
  questions: [{ questionId: Q1, parameters: { profession: 'Médecin' }, comment: freeText('fr', 'Merci de confirmer son inscription.') }, { questionId: Q2 }],
  attachments: undefined,
})

/** The paths of the problems of an input the command codec rejected. */
const invalidPaths = (e: DomainError): ReadonlyArray<string> =>
  ((e.details?.['problems'] ?? []) as ReadonlyArray<{ readonly path: string }>).map((p) => p.path)

const refuseCmd = (exchangeId: ExchangeId) => ({
  type: 'request.refuse',
  exchangeId,
  justification: freeText('de', 'Die Ärztekammer ist für diesen Beruf nicht zuständig.'),
  noOtherCompetentAuthority: true,
})

/** Changes one authority's request-workflow access, in every area or in one. */
const withAccess = (
  data: DirectoryData,
  id: AuthorityId,
  patch: (r: RequestWorkflowAccess) => RequestWorkflowAccess,
  la?: LegislativeAreaId,
): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) =>
    a.id !== id
      ? a
      : { ...a, access: a.access.map((l) => (l.request === undefined || (la !== undefined && l.legislativeArea !== la) ? l : { ...l, request: patch(l.request) })) },
  ),
})

const params = (p: Partial<RequestAuthorityParameters>) => (r: RequestWorkflowAccess): RequestWorkflowAccess => ({ ...r, parameters: { ...r.parameters, ...p } })

const coordParams = (p: Partial<RequestCoordinatorParameters>) => (r: RequestWorkflowAccess): RequestWorkflowAccess => ({
  ...r,
  coordinatorParameters: { ...DEFAULT_REQUEST_COORDINATOR_PARAMETERS, ...r.coordinatorParameters, ...p },
})

const mayRefuse = (data: DirectoryData = worldData()) => withAccess(data, A.deCa, params({ mayRefuseRequests: true }))

const noArbitration = (): DirectoryData =>
  withAccess(withAccess(worldData(), A.frNimic, coordParams({ takesPartInArbitration: false })), A.deNimic, coordParams({ takesPartInArbitration: false }))

const requestAdditionalInfo = (h: RequestHarness, id: ExchangeId) =>
  h.ok(U.frHandler, { type: 'request.request-additional-info', exchangeId: id, justification: freeText('fr', 'Précisez la date d’inscription.'), questions: [Q1] })

const rejectAdditionalInfo = (h: RequestHarness, id: ExchangeId) =>
  h.ok(U.deHandler, { type: 'request.reject-additional-info', exchangeId: id, justification: freeText('de', 'Mehr Informationen liegen nicht vor.') })

// ---------------------------------------------------------------------------------------------
// participants and statuses

describe('closure', () => {
  it('[REQ-CLOSURE-REASONS] each way of closing records exactly its one reason', () => {
    const reasons: Array<[string, RequestState]> = []

    const refused = requestHarness(mayRefuse())
    const a = sendRequest(refused, pqRequest)
    refused.ok(U.deHandler, refuseCmd(a))
    reasons.push(['refused', refused.state(a)])

    const closed = requestHarness()
    const b = repliedRequest(closed, pqRequest)
    closed.ok(U.frHandler, { type: 'request.close', exchangeId: b })
    reasons.push(['reply-accepted', closed.state(b)])

    const refusalAccepted = requestHarness()
    const c = repliedRequest(refusalAccepted, pqRequest)
    requestAdditionalInfo(refusalAccepted, c)
    rejectAdditionalInfo(refusalAccepted, c)
    refusalAccepted.ok(U.frHandler, { type: 'request.accept-refusal', exchangeId: c })
    reasons.push(['refusal-justification-accepted', refusalAccepted.state(c)])

    const arbitrated = requestHarness()
    const d = repliedRequest(arbitrated, pqRequest)
    requestAdditionalInfo(arbitrated, d)
    rejectAdditionalInfo(arbitrated, d)
    arbitrated.ok(U.frHandler, { type: 'request.insist', exchangeId: d })
    arbitrated.ok(U.frNimicReferee, { type: 'request.find-reply-satisfactory', exchangeId: d })
    reasons.push(['closed-by-coordinator-arbitration', arbitrated.state(d)])

    const maintained = requestHarness(noArbitration())
    const f = repliedRequest(maintained, pqRequest)
    requestAdditionalInfo(maintained, f)
    rejectAdditionalInfo(maintained, f)
    maintained.ok(U.frHandler, { type: 'request.insist', exchangeId: f })
    maintained.ok(U.deHandler, { type: 'request.maintain-position', exchangeId: f, justification: freeText('de', 'Wir bleiben bei unserer Auskunft.') })
    reasons.push(['closed-by-responding-authority', maintained.state(f)])

    for (const [reason, s] of reasons) expect({ reason, status: s.status, closureReason: s.closureReason }).toEqual({ reason, status: 'closed', closureReason: reason })
    const expected: ReadonlyArray<ClosureReason> = ['refused', 'reply-accepted', 'refusal-justification-accepted', 'closed-by-coordinator-arbitration', 'closed-by-responding-authority']
    expect(reasons.map(([, s]) => s.closureReason)).toEqual(expected)
  })

  it('[REQ-CLOSURE-REASONS] an open request has no closure reason', () => {
    const h = requestHarness()
    const id = repliedRequest(h, pqRequest)
    expect(h.state(id).closureReason).toBeUndefined()
    expect(h.state(id).history.every((e) => e.to !== 'closed')).toBe(true)
  })

  it('[REQ-CLOSED-TERMINAL] a closed request admits no further transition', () => {
    const h = requestHarness(mayRefuse())
    const id = repliedRequest(h, pqRequest)
    h.ok(U.frHandler, { type: 'request.close', exchangeId: id })
    const attempts: ReadonlyArray<readonly [UserId, Record<string, unknown>]> = [
      [U.deHandler, { type: 'request.accept', exchangeId: id }],
      [U.deHandler, refuseCmd(id)],
      [U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers }],
      [U.frHandler, { type: 'request.close', exchangeId: id }],
      [U.frHandler, { type: 'request.request-additional-info', exchangeId: id, justification: freeText('fr', 'Encore une question.'), questions: [Q1] }],
      [U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Une dernière remarque.') }],
      [U.deHandler, { type: 'request.forward', exchangeId: id, to: A.deCa2, justification: freeText('de', 'Zuständig ist Stuttgart.') }],
    ]
    for (const [as, cmd] of attempts) {
      const e = refusalOf(h.exec(as, cmd))
      expect({ type: cmd['type'], code: e.code, ruleId: e.ruleId }).toEqual({ type: cmd['type'], code: 'request.wrong-status', ruleId: 'REQ-CLOSED-TERMINAL' })
    }
    expect(h.state(id).status).toBe('closed')
    expect(h.state(id).closureReason).toBe('reply-accepted')
  })

  it('[REQ-CLOSED-TERMINAL] a closed request can still be copied into a new draft for further questions', () => {
    const h = requestHarness(mayRefuse())
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, refuseCmd(id))
    // Beyond the copy, only the early removal of its personal data remains (RET-EARLY-REMOVAL).
    expect(h.actions(U.frHandler, id)).toEqual(['request.copy', 'request.remove-personal-data'])
    h.ok(U.frHandler, { type: 'request.copy', exchangeId: id, include: { addressee: true, questions: true, attachments: false, caseData: true } })
    const copy = h.last()
    expect(copy).not.toBe(id)
    expect(h.state(copy)).toMatchObject({ status: 'draft', links: { copiedFrom: id } })
    expect(h.state(copy).questions.map((q) => q.questionId)).toEqual([Q1, Q2])
    expect(h.state(id).status).toBe('closed')
  })

  it('[REQ-JUSTIFICATION-REQUIRED] refusing, forwarding, splitting, asking for and rejecting additional information need a justification', () => {
    const h = requestHarness(mayRefuse())
    const id = sendRequest(h, pqRequest)
    const missing: ReadonlyArray<readonly [UserId, Record<string, unknown>]> = [
      [U.deHandler, { type: 'request.refuse', exchangeId: id, noOtherCompetentAuthority: true }],
      [U.deHandler, { type: 'request.refuse', exchangeId: id, noOtherCompetentAuthority: true, justification: freeText('de', '   ') }],
      [U.deHandler, { type: 'request.forward', exchangeId: id, to: A.deCa2 }],
      [U.deHandler, { type: 'request.split', exchangeId: id, to: A.deCa2, questions: [Q2], attachments: [] }],
      [U.frHandler, { type: 'request.request-additional-info', exchangeId: id, questions: [Q1] }],
      [U.deHandler, { type: 'request.reject-additional-info', exchangeId: id }],
      // A justification must declare its language, so that the other side can translate it.
      [U.deHandler, { type: 'request.forward', exchangeId: id, to: A.deCa2, justification: { text: 'Zuständig ist Stuttgart.' } }],
    ]
    for (const [as, cmd] of missing) {
      const e = refusalOf(h.exec(as, cmd))
      expect({ type: cmd['type'], code: e.code, ruleId: e.ruleId }).toEqual({ type: cmd['type'], code: 'command.invalid', ruleId: 'REQ-JUSTIFICATION-REQUIRED' })
      expect(invalidPaths(e).some((p) => /(^|\.)justification(\.|$)/.test(p))).toBe(true)
    }
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-JUSTIFICATION-REQUIRED] with a justification, the action proceeds and the justification is kept', () => {
    const h = requestHarness(withAccess(mayRefuse(), A.deCa2, params({ mayRefuseRequests: true })))
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.split', exchangeId: id, to: A.deCa2, justification: freeText('de', 'Frage 2 beantwortet Stuttgart.'), questions: [Q2], attachments: [] })
    h.ok(U.deHandler, { type: 'request.forward', exchangeId: id, to: A.deCa2, justification: freeText('de', 'Zuständig ist Stuttgart.') })
    h.ok(U.de2Handler, refuseCmd(id))
    const justified = h.state(id).history.filter((e) => e.justification !== undefined).map((e) => [e.action, e.justification?.text])
    expect(justified).toEqual([
      ['request.split', 'Frage 2 beantwortet Stuttgart.'],
      ['request.forwarded', 'Zuständig ist Stuttgart.'],
      ['request.refused', 'Die Ärztekammer ist für diesen Beruf nicht zuständig.'],
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// approval

describe('approval', () => {
  it('[REQ-REQUEST-APPROVAL-APPLIES] request approval applies only when the authority requires it and its coordinator approves requests', () => {
    const cases: ReadonlyArray<readonly [boolean, boolean, string]> = [
      [false, false, 'awaiting-acceptance'],
      [true, false, 'awaiting-acceptance'],
      [false, true, 'awaiting-acceptance'],
      [true, true, 'awaiting-request-approval'],
    ]
    for (const [required, approves, status] of cases) {
      const data = withAccess(withAccess(worldData(), A.frCa, params({ approvalRequired: required })), A.frNimic, coordParams({ approveRequests: approves }))
      const h = requestHarness(data)
      const id = sendRequest(h, pqRequest)
      expect({ required, approves, status: h.state(id).status }).toEqual({ required, approves, status })
      expect(requestApprovalApplies(h.state(id), h.directory)).toBe(required && approves)
    }
  })

  it('[REQ-SEND-TARGET-STATUS] sending a draft leads to approval when it applies, otherwise straight to acceptance', () => {
    const direct = requestHarness()
    const a = sendRequest(direct, pqRequest)
    expect(direct.state(a).history.at(-1)).toMatchObject({ action: 'request.sent', from: 'draft', to: 'awaiting-acceptance' })
    const approved = requestHarness(requestApprovalOn(worldData()))
    const b = sendRequest(approved, pqRequest)
    expect(approved.state(b).history.at(-1)).toMatchObject({ action: 'request.sent', from: 'draft', to: 'awaiting-request-approval' })
  })

  it('[REQ-SEND-TARGET-STATUS] only a draft can be sent', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-SEND-TARGET-STATUS' })
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: id })
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-SEND-TARGET-STATUS' })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-REQUEST-APPROVAL-APPLIES] with several coordinators, the selected one decides', () => {
    let data = withAccess(worldData(), A.frCa, (r) => ({ ...r, linkedCoordinators: [A.frNimic, A.frDimic], parameters: { ...r.parameters, approvalRequired: true } }))
    data = withAccess(data, A.frDimic, coordParams({ approveRequests: true }))
    const h = requestHarness(data)
    const viaNimic = sendRequest(h, { ...pqRequest, requestingCoordinator: A.frNimic })
    const viaDimic = sendRequest(h, { ...pqRequest, requestingCoordinator: A.frDimic })
    expect(h.state(viaNimic).status).toBe('awaiting-acceptance')
    expect(h.state(viaDimic).status).toBe('awaiting-request-approval')
  })

  it('[REQ-REPLY-APPROVAL-APPLIES] reply approval applies only when the responder requires it and its coordinator approves replies', () => {
    const cases: ReadonlyArray<readonly [boolean, boolean, string]> = [
      [false, false, 'replied'],
      [true, false, 'replied'],
      [false, true, 'replied'],
      [true, true, 'awaiting-reply-approval'],
    ]
    for (const [required, approves, status] of cases) {
      const data = withAccess(withAccess(worldData(), A.deCa, params({ approvalRequired: required })), A.deNimic, coordParams({ approveReplies: approves }))
      const h = requestHarness(data)
      const id = acceptedRequest(h, pqRequest)
      expect(replyApprovalApplies(h.state(id), h.directory)).toBe(required && approves)
      h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
      expect({ required, approves, status: h.state(id).status }).toEqual({ required, approves, status })
    }
  })

  it('[REQ-APPROVAL-BY-REFEREE] a referee of the requesting coordinator approves; others cannot', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    for (const u of [U.frHandler, U.frNimicHandler, U.frDimicReferee, U.deNimicReferee]) {
      const e = refusalOf(h.exec(u, { type: 'request.approve', exchangeId: id }))
      expect({ u, code: e.code, ruleId: e.ruleId }).toEqual({ u, code: 'request.not-allowed', ruleId: 'REQ-APPROVAL-BY-REFEREE' })
    }
    expect(h.actions(U.frNimicReferee2, id)).toEqual(expect.arrayContaining(['request.approve', 'request.return']))
    h.ok(U.frNimicReferee2, { type: 'request.approve', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-APPROVAL-BY-REFEREE] a referee of the responding coordinator approves a reply; the requesting side cannot', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    for (const u of [U.deHandler, U.frNimicReferee, U.deDimicReferee]) {
      const e = refusalOf(h.exec(u, { type: 'request.approve-reply', exchangeId: id }))
      expect({ u, code: e.code, ruleId: e.ruleId }).toEqual({ u, code: 'request.not-allowed', ruleId: 'REQ-APPROVAL-BY-REFEREE' })
    }
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id })
    expect(h.state(id).status).toBe('replied')
  })

  it("[REQ-APPROVAL-BY-REFEREE] with the coordinator's allocation on, only its allocated referees approve", () => {
    const h = requestHarness(allocationOn(requestApprovalOn(worldData()), A.frNimic))
    const id = sendRequest(h, pqRequest)
    h.ok(U.frNimicAllocator, { type: 'request.allocate', exchangeId: id, side: 'requesting-coordinator', users: [U.frNimicReferee2] })
    expect(refusalOf(h.exec(U.frNimicReferee, { type: 'request.approve', exchangeId: id }))).toMatchObject({ code: 'request.not-allocated', ruleId: 'REQ-APPROVAL-BY-REFEREE' })
    expect(refusalOf(h.exec(U.frNimicReferee, { type: 'request.return', exchangeId: id, suggestions: freeText('fr', 'À compléter.') }))).toMatchObject({
      code: 'request.not-allocated',
      ruleId: 'REQ-APPROVAL-BY-REFEREE',
    })
    expect(h.state(id).status).toBe('awaiting-request-approval')
    h.ok(U.frNimicReferee2, { type: 'request.approve', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-APPROVE-REQUEST] approving moves the request to awaiting acceptance, and only then does the addressee see it', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).status).toBe('awaiting-request-approval')
    expect(h.view(U.deHandler, id)).toBeUndefined()
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-ACCEPT-STATUS' })
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.view(U.deHandler, id)?.access).toBe('no-personal-data')
    expect(h.actions(U.deHandler, id)).toContain('request.accept')
  })

  it('[REQ-APPROVE-REQUEST] a request not awaiting approval cannot be approved', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: id })
    expect(refusalOf(h.exec(U.frNimicReferee, { type: 'request.approve', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-APPROVE-REQUEST' })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-REJECT-REQUEST-APPROVAL] a request not approved returns to the requester as a draft, flagged with the suggestions', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.return', exchangeId: id, suggestions: freeText('fr', 'Précisez la période d’exercice.') })
    const s = h.state(id)
    expect(s.status).toBe('draft')
    expect(s.returnedByCoordinator).toEqual(freeText('fr', 'Précisez la période d’exercice.'))
    expect((h.view(U.frHandler, id)?.content as RequestContent).returnedByCoordinator).toEqual(freeText('fr', 'Précisez la période d’exercice.'))
    expect(h.actions(U.frHandler, id)).toEqual(expect.arrayContaining(['request.edit', 'request.send']))
  })

  it('[REQ-REJECT-REQUEST-APPROVAL] returning needs suggestions and a request awaiting approval', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.frNimicReferee, { type: 'request.return', exchangeId: id })).code).toBe('command.invalid')
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: id })
    expect(refusalOf(h.exec(U.frNimicReferee, { type: 'request.return', exchangeId: id, suggestions: freeText('fr', 'Trop tard.') }))).toMatchObject({
      code: 'request.wrong-status',
      ruleId: 'REQ-REJECT-REQUEST-APPROVAL',
    })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-APPROVE-REPLY] approving a reply moves the request to replied', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    expect(h.actions(U.frHandler, id)).not.toContain('request.close')
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id })
    expect(h.state(id).status).toBe('replied')
    expect(h.actions(U.frHandler, id)).toContain('request.close')
  })

  it('[REQ-APPROVE-REPLY] there is no reply to approve before one is awaiting approval', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-APPROVE-REPLY' })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[REQ-REJECT-REPLY-APPROVAL] a reply not approved returns the request to accepted, with the answers kept for modification', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    h.ok(U.deNimicReferee, { type: 'request.return-reply', exchangeId: id, suggestions: freeText('de', 'Bitte Frage 2 begründen.') })
    const s = h.state(id)
    expect(s.status).toBe('accepted')
    expect(s.draftAnswers).toEqual(standardAnswers)
    expect(s.history.at(-1)?.justification).toEqual(freeText('de', 'Bitte Frage 2 begründen.'))
    expect(h.actions(U.deHandler, id)).toContain('request.reply')
  })

  it('[REQ-REJECT-REPLY-APPROVAL] a reply can be returned only while it awaits approval', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id })
    expect(refusalOf(h.exec(U.deNimicReferee, { type: 'request.return-reply', exchangeId: id, suggestions: freeText('de', 'Zu spät.') }))).toMatchObject({
      code: 'request.wrong-status',
      ruleId: 'REQ-REJECT-REPLY-APPROVAL',
    })
    expect(h.state(id).status).toBe('replied')
  })

  it('[REQ-APPROVAL-RESUBMIT] a returned request, once modified, goes back to the coordinator, not to the addressee', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.return', exchangeId: id, suggestions: freeText('fr', 'Ajoutez la référence du dossier.') })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, caseData: { ...pqRequest.caseData, reference: 'ONM-2026-118' } })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-request-approval')
    expect(h.state(id).returnedByCoordinator).toBeUndefined()
    expect(h.view(U.deHandler, id)).toBeUndefined()
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-APPROVAL-RESUBMIT] a returned reply, once modified, goes back to the coordinator, not to the requester', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    h.ok(U.deNimicReferee, { type: 'request.return-reply', exchangeId: id, suggestions: freeText('de', 'Bitte Frage 2 begründen.') })
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: Q2, answerId: 'no', comment: freeText('de', 'Laut Register keine Untersagung.') }] })
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    expect(h.state(id).answers.find((a) => a.questionId === Q2)?.comment).toEqual(freeText('de', 'Laut Register keine Untersagung.'))
    expect(h.state(id).answers.map((a) => a.questionId).sort()).toEqual([Q1, Q2])
  })

  it('[REQ-APPROVAL-ADDINFO-REPLY] a reply to a request for additional information also goes through reply approval', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id })
    requestAdditionalInfo(h, id)
    h.ok(U.deHandler, { type: 'request.accept-additional-info', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: Q1, answerId: 'yes', comment: freeText('de', 'Eingetragen seit 2012.') }] })
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id })
    expect(h.state(id).status).toBe('replied')
  })

  it('[REQ-APPROVAL-NOT-REDIRECT] refusal, forward and split take effect at once even where approval applies', () => {
    const data = mayRefuse(replyApprovalOn(requestApprovalOn(worldData())))
    const h = requestHarness(data)
    const forwarded = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: forwarded })
    h.ok(U.deHandler, { type: 'request.forward', exchangeId: forwarded, to: A.deCa2, justification: freeText('de', 'Zuständig ist Stuttgart.') })
    expect(h.state(forwarded).status).toBe('awaiting-acceptance')
    expect(h.state(forwarded).responding.authorityId).toBe(A.deCa2)

    const split = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: split })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: split })
    h.ok(U.deHandler, { type: 'request.split', exchangeId: split, to: A.deCa2, justification: freeText('de', 'Frage 2 beantwortet Stuttgart.'), questions: [Q2], attachments: [] })
    const part = h.last()
    expect(h.state(split).status).toBe('accepted')
    expect(h.state(part)).toMatchObject({ status: 'awaiting-acceptance', responding: { authorityId: A.deCa2 } })

    const refused = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: refused })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: refused })
    h.ok(U.deHandler, refuseCmd(refused))
    expect(h.state(refused)).toMatchObject({ status: 'closed', closureReason: 'refused' })
  })
})

// ---------------------------------------------------------------------------------------------
// refuse

describe('refuse', () => {
  it('[REQ-REFUSE-PARAMETER] an authority allowed to refuse refuses a request', () => {
    const h = requestHarness(mayRefuse())
    const id = sendRequest(h, pqRequest)
    expect(h.actions(U.deHandler, id)).toContain('request.refuse')
    h.ok(U.deHandler, refuseCmd(id))
    expect(h.state(id).status).toBe('closed')
  })

  it('[REQ-REFUSE-PARAMETER] an authority whose coordinator has not allowed refusal cannot refuse', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(h.actions(U.deHandler, id)).not.toContain('request.refuse')
    expect(refusalOf(h.exec(U.deHandler, refuseCmd(id)))).toMatchObject({ code: 'request.may-not-refuse', ruleId: 'REQ-REFUSE-PARAMETER' })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-REFUSE-COORDINATOR] a coordinator addressee refuses on behalf of its member state whatever its refusal parameter', () => {
    const h = requestHarness()
    const deNimic = h.directory.authority(A.deNimic)
    expect(deNimic === undefined ? undefined : requestAccess(deNimic, PQ)?.parameters.mayRefuseRequests).toBe(false)
    const waiting = sendRequest(h, { ...pqRequest, addressee: A.deNimic })
    h.ok(U.deNimicHandler, refuseCmd(waiting))
    expect(h.state(waiting)).toMatchObject({ status: 'closed', closureReason: 'refused' })
    const accepted = sendRequest(h, { ...pqRequest, addressee: A.deNimic })
    h.ok(U.deNimicHandler, { type: 'request.accept', exchangeId: accepted })
    h.ok(U.deNimicHandler, refuseCmd(accepted))
    expect(h.state(accepted)).toMatchObject({ status: 'closed', closureReason: 'refused' })
  })

  it('[REQ-REFUSE-NO-COMPETENT] refusing needs confirmation that no other authority of the member state is competent', () => {
    const h = requestHarness(mayRefuse())
    const id = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, { ...refuseCmd(id), noOtherCompetentAuthority: false }))).toMatchObject({
      code: 'request.other-competent',
      ruleId: 'REQ-REFUSE-NO-COMPETENT',
    })
    const { noOtherCompetentAuthority: _n, ...unconfirmed } = refuseCmd(id)
    expect(refusalOf(h.exec(U.deHandler, unconfirmed)).code).toBe('command.invalid')
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, refuseCmd(id))
    expect(h.state(id).status).toBe('closed')
  })

  it('[REQ-REFUSE-AWAITING] a request awaiting acceptance can be refused', () => {
    const h = requestHarness(mayRefuse())
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, refuseCmd(id))
    expect(h.state(id).history.at(-1)).toMatchObject({ action: 'request.refused', from: 'awaiting-acceptance', to: 'closed' })
  })

  it('[REQ-REFUSE-AWAITING] a request awaiting approval, replied or awaiting reply approval cannot be refused', () => {
    const h = requestHarness(mayRefuse(replyApprovalOn(requestApprovalOn(worldData()))))
    const inApproval = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, refuseCmd(inApproval)))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-REFUSE-AWAITING' })
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: inApproval })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: inApproval })
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: inApproval, answers: standardAnswers })
    expect(h.state(inApproval).status).toBe('awaiting-reply-approval')
    expect(refusalOf(h.exec(U.deHandler, refuseCmd(inApproval)))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-REFUSE-AWAITING' })
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: inApproval })
    expect(refusalOf(h.exec(U.deHandler, refuseCmd(inApproval)))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-REFUSE-AWAITING' })
    expect(h.state(inApproval).status).toBe('replied')
  })

  it('[REQ-REFUSE-AFTER-ACCEPT] an accepted request can still be refused', () => {
    const h = requestHarness(mayRefuse())
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.save-reply', exchangeId: id, answers: [standardAnswers[0]] })
    expect(h.actions(U.deHandler, id)).toContain('request.refuse')
    h.ok(U.deHandler, refuseCmd(id))
    expect(h.state(id)).toMatchObject({ status: 'closed', closureReason: 'refused' })
    expect(h.state(id).history.at(-1)).toMatchObject({ from: 'accepted', to: 'closed' })
  })

  it('[REQ-REFUSE-CLOSES] a refusal closes the request directly with reason refused', () => {
    const h = requestHarness(mayRefuse())
    const id = sendRequest(h, pqRequest)
    h.advance(60 * 60 * 1000)
    h.ok(U.deHandler, refuseCmd(id))
    const s = h.state(id)
    expect(s).toMatchObject({ status: 'closed', closureReason: 'refused', closedAt: '2026-03-02T10:00:00.000Z' })
    expect(h.events(id).filter((e) => e.type === 'request.refused')).toHaveLength(1)
    expect(h.events(id).at(-1)?.type).toBe('request.refused')
    expect(h.view(U.frHandler, id)?.displayedStatus).toBe('refused')
    expect(h.needsAction(U.frHandler, id)).toBe(false)
    // Closure starts retention like any other closure.
    expect(requestForInformation.timers(s).map((t) => t.id)).toEqual(['retention.block', 'retention.erase'])
  })
})

// ---------------------------------------------------------------------------------------------
// defaults and parameters

describe('parameters', () => {
  it('[ACT-DEFAULT-APPROVAL-REQUIRED] approval is not required by default: requests go straight to the addressee even if the coordinator approves', () => {
    expect(DEFAULT_REQUEST_AUTHORITY_PARAMETERS.approvalRequired).toBe(false)
    expect(requestWorkflowAccess().parameters.approvalRequired).toBe(false)
    const h = requestHarness(withAccess(worldData(), A.frNimic, coordParams({ approveRequests: true })))
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[ACT-DEFAULT-MAY-REFUSE] an authority may not refuse by default', () => {
    expect(DEFAULT_REQUEST_AUTHORITY_PARAMETERS.mayRefuseRequests).toBe(false)
    expect(requestWorkflowAccess().parameters.mayRefuseRequests).toBe(false)
    const h = requestHarness()
    const id = acceptedRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, refuseCmd(id)))).toMatchObject({ code: 'request.may-not-refuse', ruleId: 'REQ-REFUSE-PARAMETER' })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[ACT-DEFAULT-MAY-ACCEPT] an authority may accept requests by default', () => {
    expect(requestWorkflowAccess().parameters.mayAcceptRequests).toBe(true)
    const h = requestHarness()
    const id = acceptedRequest(h, pqRequest)
    expect(h.state(id).status).toBe('accepted')
  })

  it('[ACT-DEFAULT-ARBITRATION] coordinators take part in arbitration by default, set per legislative area', () => {
    expect(DEFAULT_REQUEST_COORDINATOR_PARAMETERS.takesPartInArbitration).toBe(true)
    expect(requestWorkflowAccess({ role: 'request-coordinator' }).coordinatorParameters?.takesPartInArbitration).toBe(true)
    // The German NIMIC opts out in Services only.
    const h = requestHarness(withAccess(worldData(), A.deNimic, coordParams({ takesPartInArbitration: false }), SERVICES_LA))
    const pq = acceptedRequest(h, pqRequest)
    const services = acceptedRequest(h, servicesDraft())
    expect(arbitrationScenario(h.state(pq), h.directory)).toBe('S3')
    expect(arbitrationScenario(h.state(services), h.directory)).toBe('S1')
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: pq, answers: standardAnswers })
    requestAdditionalInfo(h, pq)
    rejectAdditionalInfo(h, pq)
    h.ok(U.frHandler, { type: 'request.insist', exchangeId: pq })
    expect(h.state(pq).status).toBe('arbitration-requesting-coordinator')
  })

  it('[ACT-DEFAULT-APPROVE-REQUESTS] a coordinator does not approve requests by default, even for an authority that requires approval', () => {
    expect(DEFAULT_REQUEST_COORDINATOR_PARAMETERS.approveRequests).toBe(false)
    const h = requestHarness(withAccess(worldData(), A.frCa, params({ approvalRequired: true })))
    const frNimic = h.directory.authority(A.frNimic)
    expect(frNimic === undefined ? undefined : requestAccess(frNimic, PQ)?.coordinatorParameters?.approveRequests).toBe(false)
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[ACT-DEFAULT-APPROVE-REPLIES] a coordinator does not approve replies by default, even for an authority that requires approval', () => {
    expect(DEFAULT_REQUEST_COORDINATOR_PARAMETERS.approveReplies).toBe(false)
    const h = requestHarness(withAccess(worldData(), A.deCa, params({ approvalRequired: true })))
    const id = acceptedRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    expect(h.state(id).status).toBe('replied')
  })

  it('[ACT-DEFAULT-CA-ALLOCATION] a competent authority starts with allocation off', () => {
    expect(requestWorkflowAccess().allocation).toBe(false)
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    // No allocation needed: any handler of the addressee may act, and the allocator has nothing to do.
    expect(h.actions(U.deHandler2, id)).toContain('request.accept')
    expect(h.needsAction(U.deAllocator, id)).toBe(false)
  })

  it("[ACT-PARAMS-PER-WORKFLOW] an authority's parameters are held per area and may differ between areas", () => {
    let data = withAccess(worldData(), A.deCa, params({ mayRefuseRequests: true }), PQ)
    data = withAccess(data, A.frCa, params({ approvalRequired: true }), SERVICES_LA)
    data = withAccess(data, A.frNimic, coordParams({ approveRequests: true }))
    const h = requestHarness(data)
    const pq = sendRequest(h, pqRequest)
    const services = sendRequest(h, servicesDraft())
    expect(h.state(pq).status).toBe('awaiting-acceptance')
    expect(h.state(services).status).toBe('awaiting-request-approval')
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: services })
    h.ok(U.deHandler, refuseCmd(pq))
    expect(h.state(pq).status).toBe('closed')
    expect(refusalOf(h.exec(U.deHandler, refuseCmd(services)))).toMatchObject({ code: 'request.may-not-refuse', ruleId: 'REQ-REFUSE-PARAMETER' })
    expect(h.state(services).status).toBe('awaiting-acceptance')
  })

  it('[ACT-MIXED-ROLES] a user holding several roles uses each: a NIMIC referee who is also a request handler approves and sends', () => {
    const data = withUser(requestApprovalOn(worldData()), U.frNimicReferee, (u) => ({
      ...u,
      requestRoles: u.requestRoles.map((g) => ({ ...g, roles: ['referee', 'request-handler'] })),
    }))
    const h = requestHarness(data)
    const incoming = sendRequest(h, pqRequest)
    h.ok(U.frNimicReferee, { type: 'request.approve', exchangeId: incoming })
    expect(h.state(incoming).status).toBe('awaiting-acceptance')
    const own = sendRequest(h, { ...pqRequest, addressee: A.deNimic }, U.frNimicReferee)
    expect(h.state(own)).toMatchObject({ status: 'awaiting-acceptance', requesting: { authorityId: A.frNimic }, createdBy: U.frNimicReferee })
    // Without the handler role the same referee cannot send.
    h.directory = world(requestApprovalOn(worldData()))
    expect(refusalOf(h.exec(U.frNimicReferee, { ...pqRequest, addressee: A.deNimic }))).toMatchObject({ code: 'request.not-allowed', ruleId: 'REQ-CREATE-HANDLER' })
  })
})
