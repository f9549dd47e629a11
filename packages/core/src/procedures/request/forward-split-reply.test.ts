import { describe, expect, it } from 'vitest'
import { isRedacted } from '../../index.js'
import type { AttachmentInput, AuthorityId, DirectoryData, ExchangeId, UserId } from '../../index.js'
import type { RequestHarness } from '../../testing/index.js'
import {
  A, PQ, Q1, Q2, Q3, U, acceptedRequest, contentOf, freeText, pqDraft, refusalCodeOf, refusalOf, repliedRequest, replyApprovalOn, requestHarness, sendRequest,
  withRequestAccess, worldData,
} from '../../testing/index.js'

// Given/when/then examples for forward, split, reply, structured messages and extra attachments
// (spec §6.6.4, §6.6.5, §6.7; rules REQ-FORWARD-*, REQ-REDIRECT-*, REQ-FORWARDER-ACCESS, REQ-SPLIT-*,
// REQ-REPLY-*, REQ-MESSAGES-*, REQ-EXTRA-ATTACHMENTS).

const pdf = (name: string, relevance: AttachmentInput['relevance'] = 'evidence-of-qualifications'): AttachmentInput => ({
  fileName: `${name}.pdf`,
  mediaType: 'application/pdf',
  size: 2048,
  contentRef: `store://${name}`,
  relevance,
})

type Given = { h: RequestHarness; id: ExchangeId }

/** A request from the French authority to the German one, with three questions, two attachments and a justification. */
const request = pqDraft({
  caseData: { name: 'Jean Dupont', 'date-of-birth': '1980-05-04', profession: 'Médecin' },
  attachments: [pdf('diploma'), pdf('certificate', 'certificate')],
  questions: [
    { questionId: Q1, parameters: { profession: 'Médecin' }, comment: freeText('fr', 'Merci de confirmer.'), attachmentId: 'new:0' },
    { questionId: Q2 },
    { questionId: Q3 },
  ],
  justification: freeText('fr', 'Demande de reconnaissance en France.'),
})

const allAnswers = [
  { questionId: Q1, answerId: 'yes' },
  { questionId: Q2, answerId: 'no' },
  { questionId: Q3, answerId: 'no' },
]

/** Given: the request, sent. */
const given = (data?: DirectoryData): Given => {
  const h = requestHarness(data)
  return { h, id: sendRequest(h, request) }
}

const accepted = (data?: DirectoryData): Given => {
  const h = requestHarness(data)
  return { h, id: acceptedRequest(h, request) }
}

const replied = (data?: DirectoryData): Given => {
  const h = requestHarness(data)
  return { h, id: repliedRequest(h, request, allAnswers) }
}

const expectRefused = (h: RequestHarness, as: UserId, command: unknown, code: string, ruleId: string | undefined) =>
  expect(refusalCodeOf(h.exec(as, command))).toEqual({ code, ruleId })

const forward = (id: ExchangeId, to: AuthorityId) => ({ type: 'request.forward', exchangeId: id, to, justification: freeText('de', 'Nicht zuständig.') })
const split = (id: ExchangeId, to: AuthorityId, questions: ReadonlyArray<string>, attachments: ReadonlyArray<string> = []) => ({
  type: 'request.split',
  exchangeId: id,
  to,
  questions,
  attachments,
  justification: freeText('de', 'Teilweise zuständig.'),
})

/** Changes the status of an authority, its access to the area, or its request workflow access. */
const withStatus = (data: DirectoryData, id: AuthorityId, level: 'authority' | 'area' | 'workflow', status: 'inactive' | 'suspended'): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) =>
    a.id !== id
      ? a
      : level === 'authority'
        ? { ...a, status }
        : {
            ...a,
            access: a.access.map((l) =>
              level === 'area' ? { ...l, status } : l.request === undefined ? l : { ...l, request: { ...l.request, status } },
            ),
          },
  ),
})

