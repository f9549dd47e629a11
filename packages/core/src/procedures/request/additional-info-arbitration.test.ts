import { describe, expect, it } from 'vitest'
import { createRequestProcedure, isListedFor, isRedacted, listingScope, requestForInformation, viewerOf } from '../../index.js'
import type { AnyProcedure, AuthorityId, DirectoryData, ExchangeId, RequestContent, UserId } from '../../index.js'
import type { RequestHarness } from '../../testing/index.js'
import {
  A, PQ, Q1, Q2, Q3, REQUEST_START, U, acceptedRequest, allocationOn, freeText, pqDraft, refusalCodeOf, refusalOf, repliedRequest, requestHarness,
  sendRequest, withRequestAccess, world, worldData,
} from '../../testing/index.js'

// Given/when/then examples for closing, additional information and arbitration (spec §6.8–§6.10;
// rules REQ-CLOSE-*, REQ-ADDINFO-*, REQ-ARB-*). The requesting coordinator (RC) is the NIMIC linked
// to the French requesting authority; the responding coordinator (RespC) is the NIMIC the German
// authority selects at acceptance. Both take part in arbitration by default.

type Given = { h: RequestHarness; id: ExchangeId }

/** Sets a coordinator's "takes part in arbitration" parameter in every area. */
const takesPart = (data: DirectoryData, coordinator: AuthorityId, value: boolean): DirectoryData =>
  withRequestAccess(data, coordinator, (r) => ({
    ...r,
    coordinatorParameters: {
      approveRequests: r.coordinatorParameters?.approveRequests ?? false,
      approveReplies: r.coordinatorParameters?.approveReplies ?? false,
      takesPartInArbitration: value,
    },
  }))

/** The directory where RC and RespC take part in arbitration as given. */
const arbitration = (rc: boolean, respc: boolean, data: DirectoryData = worldData()): DirectoryData =>
  takesPart(takesPart(data, A.frNimic, rc), A.deNimic, respc)

const S1 = () => arbitration(true, false)
const S2 = () => arbitration(false, true)
const S3 = () => arbitration(true, true)
const S4 = () => arbitration(false, false)

const allAnswers = [
  { questionId: Q1, answerId: 'yes' },
  { questionId: Q2, answerId: 'unknown' },
  { questionId: Q3, answerId: 'no' },
]

/** A request from the French authority to the German one, with three questions and no attachments. */
const request = pqDraft({
  caseData: { name: 'Jean Dupont', profession: 'Médecin' },
  questions: [{ questionId: Q1, parameters: { profession: 'Médecin' } }, { questionId: Q2 }, { questionId: Q3 }],
  attachments: undefined,
})

/** Given: the request sent by `requester` to the German authority. */
const sent = (data?: DirectoryData, procedure?: AnyProcedure, requester: UserId = U.frHandler): Given => {
  const h = requestHarness(data, REQUEST_START, procedure)
  return { h, id: sendRequest(h, request, requester) }
}

const accepted = (data?: DirectoryData, procedure?: AnyProcedure, requester: UserId = U.frHandler): Given => {
  const h = requestHarness(data, REQUEST_START, procedure)
  return { h, id: acceptedRequest(h, request, requester) }
}

const replied = (data?: DirectoryData, procedure?: AnyProcedure, requester: UserId = U.frHandler): Given => {
  const h = requestHarness(data, REQUEST_START, procedure)
  return { h, id: repliedRequest(h, request, allAnswers, requester) }
}

const askMore = (id: ExchangeId, questions: ReadonlyArray<string> = [Q2]) => ({
  type: 'request.request-additional-info',
  exchangeId: id,
  questions,
  justification: freeText('fr', "Merci de préciser s'il existe une interdiction d'exercer."),
})
const rejectMore = (id: ExchangeId) => ({ type: 'request.reject-additional-info', exchangeId: id, justification: freeText('de', 'Keine weiteren Angaben möglich.') })
const maintain = (id: ExchangeId) => ({ type: 'request.maintain-position', exchangeId: id, justification: freeText('de', 'Wir bleiben bei unserer Antwort.') })
const satisfactory = (id: ExchangeId) => ({ type: 'request.find-reply-satisfactory', exchangeId: id, comment: freeText('fr', 'La réponse est suffisante.') })
const unsatisfactory = (id: ExchangeId) => ({ type: 'request.find-reply-unsatisfactory', exchangeId: id })

/** Given: a request whose additional-information request the responding authority refused. */
const refused = (data?: DirectoryData, procedure?: AnyProcedure, requester: UserId = U.frHandler): Given => {
  const g = replied(data, procedure, requester)
  g.h.ok(requester, askMore(g.id))
  g.h.ok(U.deHandler, rejectMore(g.id))
  return g
}

/** Given: the requesting authority maintained its request for additional information. */
const escalated = (data?: DirectoryData, procedure?: AnyProcedure): Given => {
  const g = refused(data, procedure)
  g.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g.id })
  return g
}

const expectRefused = (h: RequestHarness, as: UserId, command: unknown, code: string, ruleId: string | undefined) =>
  expect(refusalCodeOf(h.exec(as, command))).toEqual({ code, ruleId })

const status = (g: Given) => g.h.state(g.id).status
const lastEvent = (g: Given) => g.h.events(g.id).at(-1)

describe('closing', () => {
  it('[REQ-CLOSE-ACCEPT-REPLY] a requesting handler who accepts the reply closes the request', () => {
    const g = replied()
    expect(g.h.actions(U.frHandler, g.id)).toContain('request.close')
    g.h.advance(3_600_000)
    g.h.ok(U.frHandler2, { type: 'request.close', exchangeId: g.id })
    const s = g.h.state(g.id)
    expect(s.status).toBe('closed')
    expect(s.closureReason).toBe('reply-accepted')
    expect(s.closedAt).toBe('2026-03-02T10:00:00.000Z')
    expect(s.history.at(-1)).toMatchObject({ action: 'request.closed', from: 'replied', to: 'closed' })
  })

  it('[REQ-CLOSE-ACCEPT-REPLY] the responding side, coordinators and viewers cannot close the request', () => {
    const g = replied()
    expectRefused(g.h, U.deHandler, { type: 'request.close', exchangeId: g.id }, 'request.not-allowed', 'REQ-CLOSE-ACCEPT-REPLY')
    expectRefused(g.h, U.frNimicReferee, { type: 'request.close', exchangeId: g.id }, 'request.not-allowed', 'REQ-CLOSE-ACCEPT-REPLY')
    expectRefused(g.h, U.frViewer, { type: 'request.close', exchangeId: g.id }, 'request.read-only', 'ACT-REQ-VIEWER-READ-ONLY')
    expect(status(g)).toBe('replied')
  })

  it('[REQ-CLOSE-ONLY-STATES] the requester closes from replied, or from additional-info-refused by accepting the refusal', () => {
    const fromReplied = replied()
    fromReplied.h.ok(U.frHandler, { type: 'request.close', exchangeId: fromReplied.id })
    expect(status(fromReplied)).toBe('closed')

    const fromRefused = refused()
    expect(status(fromRefused)).toBe('additional-info-refused')
    fromRefused.h.ok(U.frHandler, { type: 'request.accept-refusal', exchangeId: fromRefused.id })
    expect(status(fromRefused)).toBe('closed')
  })

  it('[REQ-CLOSE-ONLY-STATES] the requester cannot close a request in any other status', () => {
    const g = sent()
    const close = { type: 'request.close', exchangeId: g.id }
    const acceptRefusal = { type: 'request.accept-refusal', exchangeId: g.id }
    const tried: string[] = []
    const tryAll = () => {
      tried.push(status(g))
      expectRefused(g.h, U.frHandler, close, 'request.wrong-status', 'REQ-CLOSE-ONLY-STATES')
      expectRefused(g.h, U.frHandler, acceptRefusal, 'request.wrong-status', 'REQ-CLOSE-ONLY-STATES')
    }
    tryAll()
    g.h.ok(U.deHandler, { type: 'request.accept', exchangeId: g.id })
    tryAll()
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: allAnswers })
    expectRefused(g.h, U.frHandler, acceptRefusal, 'request.wrong-status', 'REQ-CLOSE-ONLY-STATES')
    g.h.ok(U.frHandler, askMore(g.id))
    tryAll()
    g.h.ok(U.deHandler, rejectMore(g.id))
    g.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g.id })
    tryAll()
    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    tryAll()
    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    tryAll()
    expect(tried).toEqual([
      'awaiting-acceptance',
      'accepted',
      'additional-info-requested',
      'arbitration-requesting-coordinator',
      'arbitration-responding-coordinator',
      'returned-after-arbitration',
    ])
  })

  it('[REQ-CLOSE-ONLY-STATES] a draft is deleted, not closed', () => {
    const h = requestHarness()
    h.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ })
    expectRefused(h, U.frHandler, { type: 'request.close', exchangeId: h.last() }, 'request.wrong-status', 'REQ-CLOSE-ONLY-STATES')
  })
})