describe('forward', () => {
  it('[REQ-FORWARD-WHO] a request handler of the addressee may forward; the requesting side, other authorities and coordinators may not', () => {
    const { h, id } = given()
    expectRefused(h, U.frHandler, forward(id, A.deCa2), 'request.not-allowed', 'REQ-FORWARD-WHO')
    expectRefused(h, U.de2Handler, forward(id, A.deCa2), 'request.not-allowed', 'REQ-FORWARD-WHO')
    expectRefused(h, U.deNimicReferee, forward(id, A.deCa2), 'request.not-allowed', 'REQ-FORWARD-WHO')
    expectRefused(h, U.deViewer, forward(id, A.deCa2), 'request.read-only', 'ACT-REQ-VIEWER-READ-ONLY')
    expect(h.actions(U.deHandler, id)).toContain('request.forward')
    expect(h.actions(U.frHandler, id)).not.toContain('request.forward')

    h.ok(U.deHandler2, forward(id, A.deCa2))
    expect(h.state(id).responding.authorityId).toBe(A.deCa2)
  })

  it('[REQ-FORWARD-WHO] after acceptance any request handler of the responding authority may forward', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler2, forward(id, A.deCa2))
    expect(h.state(id).responding.authorityId).toBe(A.deCa2)
  })

  it('[REQ-FORWARD-STATUSES] forwarding is allowed in awaiting-acceptance and accepted', () => {
    const before = given()
    expect(before.h.state(before.id).status).toBe('awaiting-acceptance')
    before.h.ok(U.deHandler, forward(before.id, A.deCa2))
    expect(before.h.state(before.id).status).toBe('awaiting-acceptance')

    const after = accepted()
    expect(after.h.state(after.id).status).toBe('accepted')
    after.h.ok(U.deHandler, forward(after.id, A.deCa2))
    expect(after.h.state(after.id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-FORWARD-STATUSES] forwarding is refused once the reply is sent, and after closure', () => {
    const { h, id } = replied()
    expectRefused(h, U.deHandler, forward(id, A.deCa2), 'request.wrong-status', 'REQ-FORWARD-STATUSES')
    h.ok(U.frHandler, { type: 'request.request-additional-info', exchangeId: id, questions: [Q1], justification: freeText('fr', 'Précisez.') })
    expectRefused(h, U.deHandler, forward(id, A.deCa2), 'request.wrong-status', 'REQ-FORWARD-STATUSES')
    h.ok(U.deHandler, { type: 'request.accept-additional-info', exchangeId: id })
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id })
    h.ok(U.frHandler, { type: 'request.close', exchangeId: id })
    expectRefused(h, U.deHandler, forward(id, A.deCa2), 'request.wrong-status', 'REQ-CLOSED-TERMINAL')
    expect(h.state(id).responding.authorityId).toBe(A.deCa)
  })

  it('[REQ-FORWARD-STATUSES] a draft cannot be forwarded', () => {
    const h = requestHarness()
    h.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ, addressee: A.deCa })
    expectRefused(h, U.frHandler, forward(h.last(), A.frCa2), 'request.wrong-status', 'REQ-FORWARD-STATUSES')
  })

  it('[REQ-REDIRECT-TARGET] a request may be forwarded to another competent authority of the same member state', () => {
    const { h, id } = given()
    h.ok(U.deHandler, forward(id, A.deCa2))
    expect(h.state(id).responding).toMatchObject({ authorityId: A.deCa2, memberState: 'DE' })
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })

  it("[REQ-REDIRECT-TARGET] a request may be forwarded to an IMI coordinator of the forwarder's own member state", () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, forward(id, A.deNimic))
    expect(h.state(id).responding.authorityId).toBe(A.deNimic)
    h.ok(U.deNimicHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
    expect(h.state(id).responding.authorityId).toBe(A.deNimic)
  })

  it('[REQ-REDIRECT-TARGET] authorities of another member state, the requester included, are refused as targets', () => {
    const { h, id } = given()
    expectRefused(h, U.deHandler, forward(id, A.itCa), 'request.target-other-state', 'REQ-REDIRECT-TARGET')
    expectRefused(h, U.deHandler, forward(id, A.frCa), 'request.target-other-state', 'REQ-REDIRECT-TARGET')
    expectRefused(h, U.deHandler, forward(id, A.frNimic), 'request.target-other-state', 'REQ-REDIRECT-TARGET')
    expectRefused(h, U.deHandler, split(id, A.itCa, [Q2]), 'request.target-other-state', 'REQ-REDIRECT-TARGET')
    expect(h.state(id).responding.authorityId).toBe(A.deCa)
  })

  it('[REQ-REDIRECT-TARGET-GUARD] the target must differ from the forwarder and be known', () => {
    const { h, id } = given()
    expectRefused(h, U.deHandler, forward(id, A.deCa), 'request.target-self', 'REQ-REDIRECT-TARGET-GUARD')
    expectRefused(h, U.deHandler, split(id, A.deCa, [Q2]), 'request.target-self', 'REQ-REDIRECT-TARGET-GUARD')
    expectRefused(h, U.deHandler, forward(id, 'de-nowhere' as AuthorityId), 'request.target-unknown', 'REQ-REDIRECT-TARGET-GUARD')
    expect(h.state(id).responding.authorityId).toBe(A.deCa)
    expect(h.state(id).links.splitInto).toEqual([])
  })

  it.each([
    ['authority', 'inactive'],
    ['area', 'suspended'],
    ['workflow', 'inactive'],
  ] as const)('[REQ-REDIRECT-TARGET-GUARD] a target whose %s status is %s is refused', (level, status) => {
    const { h, id } = given(withStatus(worldData(), A.deCa2, level, status))
    expectRefused(h, U.deHandler, forward(id, A.deCa2), 'request.target-inactive', 'REQ-REDIRECT-TARGET-GUARD')
    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q2]), 'request.target-inactive', 'REQ-REDIRECT-TARGET-GUARD')
    expect(h.state(id).responding.authorityId).toBe(A.deCa)
  })

  it('[REQ-REDIRECT-TARGET-GUARD] a competent authority not allowed to accept requests is refused; a coordinator is not subject to that parameter', () => {
    const noAccept = { mayAcceptRequests: false }
    let data = withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, parameters: { ...r.parameters, ...noAccept } }))
    data = withRequestAccess(data, A.deNimic, (r) => ({ ...r, parameters: { ...r.parameters, ...noAccept } }))
    const { h, id } = given(data)
    expectRefused(h, U.deHandler, forward(id, A.deCa2), 'request.target-may-not-accept', 'REQ-REDIRECT-TARGET-GUARD')
    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q2]), 'request.target-may-not-accept', 'REQ-REDIRECT-TARGET-GUARD')
    h.ok(U.deHandler, forward(id, A.deNimic))
    expect(h.state(id).responding.authorityId).toBe(A.deNimic)
  })

  it('[REQ-FORWARD-NEW-ADDRESSEE] after a forward before acceptance the new addressee holds the request and the forwarder no longer acts', () => {
    const { h, id } = given()
    h.ok(U.deHandler, forward(id, A.deCa2))
    const s = h.state(id)
    expect(s.status).toBe('awaiting-acceptance')
    expect(s.responding).toMatchObject({ authorityId: A.deCa2, accepted: false })
    expect(h.needsAction(U.de2Handler, id)).toBe(true)
    expect(h.needsAction(U.deHandler, id)).toBe(false)
    expectRefused(h, U.deHandler, { type: 'request.accept', exchangeId: id }, 'request.not-allowed', 'REQ-ACCEPT-HANDLER')
    expectRefused(h, U.deHandler, forward(id, A.deCa), 'request.not-allowed', 'REQ-FORWARD-WHO')
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[REQ-FORWARD-NEW-ADDRESSEE] a request forwarded after acceptance awaits acceptance again at the new addressee', () => {
    const { h, id } = accepted()
    expect(h.state(id).acceptedAt).toBeDefined()
    h.ok(U.deHandler, forward(id, A.deCa2))
    const s = h.state(id)
    expect(s.status).toBe('awaiting-acceptance')
    expect(s.responding).toMatchObject({ authorityId: A.deCa2, accepted: false })
    expect(s.acceptedAt).toBeUndefined()
    expectRefused(h, U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.wrong-status', 'REQ-REPLY-FROM-ACCEPTED')
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: id })
    expectRefused(h, U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.not-allowed', 'REQ-REPLY-FROM-ACCEPTED')
    h.ok(U.de2Handler, { type: 'request.reply', exchangeId: id, answers: allAnswers })
    expect(h.state(id).status).toBe('replied')
  })

  it("[REQ-FORWARD-DRAFTS-LOST] forwarding after acceptance discards the forwarder's draft replies and comments, not the requester's", () => {
    const { h, id } = accepted()
    h.ok(U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Pièce complémentaire à venir.') })
    h.ok(U.deHandler, { type: 'request.save-reply', exchangeId: id, answers: [{ questionId: Q1, answerId: 'yes' }] })
    h.ok(U.deHandler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Wir prüfen den Fall.') })
    expect(h.state(id).draftAnswers).toHaveLength(1)
    expect(h.state(id).messages.map((m) => m.side)).toEqual(['requesting', 'responding'])

    h.ok(U.deHandler, forward(id, A.deCa2))
    const s = h.state(id)
    expect(s.draftAnswers).toEqual([])
    expect(s.messages.map((m) => m.text.text)).toEqual(['Pièce complémentaire à venir.'])
    expect(h.events(id).at(-1)?.payload).toMatchObject({ draftsDiscarded: true })

    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: id })
    const c = contentOf(h, U.de2Handler, id)
    expect(c?.draftAnswers).toEqual([])
    expect(c?.messages.map((m) => m.side)).toEqual(['requesting'])
  })

  it('[REQ-FORWARD-DRAFTS-LOST] a forward before acceptance discards nothing', () => {
    const { h, id } = given()
    h.ok(U.deHandler, forward(id, A.deCa2))
    expect(h.events(id).at(-1)?.payload).toMatchObject({ draftsDiscarded: false })
  })

  it('[REQ-FORWARD-CLEARS-COORDINATOR] a forward clears the responding coordinator and the new addressee selects one at acceptance', () => {
    const data = withRequestAccess(worldData(), A.deCa2, (r) => ({ ...r, linkedCoordinators: [A.deNimic, A.deDimic] }))
    const { h, id } = accepted(data)
    expect(h.state(id).responding.coordinatorId).toBe(A.deNimic)

    h.ok(U.deHandler, forward(id, A.deCa2))
    expect(h.state(id).responding.coordinatorId).toBeUndefined()
    expect(h.state(id).responding.linkedCoordinators).toEqual([A.deNimic, A.deDimic])
    expectRefused(h, U.de2Handler, { type: 'request.accept', exchangeId: id }, 'request.coordinator-missing', 'REQ-ACCEPT-SELECT-COORDINATOR')
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: id, coordinator: A.deDimic })
    expect(h.state(id).responding.coordinatorId).toBe(A.deDimic)
  })

  it('[REQ-FORWARD-CLEARS-COORDINATOR] a new addressee with a single linked coordinator gets it at acceptance', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, forward(id, A.deNimic))
    expect(h.state(id).responding.coordinatorId).toBeUndefined()
    h.ok(U.deNimicHandler, { type: 'request.accept', exchangeId: id })
    // The NIMIC itself has no linked coordinator: the responding side has none.
    expect(h.state(id).responding.coordinatorId).toBeUndefined()
  })

  it('[REQ-FORWARDER-ACCESS] the former addressee loses personal data and action rights, keeps a non-personal history and may still copy', () => {
    const { h, id } = accepted()
    expect(h.view(U.deHandler, id)?.access).toBe('full')
    h.ok(U.deHandler, forward(id, A.deCa2))

    for (const user of [U.deHandler, U.deViewer]) {
      const v = h.view(user, id)
      expect(v?.access).toBe('metadata')
      expect(v?.content).toBeUndefined()
      expect(v?.history.map((e) => e.action)).toContain('request.forwarded')
      expect(v?.history.every((e) => e.justification === undefined)).toBe(true)
    }
    // The requester still sees the forward's justification.
    expect(h.view(U.frHandler, id)?.history.find((e) => e.action === 'request.forwarded')?.justification).toEqual(freeText('de', 'Nicht zuständig.'))

    expect(h.actions(U.deHandler, id)).toEqual(['request.copy'])
    expect(h.needsAction(U.deHandler, id)).toBe(false)
    expectRefused(h, U.deHandler, split(id, A.deCa, [Q2]), 'request.not-allowed', 'REQ-SPLIT-WHO')

    const version = h.state(id).version
    h.ok(U.deHandler, { type: 'request.copy', exchangeId: id, include: { addressee: true, questions: true, attachments: true, caseData: true } })
    const copy = h.state(h.last())
    expect(copy.status).toBe('draft')
    expect(copy.requesting.authorityId).toBe(A.deCa)
    expect(copy.links.copiedFrom).toBe(id)
    expect(copy.caseData).toEqual({ profession: 'Médecin' })
    expect(copy.attachments).toEqual([])
    expect(copy.questions.map((q) => q.questionId)).toEqual([Q1, Q2, Q3])
    expect(copy.questions.every((q) => q.attachmentId === undefined)).toBe(true)
    expect(h.state(id).version).toBe(version)
  })
})