describe('additional information', () => {
  it('[REQ-ADDINFO-FROM-REPLIED] a requesting handler may request additional information while the request is replied', () => {
    const g = replied()
    expect(g.h.actions(U.frHandler, g.id)).toContain('request.request-additional-info')
    g.h.ok(U.frHandler2, askMore(g.id))
    expect(status(g)).toBe('additional-info-requested')
  })

  it('[REQ-ADDINFO-FROM-REPLIED] additional information is refused before the reply, after closure, and to anyone but the requester', () => {
    const g = sent()
    expectRefused(g.h, U.frHandler, askMore(g.id), 'request.wrong-status', 'REQ-ADDINFO-FROM-REPLIED')
    g.h.ok(U.deHandler, { type: 'request.accept', exchangeId: g.id })
    expectRefused(g.h, U.frHandler, askMore(g.id), 'request.wrong-status', 'REQ-ADDINFO-FROM-REPLIED')
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: allAnswers })
    expectRefused(g.h, U.deHandler, askMore(g.id), 'request.not-allowed', 'REQ-ADDINFO-FROM-REPLIED')
    expectRefused(g.h, U.frNimicReferee, askMore(g.id), 'request.not-allowed', 'REQ-ADDINFO-FROM-REPLIED')
    g.h.ok(U.frHandler, askMore(g.id))
    expectRefused(g.h, U.frHandler, askMore(g.id), 'request.wrong-status', 'REQ-ADDINFO-FROM-REPLIED')
    g.h.ok(U.deHandler, { type: 'request.accept-additional-info', exchangeId: g.id })
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id })
    g.h.ok(U.frHandler, { type: 'request.close', exchangeId: g.id })
    expectRefused(g.h, U.frHandler, askMore(g.id), 'request.wrong-status', 'REQ-CLOSED-TERMINAL')
  })

  it('[REQ-ADDINFO-ORIGINAL-ONLY] additional information may concern only original questions of the request', () => {
    const g = replied()
    expectRefused(g.h, U.frHandler, askMore(g.id, ['pq.qualifications.authentic']), 'request.additional-info-new-question', 'REQ-ADDINFO-ORIGINAL-ONLY')
    expectRefused(g.h, U.frHandler, askMore(g.id, [Q1, 'pq.qualifications.authentic']), 'request.additional-info-new-question', 'REQ-ADDINFO-ORIGINAL-ONLY')
    expect(refusalOf(g.h.exec(U.frHandler, askMore(g.id, []))).code).toBe('command.invalid')
    expect(status(g)).toBe('replied')
    g.h.ok(U.frHandler, askMore(g.id, [Q1, Q3]))
    expect(g.h.state(g.id).additionalInfo?.questions).toEqual([Q1, Q3])
  })

  it('[REQ-ADDINFO-ORIGINAL-ONLY] a question split off to another authority is no longer one of the request', () => {
    const g = accepted()
    g.h.ok(U.deHandler, { type: 'request.split', exchangeId: g.id, to: A.deCa2, questions: [Q3], attachments: [], justification: freeText('de', 'Teilweise zuständig.') })
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: allAnswers.slice(0, 2) })
    expectRefused(g.h, U.frHandler, askMore(g.id, [Q3]), 'request.additional-info-new-question', 'REQ-ADDINFO-ORIGINAL-ONLY')
    g.h.ok(U.frHandler, askMore(g.id, [Q1]))
    expect(status(g)).toBe('additional-info-requested')
  })

  it('[REQ-ADDINFO-REQUESTED] requesting additional information moves the request from replied to additional-info-requested', () => {
    const g = replied()
    g.h.ok(U.frHandler, askMore(g.id, [Q2, Q2]))
    const s = g.h.state(g.id)
    expect(s.status).toBe('additional-info-requested')
    expect(s.additionalInfo).toEqual({
      round: 1,
      questions: [Q2],
      justification: freeText('fr', "Merci de préciser s'il existe une interdiction d'exercer."),
      accepted: false,
    })
    expect(s.history.at(-1)).toMatchObject({ from: 'replied', to: 'additional-info-requested', justification: freeText('fr', "Merci de préciser s'il existe une interdiction d'exercer.") })
    expect((g.h.view(U.deHandler, g.id)?.content as RequestContent | undefined)?.additionalInfo?.questions).toEqual([Q2])
    expect(g.h.needsAction(U.deHandler, g.id)).toBe(true)
    expect(g.h.needsAction(U.frHandler, g.id)).toBe(false)
  })

  it('[REQ-ADDINFO-ACCEPT] a responding handler accepts the request for additional information, then replies again', () => {
    const g = replied()
    g.h.ok(U.frHandler, askMore(g.id))
    expectRefused(g.h, U.frHandler, { type: 'request.accept-additional-info', exchangeId: g.id }, 'request.not-allowed', 'REQ-ADDINFO-ACCEPT')
    expectRefused(g.h, U.de2Handler, { type: 'request.accept-additional-info', exchangeId: g.id }, 'request.not-allowed', 'REQ-ADDINFO-ACCEPT')
    g.h.ok(U.deHandler2, { type: 'request.accept-additional-info', exchangeId: g.id })
    expect(status(g)).toBe('accepted')
    expect(g.h.state(g.id).additionalInfo?.accepted).toBe(true)
    expect(g.h.needsAction(U.deHandler, g.id)).toBe(true)

    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: [{ questionId: Q2, answerId: 'no', comment: freeText('de', 'Keine Untersagung.') }] })
    expect(status(g)).toBe('replied')
    expect(g.h.state(g.id).answers.find((a) => a.questionId === Q2)?.answerId).toBe('no')
  })

  it('[REQ-ADDINFO-ACCEPT] accepting is possible only while additional information is requested', () => {
    const g = replied()
    expectRefused(g.h, U.deHandler, { type: 'request.accept-additional-info', exchangeId: g.id }, 'request.wrong-status', 'REQ-ADDINFO-ACCEPT')
  })

  it('[REQ-ADDINFO-REJECT] a responding handler may reject the request for additional information, with a justification', () => {
    const g = replied()
    g.h.ok(U.frHandler, askMore(g.id))
    expectRefused(g.h, U.frHandler, rejectMore(g.id), 'request.not-allowed', 'REQ-ADDINFO-REJECT')
    expect(refusalOf(g.h.exec(U.deHandler, { type: 'request.reject-additional-info', exchangeId: g.id })).code).toBe('command.invalid')
    g.h.ok(U.deHandler, rejectMore(g.id))
    const s = g.h.state(g.id)
    expect(s.status).toBe('additional-info-refused')
    expect(s.additionalInfo?.refusal).toEqual(freeText('de', 'Keine weiteren Angaben möglich.'))
    expect(g.h.needsAction(U.frHandler, g.id)).toBe(true)
  })

  it('[REQ-ADDINFO-REJECT] rejecting is possible only while additional information is requested', () => {
    const g = replied()
    expectRefused(g.h, U.deHandler, rejectMore(g.id), 'request.wrong-status', 'REQ-ADDINFO-REJECT')
  })

  it("[REQ-ADDINFO-ACCEPT-REFUSAL] the requesting handler may accept the refusal's justification, closing the request", () => {
    const g = refused()
    expectRefused(g.h, U.deHandler, { type: 'request.accept-refusal', exchangeId: g.id }, 'request.not-allowed', 'REQ-ADDINFO-ACCEPT-REFUSAL')
    g.h.ok(U.frHandler, { type: 'request.accept-refusal', exchangeId: g.id })
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('refusal-justification-accepted')
    // Beyond the copy, only the early removal of its personal data remains (RET-EARLY-REMOVAL).
    expect(g.h.actions(U.frHandler, g.id)).toEqual(['request.copy', 'request.remove-personal-data'])
  })

  it('[REQ-ADDINFO-INSIST] the requesting handler may maintain its request after a refusal, which escalates it', () => {
    const g = refused()
    expect(g.h.actions(U.frHandler, g.id)).toEqual(expect.arrayContaining(['request.accept-refusal', 'request.insist']))
    expectRefused(g.h, U.deHandler, { type: 'request.insist', exchangeId: g.id }, 'request.not-allowed', 'REQ-ADDINFO-INSIST')
    g.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g.id })
    expect(status(g)).toBe('arbitration-requesting-coordinator')
    expect(lastEvent(g)).toMatchObject({ type: 'request.escalated', payload: { scenario: 'S3' } })
    expect(g.h.state(g.id).arbitration).toEqual({ scenario: 'S3', relaunches: 0 })
  })

  it('[REQ-ADDINFO-INSIST] insisting is possible only after a refusal', () => {
    const g = replied()
    expectRefused(g.h, U.frHandler, { type: 'request.insist', exchangeId: g.id }, 'request.wrong-status', 'REQ-ADDINFO-INSIST')
    g.h.ok(U.frHandler, askMore(g.id))
    expectRefused(g.h, U.frHandler, { type: 'request.insist', exchangeId: g.id }, 'request.wrong-status', 'REQ-ADDINFO-INSIST')
  })
})

describe('arbitration scenarios', () => {
  it.each([
    [true, false, 'S1', 'arbitration-requesting-coordinator'],
    [false, true, 'S2', 'arbitration-responding-coordinator'],
    [true, true, 'S3', 'arbitration-requesting-coordinator'],
    [false, false, 'S4', 'additional-info-requested'],
  ] as const)('[REQ-ARB-SCENARIO] RC takes part %s, RespC takes part %s: scenario %s, escalated to %s', (rc, respc, scenario, to) => {
    const g = escalated(arbitration(rc, respc))
    expect(g.h.state(g.id).requesting.coordinatorId).toBe(A.frNimic)
    expect(g.h.state(g.id).responding.coordinatorId).toBe(A.deNimic)
    expect(status(g)).toBe(to)
    expect(g.h.state(g.id).arbitration?.scenario).toBe(scenario)
  })

  it('[REQ-ARB-SCENARIO] [REQ-ARB-RC-FIRST] [REQ-ARB-S1-UNSATISFACTORY] [REQ-ARB-RETURN-RECONSIDER] S1: RC finds the reply unsatisfactory, the responding authority reconsiders', () => {
    const g = escalated(S1())
    expect(status(g)).toBe('arbitration-requesting-coordinator')
    expect(g.h.needsAction(U.frNimicReferee, g.id)).toBe(true)
    expect(g.h.needsAction(U.deNimicReferee, g.id)).toBe(false)
    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    expect(status(g)).toBe('returned-after-arbitration')
    expect(g.h.actions(U.deHandler, g.id)).toEqual(expect.arrayContaining(['request.reconsider', 'request.maintain-position']))
    g.h.ok(U.deHandler, { type: 'request.reconsider', exchangeId: g.id })
    expect(status(g)).toBe('accepted')
    expect(g.h.state(g.id).additionalInfo?.accepted).toBe(true)
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: [{ questionId: Q2, answerId: 'no' }] })
    g.h.ok(U.frHandler, { type: 'request.close', exchangeId: g.id })
    expect(g.h.state(g.id).closureReason).toBe('reply-accepted')
  })

  it('[REQ-ARB-S1-MAINTAIN-CLOSE] S1: a responding authority that maintains its position after return closes the request', () => {
    const g = escalated(S1())
    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    expectRefused(g.h, U.frHandler, maintain(g.id), 'request.not-allowed', 'REQ-ARB-RETURN-RECONSIDER')
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-responding-authority')
    expect(g.h.state(g.id).arbitration).toEqual({ scenario: 'S1', relaunches: 0 })
  })

  it('[REQ-ARB-SATISFACTORY-CLOSE] S1: RC finding the reply satisfactory closes the request', () => {
    const g = escalated(S1())
    g.h.ok(U.frNimicReferee, satisfactory(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-coordinator-arbitration')
    expect(lastEvent(g)?.payload).toEqual({ satisfactory: true, by: 'requesting-coordinator', comment: freeText('fr', 'La réponse est suffisante.') })
  })

  it('[REQ-ARB-S2-ESCALATE] [REQ-ARB-RESPC-UNSATISFACTORY] [REQ-ARB-S2-RELAUNCH] S2: escalation goes straight to RespC, whose return the responding authority contests, relaunching arbitration', () => {
    const g = escalated(S2())
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(g.h.needsAction(U.deNimicReferee, g.id)).toBe(true)
    expect(g.h.needsAction(U.frNimicReferee, g.id)).toBe(false)
    expectRefused(g.h, U.frNimicReferee, unsatisfactory(g.id), 'request.not-allowed', 'REQ-ARB-REFEREE-ACTS')

    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    expect(status(g)).toBe('returned-after-arbitration')
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(g.h.state(g.id).arbitration).toEqual({ scenario: 'S2', relaunches: 1 })

    g.h.ok(U.deNimicReferee2, unsatisfactory(g.id))
    g.h.ok(U.deHandler, { type: 'request.reconsider', exchangeId: g.id })
    expect(status(g)).toBe('accepted')
    expect(g.h.state(g.id).additionalInfo?.accepted).toBe(true)
  })

  it('[SRCH-REQ-COORD-CONTENT-ROLE] a coordinator lists the requests in which it plays a content role: the arbitrating coordinator finds it, opens it, and has it on its action list', () => {
    const g = escalated(S2())
    const user = g.h.directory.user(U.deNimicReferee)
    const viewer = user === undefined ? undefined : viewerOf(g.h.directory, { kind: 'user', userId: user.id, authorityId: user.authorityId })
    expect(viewer).toBeDefined()
    if (viewer === undefined) return
    const scope = listingScope(viewer)
    expect(scope).toBeDefined()
    if (scope === undefined) return
    expect(isListedFor(requestForInformation.summary(g.h.state(g.id)), scope)).toBe(true)
    expect(requestForInformation.view(g.h.state(g.id), viewer)).toBeDefined()
    expect(g.h.needsAction(U.deNimicReferee, g.id)).toBe(true)
    // the same coordinator's referee lists it still once its arbitration role is over, for the record
    g.h.ok(U.deNimicReferee, satisfactory(g.id))
    expect(isListedFor(requestForInformation.summary(g.h.state(g.id)), scope)).toBe(true)
    expect(g.h.needsAction(U.deNimicReferee, g.id)).toBe(false)
  })

  it('[REQ-ARB-SATISFACTORY-CLOSE] S2: RespC finding the reply satisfactory closes the request', () => {
    const g = escalated(S2())
    g.h.ok(U.deNimicReferee, satisfactory(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-coordinator-arbitration')
    expect(lastEvent(g)?.payload).toMatchObject({ satisfactory: true, by: 'responding-coordinator' })
  })

  it('[REQ-ARB-RC-FIRST] [REQ-ARB-S3-RC-UNSATISFACTORY] [REQ-ARB-RESPC-UNSATISFACTORY] [REQ-ARB-S3-RELAUNCH] S3: RC first, then RespC, and a maintained position relaunches at RespC', () => {
    const g = escalated(S3())
    expect(status(g)).toBe('arbitration-requesting-coordinator')
    expectRefused(g.h, U.deNimicReferee, unsatisfactory(g.id), 'request.not-allowed', 'REQ-ARB-REFEREE-ACTS')

    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(lastEvent(g)?.payload).toEqual({ satisfactory: false, by: 'requesting-coordinator' })
    expectRefused(g.h, U.deHandler, { type: 'request.reconsider', exchangeId: g.id }, 'request.wrong-status', 'REQ-ARB-RETURN-RECONSIDER')
    expectRefused(g.h, U.frNimicReferee, unsatisfactory(g.id), 'request.not-allowed', 'REQ-ARB-REFEREE-ACTS')

    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    expect(status(g)).toBe('returned-after-arbitration')
    expect(lastEvent(g)?.payload).toEqual({ satisfactory: false, by: 'responding-coordinator' })

    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(g.h.state(g.id).arbitration).toEqual({ scenario: 'S3', relaunches: 1 })
    expect(g.h.needsAction(U.frNimicReferee, g.id)).toBe(false)
    expect(g.h.needsAction(U.deNimicReferee, g.id)).toBe(true)

    g.h.ok(U.deNimicReferee, satisfactory(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-coordinator-arbitration')
  })

  it('[REQ-ARB-SATISFACTORY-CLOSE] S3: RC finding the reply satisfactory closes the request without consulting RespC', () => {
    const g = escalated(S3())
    g.h.ok(U.frNimicReferee2, satisfactory(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-coordinator-arbitration')
    expect(g.h.state(g.id).history.map((e) => e.to)).not.toContain('arbitration-responding-coordinator')
  })

  it('[REQ-ARB-RETURN-RECONSIDER] reconsidering is for the responding authority, and only after a return', () => {
    const g = escalated(S1())
    expectRefused(g.h, U.deHandler, { type: 'request.reconsider', exchangeId: g.id }, 'request.wrong-status', 'REQ-ARB-RETURN-RECONSIDER')
    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    expectRefused(g.h, U.frHandler, { type: 'request.reconsider', exchangeId: g.id }, 'request.not-allowed', 'REQ-ARB-RETURN-RECONSIDER')
    expectRefused(g.h, U.de2Handler, { type: 'request.reconsider', exchangeId: g.id }, 'request.not-allowed', 'REQ-ARB-RETURN-RECONSIDER')
    g.h.ok(U.deHandler2, { type: 'request.reconsider', exchangeId: g.id })
    expect(status(g)).toBe('accepted')
  })

  it('[REQ-ARB-S4-SECOND-ROUND] S4: insisting asks the responding authority a second time, and it may provide the information', () => {
    const g = escalated(S4())
    const s = g.h.state(g.id)
    expect(s.status).toBe('additional-info-requested')
    expect(s.additionalInfo).toMatchObject({ round: 2, questions: [Q2], accepted: false })
    expect(s.arbitration?.scenario).toBe('S4')
    expect(g.h.needsAction(U.frNimicReferee, g.id)).toBe(false)
    expect(g.h.needsAction(U.deNimicReferee, g.id)).toBe(false)
    expect(g.h.needsAction(U.deHandler, g.id)).toBe(true)
    g.h.ok(U.deHandler, { type: 'request.accept-additional-info', exchangeId: g.id })
    expect(status(g)).toBe('accepted')
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: [{ questionId: Q2, answerId: 'no' }] })
    expect(status(g)).toBe('replied')
  })

  it('[REQ-ARB-S4-MAINTAIN-CLOSE] S4 round 2: a responding authority that maintains its initial position closes the request', () => {
    const g = escalated(S4())
    expectRefused(g.h, U.deHandler, rejectMore(g.id), 'request.round-two', 'REQ-ARB-S4-MAINTAIN-CLOSE')
    expectRefused(g.h, U.frHandler, maintain(g.id), 'request.not-allowed', 'REQ-ARB-RETURN-RECONSIDER')
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-responding-authority')
  })

  it('[REQ-ARB-S4-MAINTAIN-CLOSE] in round 1 the responding authority rejects instead of maintaining', () => {
    const g = replied(S4())
    g.h.ok(U.frHandler, askMore(g.id))
    expectRefused(g.h, U.deHandler, maintain(g.id), 'request.round-one', 'REQ-ADDINFO-REJECT')
    expect(status(g)).toBe('additional-info-requested')
  })

  it('[REQ-ARB-S4-NO-THIRD] S4: round 2 offers no refusal to insist on again, so there is no third round', () => {
    const g = escalated(S4())
    expect(g.h.actions(U.deHandler, g.id)).toEqual(expect.arrayContaining(['request.accept-additional-info', 'request.maintain-position']))
    expect(g.h.actions(U.deHandler, g.id)).not.toContain('request.reject-additional-info')
    expect(g.h.actions(U.frHandler, g.id)).not.toContain('request.insist')
    expectRefused(g.h, U.frHandler, { type: 'request.insist', exchangeId: g.id }, 'request.wrong-status', 'REQ-ADDINFO-INSIST')
    expect(refusalOf(g.h.exec(U.deHandler, rejectMore(g.id))).ruleId).toBe('REQ-ARB-S4-MAINTAIN-CLOSE')
    expect(g.h.state(g.id).history.filter((e) => e.action === 'request.escalated')).toHaveLength(1)
  })
})

describe('arbitration parameters and relaunches', () => {
  it('[REQ-ARB-PARAM-AT-ESCALATION] parameters changed between acceptance and escalation decide the scenario', () => {
    const g = refused(S4())
    g.h.directory = world(S1())
    g.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g.id })
    expect(status(g)).toBe('arbitration-requesting-coordinator')
    expect(g.h.state(g.id).arbitration?.scenario).toBe('S1')

    const g2 = refused(S3())
    g2.h.directory = world(S2())
    g2.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g2.id })
    expect(status(g2)).toBe('arbitration-responding-coordinator')
    expect(g2.h.state(g2.id).arbitration?.scenario).toBe('S2')
  })

  it('[REQ-ARB-PARAM-AT-ESCALATION] parameters changed after escalation do not change the scenario under way', () => {
    const s1 = escalated(S1())
    s1.h.directory = world(S3())
    s1.h.ok(U.frNimicReferee, unsatisfactory(s1.id))
    expect(status(s1)).toBe('returned-after-arbitration')
    s1.h.ok(U.deHandler, maintain(s1.id))
    expect(status(s1)).toBe('closed')
    expect(s1.h.state(s1.id).closureReason).toBe('closed-by-responding-authority')

    const s2 = escalated(S2())
    s2.h.directory = world(S4())
    s2.h.ok(U.deNimicReferee, unsatisfactory(s2.id))
    s2.h.ok(U.deHandler, maintain(s2.id))
    expect(status(s2)).toBe('arbitration-responding-coordinator')
    expect(s2.h.state(s2.id).arbitration).toEqual({ scenario: 'S2', relaunches: 1 })

    const s3 = escalated(S3())
    s3.h.directory = world(S1())
    s3.h.ok(U.frNimicReferee, unsatisfactory(s3.id))
    expect(status(s3)).toBe('arbitration-responding-coordinator')
  })

  it('[REQ-ARB-PARAM-AT-ESCALATION] a new request for additional information is escalated under the parameters of its own moment', () => {
    const g = escalated(S1())
    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    g.h.ok(U.deHandler, { type: 'request.reconsider', exchangeId: g.id })
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: [{ questionId: Q2, answerId: 'unknown' }] })
    g.h.ok(U.frHandler, askMore(g.id))
    g.h.ok(U.deHandler, rejectMore(g.id))
    g.h.directory = world(S2())
    g.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g.id })
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(g.h.state(g.id).arbitration).toEqual({ scenario: 'S2', relaunches: 0 })
  })

  it('[REQ-ARB-NO-COORDINATOR] a requesting side without a selected coordinator does not take part: S2', () => {
    const data = withRequestAccess(worldData(), A.frCa, (r) => ({ ...r, linkedCoordinators: [] }))
    const g = escalated(data)
    expect(g.h.state(g.id).requesting.coordinatorId).toBeUndefined()
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(g.h.state(g.id).arbitration?.scenario).toBe('S2')
  })

  it('[REQ-ARB-NO-COORDINATOR] a responding side without a selected coordinator does not take part: S1', () => {
    const data = withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, linkedCoordinators: [] }))
    const g = escalated(data)
    expect(g.h.state(g.id).responding.coordinatorId).toBeUndefined()
    expect(status(g)).toBe('arbitration-requesting-coordinator')
    g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    expect(status(g)).toBe('returned-after-arbitration')
  })

  it('[REQ-ARB-NO-COORDINATOR] a coordinator requesting for itself, with no linked coordinator, faces a responding side without one: S4', () => {
    const data = withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, linkedCoordinators: [] }))
    const g = refused(data, requestForInformation, U.frNimicHandler)
    expect(g.h.state(g.id).requesting.authorityId).toBe(A.frNimic)
    expect(g.h.state(g.id).requesting.coordinatorId).toBeUndefined()
    g.h.ok(U.frNimicHandler, { type: 'request.insist', exchangeId: g.id })
    expect(status(g)).toBe('additional-info-requested')
    expect(g.h.state(g.id).additionalInfo?.round).toBe(2)
  })

  it('[REQ-ARB-ROUND-CAP] relaunches are unlimited by default', () => {
    const g = escalated(S2())
    for (let i = 1; i <= 6; i++) {
      g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
      g.h.ok(U.deHandler, maintain(g.id))
      expect(status(g)).toBe('arbitration-responding-coordinator')
      expect(g.h.state(g.id).arbitration?.relaunches).toBe(i)
    }
    g.h.ok(U.deNimicReferee, satisfactory(g.id))
    expect(g.h.state(g.id).closureReason).toBe('closed-by-coordinator-arbitration')
  })

  it.each([
    ['S2', S2],
    ['S3', S3],
  ] as const)('[REQ-ARB-ROUND-CAP] %s: with maxArbitrationRounds 1, the position maintained once the cap is reached closes the request', (_name, data) => {
    const g = escalated(data(), createRequestProcedure({ maxArbitrationRounds: 1 }))
    if (status(g) === 'arbitration-requesting-coordinator') g.h.ok(U.frNimicReferee, unsatisfactory(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expect(g.h.state(g.id).arbitration?.relaunches).toBe(1)

    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    // The responding authority may still reconsider once the cap is reached.
    expect(g.h.actions(U.deHandler, g.id)).toEqual(expect.arrayContaining(['request.reconsider', 'request.maintain-position']))
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('closed')
    expect(g.h.state(g.id).closureReason).toBe('closed-by-responding-authority')
    expect(g.h.state(g.id).arbitration?.relaunches).toBe(1)
  })

  it('[REQ-ARB-ROUND-CAP] the cap counts per escalation: a new escalation starts from zero relaunches', () => {
    const g = escalated(S2(), createRequestProcedure({ maxArbitrationRounds: 1 }))
    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    g.h.ok(U.deHandler, maintain(g.id))
    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    g.h.ok(U.deHandler, { type: 'request.reconsider', exchangeId: g.id })
    g.h.ok(U.deHandler, { type: 'request.reply', exchangeId: g.id, answers: [{ questionId: Q2, answerId: 'unknown' }] })
    g.h.ok(U.frHandler, askMore(g.id))
    g.h.ok(U.deHandler, rejectMore(g.id))
    g.h.ok(U.frHandler, { type: 'request.insist', exchangeId: g.id })
    expect(g.h.state(g.id).arbitration).toEqual({ scenario: 'S2', relaunches: 0 })
    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
  })
})