describe('split', () => {
  it('[REQ-SPLIT-WHO] a request handler of the addressee may split; the requesting side and other authorities may not', () => {
    const { h, id } = given()
    expectRefused(h, U.frHandler, split(id, A.deCa2, [Q2]), 'request.not-allowed', 'REQ-SPLIT-WHO')
    expectRefused(h, U.de2Handler, split(id, A.deCa2, [Q2]), 'request.not-allowed', 'REQ-SPLIT-WHO')
    expectRefused(h, U.deNimicReferee, split(id, A.deCa2, [Q2]), 'request.not-allowed', 'REQ-SPLIT-WHO')
    expect(h.state(id).links.splitInto).toEqual([])
    h.ok(U.deHandler2, split(id, A.deCa2, [Q2]))
    expect(h.state(id).links.splitInto).toHaveLength(1)
  })

  it('[REQ-SPLIT-STATUSES] splitting is allowed in awaiting-acceptance and accepted', () => {
    const before = given()
    before.h.ok(U.deHandler, split(before.id, A.deCa2, [Q2]))
    expect(before.h.state(before.id).status).toBe('awaiting-acceptance')

    const after = accepted()
    after.h.ok(U.deHandler, split(after.id, A.deCa2, [Q2]))
    expect(after.h.state(after.id).status).toBe('accepted')
  })

  it('[REQ-SPLIT-STATUSES] splitting is refused after the reply', () => {
    const { h, id } = replied()
    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q2]), 'request.wrong-status', 'REQ-SPLIT-STATUSES')
    h.ok(U.frHandler, { type: 'request.request-additional-info', exchangeId: id, questions: [Q1], justification: freeText('fr', 'Précisez.') })
    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q2]), 'request.wrong-status', 'REQ-SPLIT-STATUSES')
    expect(h.state(id).links.splitInto).toEqual([])
  })

  it('[REQ-SPLIT-NEW-REQUEST] the split-off questions and chosen attachments form a new request awaiting acceptance at the target', () => {
    const { h, id } = accepted()
    const [diploma, certificate] = h.state(id).attachments
    h.ok(U.deHandler, split(id, A.deCa2, [Q2, Q3], [certificate?.id ?? '']))
    const newId = h.last()
    expect(newId).not.toBe(id)
    const s = h.state(newId)
    expect(s.status).toBe('awaiting-acceptance')
    expect(s.responding).toMatchObject({ authorityId: A.deCa2, memberState: 'DE', accepted: false })
    expect(s.questions.map((q) => q.questionId)).toEqual([Q2, Q3])
    expect(s.attachments.map((a) => a.fileName)).toEqual(['certificate.pdf'])
    expect(s.attachments.map((a) => a.id)).not.toContain(diploma?.id)
    expect(h.needsAction(U.de2Handler, newId)).toBe(true)
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: newId })
    h.ok(U.de2Handler, { type: 'request.reply', exchangeId: newId, answers: [{ questionId: Q2, answerId: 'no' }, { questionId: Q3, answerId: 'no' }] })
    expect(h.state(newId).status).toBe('replied')
  })

  it('[REQ-SPLIT-INHERITS] the split-off request inherits area, question set, case data and requester, with a new linked number', () => {
    const { h, id } = given()
    h.ok(U.deHandler, split(id, A.deCa2, [Q3]))
    const original = h.state(id)
    const part = h.state(h.last())
    expect(part.legislativeArea).toBe(original.legislativeArea)
    expect(part.questionSetId).toBe('pq.general')
    expect(part.caseData).toEqual(original.caseData)
    expect(part.requesting).toMatchObject({ authorityId: A.frCa, memberState: 'FR', coordinatorId: A.frNimic })
    expect(part.deadline).toBe(original.deadline)
    expect(part.number).not.toBe(original.number)
    expect(part.number).toMatch(/^REQ-/)
    expect(part.links.splitFrom).toBe(id)
    expect(original.links.splitInto).toEqual([part.exchangeId])
    // The requester follows the new request with full access.
    expect(h.view(U.frHandler, part.exchangeId)?.access).toBe('full')
  })

  it('[REQ-SPLIT-INHERITS] with allocation on at the requester, the handlers allocated to the original act on the split-off request', () => {
    const data = withRequestAccess(worldData(), A.frCa, (r) => ({ ...r, allocation: true }))
    const { h, id } = accepted(data)
    h.ok(U.deHandler, split(id, A.deCa2, [Q3]))
    const newId = h.last()
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: newId })
    h.ok(U.de2Handler, { type: 'request.reply', exchangeId: newId, answers: [{ questionId: Q3, answerId: 'no' }] })
    expect(h.state(newId).requesting.allocated).toEqual(h.state(id).requesting.allocated)
    // The original was never re-allocated, so its creator stays the only one who acts, on both parts.
    expect(h.state(newId).createdBy).toBe(U.frHandler)
    expectRefused(h, U.frHandler2, { type: 'request.close', exchangeId: newId }, 'request.not-allocated', 'REQ-OUT-CREATOR-SOLE')
    h.ok(U.frHandler, { type: 'request.close', exchangeId: newId })
    expect(h.state(newId).closureReason).toBe('reply-accepted')
  })

  it('[REQ-SPLIT-ATTACHMENT-COPIES] attachments sent with a split stay in the original, and the splitter keeps access to all of them', () => {
    const { h, id } = accepted()
    const ids = h.state(id).attachments.map((a) => a.id)
    h.ok(U.deHandler, split(id, A.deCa2, [Q1], [ids[0] ?? '']))
    expect(h.state(id).attachments.map((a) => a.id)).toEqual(ids)
    expect(h.state(h.last()).attachments.map((a) => a.id)).toEqual([ids[0]])
    const seen = contentOf(h, U.deHandler, id)?.attachments ?? []
    expect(seen).toHaveLength(2)
    expect(seen.some(isRedacted)).toBe(false)
    // The question about the attachment stays linked to it in the original.
    expect(h.state(id).questions.find((q) => q.questionId === Q1)?.attachmentId).toBe(ids[0])
  })

  it('[REQ-SPLIT-ATTACHMENT-COPIES] only attachments of the request can be sent with a split', () => {
    const { h, id } = accepted()
    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q2], ['elsewhere-1']), 'request.split-unknown-attachment', 'REQ-SPLIT-ATTACHMENT-COPIES')
    expect(h.state(id).links.splitInto).toEqual([])
  })

  it('[REQ-SPLIT-REMAINING] after a split the splitter answers only the remaining questions and the original keeps its status', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, { type: 'request.save-reply', exchangeId: id, answers: [{ questionId: Q2, answerId: 'no' }] })
    h.ok(U.deHandler, split(id, A.deCa2, [Q2]))
    const newId = h.last()
    const s = h.state(id)
    expect(s.status).toBe('accepted')
    expect(s.responding.authorityId).toBe(A.deCa)
    expect(s.questions.find((q) => q.questionId === Q2)?.movedTo).toBe(newId)
    expect(s.draftAnswers).toEqual([])

    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q2]), 'request.split-unknown-question', 'REQ-SPLIT-REMAINING')
    expectRefused(
      h,
      U.deHandler,
      { type: 'request.reply', exchangeId: id, answers: allAnswers },
      'request.answer-unknown-question',
      'REQ-REPLY-ALL-ANSWERED',
    )
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: Q1, answerId: 'yes' }, { questionId: Q3, answerId: 'no' }] })
    expect(h.state(id).status).toBe('replied')
    expect(h.state(newId).status).toBe('awaiting-acceptance')
  })

  it('[REQ-SPLIT-REMAINING] a split before acceptance leaves the original awaiting acceptance', () => {
    const { h, id } = given()
    h.ok(U.deHandler, split(id, A.deNimic, [Q1]))
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(id).questions.filter((q) => q.movedTo === undefined).map((q) => q.questionId)).toEqual([Q2, Q3])
    expect(h.state(h.last()).responding.authorityId).toBe(A.deNimic)
  })

  it('[REQ-SPLIT-KEEP-ONE] a split must leave at least one question in the original', () => {
    const { h, id } = accepted()
    expectRefused(h, U.deHandler, split(id, A.deCa2, [Q1, Q2, Q3]), 'request.split-keeps-none', 'REQ-SPLIT-KEEP-ONE')
    h.ok(U.deHandler, split(id, A.deCa2, [Q1, Q2]))
    expectRefused(h, U.deHandler, split(id, A.deNimic, [Q3]), 'request.split-keeps-none', 'REQ-SPLIT-KEEP-ONE')
    expect(h.state(id).links.splitInto).toHaveLength(1)
  })

  it('[REQ-SPLIT-KEEP-ONE] a split must move at least one question', () => {
    const { h, id } = accepted()
    const e = refusalOf(h.exec(U.deHandler, split(id, A.deCa2, [])))
    expect(e.code).toBe('command.invalid')
    expect(h.state(id).links.splitInto).toEqual([])
  })
})