describe('referees of the holding coordinator', () => {
  it('[REQ-ARB-REFEREE-ACTS] without allocation, any referee of the holding coordinator acts; others may not', () => {
    const g = escalated(S3())
    for (const referee of [U.frNimicReferee, U.frNimicReferee2])
      expect(g.h.actions(referee, g.id)).toEqual(expect.arrayContaining(['request.find-reply-satisfactory', 'request.find-reply-unsatisfactory']))
    for (const other of [U.frDimicReferee, U.deNimicReferee, U.frNimicHandler, U.deDimicReferee])
      expectRefused(g.h, other, satisfactory(g.id), 'request.not-allowed', 'REQ-ARB-REFEREE-ACTS')
    expectRefused(g.h, U.frHandler, satisfactory(g.id), 'request.not-allowed', 'REQ-ARB-REFEREE-ACTS')
    expectRefused(g.h, U.deHandler, unsatisfactory(g.id), 'request.not-allowed', 'REQ-ARB-REFEREE-ACTS')
    expect(status(g)).toBe('arbitration-requesting-coordinator')
  })

  it('[REQ-ARB-REFEREE-ACTS] with allocation on at RC, only its allocated referees act; the others only view', () => {
    const g = escalated(allocationOn(S3(), A.frNimic))
    expectRefused(g.h, U.frNimicReferee, unsatisfactory(g.id), 'request.not-allocated', 'REQ-ARB-REFEREE-ACTS')
    expectRefused(g.h, U.frNimicReferee2, unsatisfactory(g.id), 'request.not-allocated', 'REQ-ARB-REFEREE-ACTS')
    expect(g.h.needsAction(U.frNimicAllocator, g.id)).toBe(true)
    expect(refusalOf(g.h.exec(U.frNimicAllocator, { type: 'request.allocate', exchangeId: g.id, side: 'requesting-coordinator', users: [U.frNimicHandler] })).ruleId).toBe(
      'REQ-ALLOC-COORD-REFEREES',
    )
    g.h.ok(U.frNimicAllocator, { type: 'request.allocate', exchangeId: g.id, side: 'requesting-coordinator', users: [U.frNimicReferee2] })

    expectRefused(g.h, U.frNimicReferee, unsatisfactory(g.id), 'request.not-allocated', 'REQ-ARB-REFEREE-ACTS')
    expect(g.h.actions(U.frNimicReferee, g.id)).not.toContain('request.find-reply-unsatisfactory')
    const v = g.h.view(U.frNimicReferee, g.id)
    expect(v?.access).toBe('no-personal-data')
    const c = v?.content as RequestContent | undefined
    expect(c?.answers).toEqual(allAnswers)
    expect(isRedacted(c?.caseData.name)).toBe(true)

    expect(g.h.needsAction(U.frNimicReferee2, g.id)).toBe(true)
    g.h.ok(U.frNimicReferee2, unsatisfactory(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    // RespC applies no allocation: any of its referees acts.
    g.h.ok(U.deNimicReferee2, satisfactory(g.id))
    expect(status(g)).toBe('closed')
  })

  it('[REQ-ARB-REFEREE-ACTS] with allocation on at RespC, only its allocated referees act, relaunch after relaunch', () => {
    const g = escalated(allocationOn(S2(), A.deNimic))
    expectRefused(g.h, U.deNimicReferee, unsatisfactory(g.id), 'request.not-allocated', 'REQ-ARB-REFEREE-ACTS')
    g.h.ok(U.deNimicAllocator, { type: 'request.allocate', exchangeId: g.id, side: 'responding-coordinator', users: [U.deNimicReferee] })
    g.h.ok(U.deNimicReferee, unsatisfactory(g.id))
    g.h.ok(U.deHandler, maintain(g.id))
    expect(status(g)).toBe('arbitration-responding-coordinator')
    expectRefused(g.h, U.deNimicReferee2, satisfactory(g.id), 'request.not-allocated', 'REQ-ARB-REFEREE-ACTS')
    expect(g.h.view(U.deNimicReferee2, g.id)?.access).toBe('no-personal-data')
    g.h.ok(U.deNimicReferee, satisfactory(g.id))
    expect(g.h.state(g.id).closureReason).toBe('closed-by-coordinator-arbitration')
  })
})