describe('reply', () => {
  it('[REQ-REPLY-FROM-ACCEPTED] a handler of the responding authority replies while the request is accepted', () => {
    const { h, id } = accepted()
    expectRefused(h, U.frHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.not-allowed', 'REQ-REPLY-FROM-ACCEPTED')
    expectRefused(h, U.de2Handler, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.not-allowed', 'REQ-REPLY-FROM-ACCEPTED')
    expectRefused(h, U.deNimicReferee, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.not-allowed', 'REQ-REPLY-FROM-ACCEPTED')
    expect(h.state(id).status).toBe('accepted')
    h.ok(U.deHandler2, { type: 'request.reply', exchangeId: id, answers: allAnswers })
    expect(h.state(id).status).toBe('replied')
  })

  it('[REQ-REPLY-FROM-ACCEPTED] no reply before acceptance nor once replied', () => {
    const { h, id } = given()
    expectRefused(h, U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.wrong-status', 'REQ-REPLY-FROM-ACCEPTED')
    expectRefused(h, U.deHandler, { type: 'request.save-reply', exchangeId: id, answers: allAnswers }, 'request.wrong-status', 'REQ-REPLY-FROM-ACCEPTED')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers })
    expectRefused(h, U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers }, 'request.wrong-status', 'REQ-REPLY-FROM-ACCEPTED')
  })

  it('[REQ-REPLY-ANSWER-FORM] an answer is a predefined answer, a free-text comment, or both', () => {
    const { h, id } = accepted()
    const answers = [
      { questionId: Q1, answerId: 'yes' },
      { questionId: Q2, comment: freeText('de', 'Keine Untersagung bekannt.') },
      { questionId: Q3, answerId: 'no', comment: freeText('de', 'Registerauszug liegt vor.') },
    ]
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers })
    expect(h.state(id).answers).toEqual(answers)
    expect(contentOf(h, U.frHandler, id)?.answers).toEqual(answers)
  })

  it('[REQ-REPLY-ANSWER-FORM] an empty answer, an answer outside the predefined ones and an untagged comment are refused', () => {
    const { h, id } = accepted()
    const reply = (a: unknown) => ({ type: 'request.reply', exchangeId: id, answers: [a, { questionId: Q2, answerId: 'no' }, { questionId: Q3, answerId: 'no' }] })
    expectRefused(h, U.deHandler, reply({ questionId: Q1 }), 'request.answer-empty', 'REQ-REPLY-ANSWER-FORM')
    expectRefused(h, U.deHandler, reply({ questionId: Q1, answerId: 'maybe' }), 'request.answer-unknown', 'REQ-REPLY-ANSWER-FORM')
    expect(refusalOf(h.exec(U.deHandler, reply({ questionId: Q1, comment: { text: 'Ja.' } }))).code).toBe('command.invalid')
    expectRefused(
      h,
      U.deHandler,
      { type: 'request.save-reply', exchangeId: id, answers: [{ questionId: Q1 }] },
      'request.answer-empty',
      'REQ-REPLY-ANSWER-FORM',
    )
    expect(h.state(id).status).toBe('accepted')
  })

  it('[REQ-REPLY-ALL-ANSWERED] a reply needs an answer to every question still assigned; saved drafts count', () => {
    const { h, id } = accepted()
    const e = refusalOf(h.exec(U.deHandler, { type: 'request.reply', exchangeId: id, answers: [{ questionId: Q1, answerId: 'yes' }, { questionId: Q2, answerId: 'no' }] }))
    expect({ code: e.code, ruleId: e.ruleId, details: e.details }).toEqual({ code: 'request.reply-incomplete', ruleId: 'REQ-REPLY-ALL-ANSWERED', details: { questions: [Q3] } })
    expectRefused(h, U.deHandler, { type: 'request.reply', exchangeId: id, answers: [] }, 'request.reply-incomplete', 'REQ-REPLY-ALL-ANSWERED')
    expectRefused(
      h,
      U.deHandler,
      { type: 'request.reply', exchangeId: id, answers: [...allAnswers, { questionId: 'pq.qualifications.authentic', answerId: 'yes' }] },
      'request.answer-unknown-question',
      'REQ-REPLY-ALL-ANSWERED',
    )

    h.ok(U.deHandler, { type: 'request.save-reply', exchangeId: id, answers: [{ questionId: Q1, answerId: 'yes' }, { questionId: Q2, answerId: 'no' }] })
    h.ok(U.deHandler2, { type: 'request.reply', exchangeId: id, answers: [{ questionId: Q3, answerId: 'unknown' }] })
    expect(h.state(id).status).toBe('replied')
    expect(h.state(id).answers.map((a) => [a.questionId, a.answerId])).toEqual([
      [Q1, 'yes'],
      [Q2, 'no'],
      [Q3, 'unknown'],
    ])
  })

  it('[REQ-REPLY-TARGET-STATUS] without reply approval a reply moves the request to replied', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers })
    expect(h.state(id).status).toBe('replied')
    expect(h.needsAction(U.frHandler, id)).toBe(true)
  })

  it('[REQ-REPLY-TARGET-STATUS] with reply approval a reply awaits the responding coordinator', () => {
    const { h, id } = accepted(replyApprovalOn(worldData()))
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers })
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    expect(h.needsAction(U.deNimicReferee, id)).toBe(true)
    h.ok(U.deNimicReferee, { type: 'request.approve-reply', exchangeId: id })
    expect(h.state(id).status).toBe('replied')
  })
})

describe('structured messages and extra attachments', () => {
  it('[REQ-MESSAGES-BOTH-SIDES] both sides add structured messages, each recorded with its side and author', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Bitte senden Sie die Approbationsurkunde.') })
    h.ok(U.frHandler2, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Document envoyé par courrier.') })
    const messages = h.state(id).messages
    expect(messages.map((m) => [m.side, m.author, m.text.language])).toEqual([
      ['responding', U.deHandler, 'de'],
      ['requesting', U.frHandler2, 'fr'],
    ])
    expect(contentOf(h, U.frHandler, id)?.messages).toEqual(messages)
    expect(contentOf(h, U.deViewer, id)?.messages).toEqual(messages)
  })

  it('[REQ-MESSAGES-BOTH-SIDES] authorities outside the request and coordinators write no messages', () => {
    const { h, id } = accepted()
    expectRefused(h, U.de2Handler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Hallo.') }, 'request.not-allowed', 'REQ-MESSAGES-WINDOW')
    expectRefused(h, U.itHandler, { type: 'request.add-message', exchangeId: id, text: { text: 'Ciao.', language: 'it' } }, 'request.not-allowed', 'REQ-MESSAGES-WINDOW')
    expectRefused(h, U.frNimicReferee, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Bonjour.') }, 'request.not-allowed', 'REQ-MESSAGES-WINDOW')
    expect(h.state(id).messages).toEqual([])
  })

  it('[REQ-MESSAGES-WINDOW] no message or extra attachment before acceptance', () => {
    const { h, id } = given()
    expectRefused(h, U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Précision.') }, 'request.wrong-status', 'REQ-MESSAGES-WINDOW')
    expectRefused(h, U.deHandler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Frage.') }, 'request.wrong-status', 'REQ-MESSAGES-WINDOW')
    expectRefused(h, U.frHandler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('late') }, 'request.wrong-status', 'REQ-MESSAGES-WINDOW')
    const draft = requestHarness()
    draft.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ })
    expectRefused(draft, U.frHandler, { type: 'request.add-message', exchangeId: draft.last(), text: freeText('fr', 'Brouillon.') }, 'request.wrong-status', 'REQ-MESSAGES-WINDOW')
  })

  it('[REQ-MESSAGES-WINDOW] messages and attachments are allowed from acceptance until closure, in every status between', () => {
    const { h, id } = accepted()
    const both = (label: string) => {
      h.ok(U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', `fr ${label}`) })
      h.ok(U.deHandler, { type: 'request.add-message', exchangeId: id, text: freeText('de', `de ${label}`) })
      h.ok(U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf(`de-${label}`, 'correspondence') })
    }
    const seen: string[] = []
    const step = (as: UserId, command: object) => {
      h.ok(as, { exchangeId: id, ...command })
      seen.push(h.state(id).status)
      both(h.state(id).status)
    }
    seen.push(h.state(id).status)
    both('accepted')
    step(U.deHandler, { type: 'request.reply', answers: allAnswers })
    step(U.frHandler, { type: 'request.request-additional-info', questions: [Q2], justification: freeText('fr', 'Précisez.') })
    step(U.deHandler, { type: 'request.reject-additional-info', justification: freeText('de', 'Keine weiteren Informationen.') })
    step(U.frHandler, { type: 'request.insist' })
    step(U.frNimicReferee, { type: 'request.find-reply-unsatisfactory' })
    step(U.deNimicReferee, { type: 'request.find-reply-unsatisfactory' })
    expect(seen).toEqual([
      'accepted',
      'replied',
      'additional-info-requested',
      'additional-info-refused',
      'arbitration-requesting-coordinator',
      'arbitration-responding-coordinator',
      'returned-after-arbitration',
    ])
    expect(h.state(id).messages).toHaveLength(seen.length * 2)
    expect(h.state(id).attachments).toHaveLength(2 + seen.length)

    h.ok(U.deHandler, { type: 'request.maintain-position', exchangeId: id, justification: freeText('de', 'Wir bleiben dabei.') })
    h.ok(U.deNimicReferee, { type: 'request.find-reply-satisfactory', exchangeId: id })
    expect(h.state(id).status).toBe('closed')
    expectRefused(h, U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Trop tard.') }, 'request.wrong-status', 'REQ-CLOSED-TERMINAL')
    expectRefused(h, U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('late') }, 'request.wrong-status', 'REQ-CLOSED-TERMINAL')
  })

  it('[REQ-MESSAGES-WINDOW] messages are also allowed while the reply awaits approval', () => {
    const { h, id } = accepted(replyApprovalOn(worldData()))
    h.ok(U.deHandler, { type: 'request.reply', exchangeId: id, answers: allAnswers })
    expect(h.state(id).status).toBe('awaiting-reply-approval')
    h.ok(U.frHandler, { type: 'request.add-message', exchangeId: id, text: freeText('fr', 'Nous attendons la réponse.') })
    expect(h.state(id).messages).toHaveLength(1)
  })

  it('[REQ-MESSAGES-WINDOW] the responding side writes only while it is the confirmed responding authority', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, forward(id, A.deCa2))
    expectRefused(h, U.de2Handler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Noch nicht angenommen.') }, 'request.wrong-status', 'REQ-MESSAGES-WINDOW')
    h.ok(U.de2Handler, { type: 'request.accept', exchangeId: id })
    expectRefused(h, U.deHandler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Nachtrag.') }, 'request.not-allowed', 'REQ-MESSAGES-WINDOW')
    expectRefused(h, U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('late') }, 'request.not-allowed', 'REQ-EXTRA-ATTACHMENTS')
    h.ok(U.de2Handler, { type: 'request.add-message', exchangeId: id, text: freeText('de', 'Wir übernehmen.') })
    expect(h.state(id).messages.map((m) => m.author)).toEqual([U.de2Handler])
  })

  it('[REQ-EXTRA-ATTACHMENTS] either side adds attachments with a predefined comment on their relevance', () => {
    const { h, id } = accepted()
    h.ok(U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('register-extract', 'certificate') })
    h.ok(U.frHandler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('decision', 'decision') })
    const added = h.state(id).attachments.slice(2)
    expect(added.map((a) => [a.fileName, a.relevance, a.addedBy])).toEqual([
      ['register-extract.pdf', 'certificate', 'responding'],
      ['decision.pdf', 'decision', 'requesting'],
    ])
    const forRequester = contentOf(h, U.frHandler, id)?.attachments ?? []
    expect(forRequester).toHaveLength(4)
    expect(forRequester.some(isRedacted)).toBe(false)
    // Coordinators see that documents exist but never their content.
    expect((contentOf(h, U.frNimicReferee, id)?.attachments ?? []).every(isRedacted)).toBe(true)
  })

  it('[REQ-EXTRA-ATTACHMENTS] an attachment without a predefined relevance, or from outside the request, is refused', () => {
    const { h, id } = accepted()
    const e = refusalOf(h.exec(U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: { ...pdf('x'), relevance: 'because' } }))
    expect(e.code).toBe('command.invalid')
    const { relevance: _r, ...noRelevance } = pdf('y')
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.add-attachment', exchangeId: id, attachment: noRelevance })).code).toBe('command.invalid')
    expectRefused(h, U.de2Handler, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('z') }, 'request.not-allowed', 'REQ-EXTRA-ATTACHMENTS')
    expectRefused(h, U.frNimicReferee, { type: 'request.add-attachment', exchangeId: id, attachment: pdf('z') }, 'request.not-allowed', 'REQ-EXTRA-ATTACHMENTS')
    expect(h.state(id).attachments).toHaveLength(2)
  })
})
