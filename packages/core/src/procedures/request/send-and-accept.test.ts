/**
 * Given/when/then examples of the request procedure from creation to acceptance: participants and
 * statuses, creating and sending, viewing before acceptance, and accepting (REQ.md, and the ACT rules
 * on roles and parameters these steps read).
 */
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_REQUEST_AUTHORITY_PARAMETERS,
  PROFESSIONAL_QUALIFICATIONS,
  PROFESSIONAL_QUALIFICATIONS_GENERAL,
  QUESTION_SETS,
  REQUEST_STATUSES,
  explainRequest,
  isOverdue,
  requestAccess,
  requestForInformation,
  requestMachine,
} from '../../index.js'
import type {
  AuthorityId,
  DirectoryData,
  LegislativeAreaAccess,
  LegislativeAreaId,
  QuestionSet,
  QuestionSetId,
  RequestContent,
  RequestState,
  RequestWorkflowAccess,
  UserId,
} from '../../index.js'
import type { RequestHarness } from '../../testing/index.js'
import {
  A, PQ, Q1, REQUEST_START, SERVICES_LA, U, contentOf, createRequest, freeText, pqDraft, refusalOf, requestHarness, sendRequest, servicesDraft,
  withRequestAccess, withUser, world, worldData,
} from '../../testing/index.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const DAY = 24 * 60 * 60 * 1000

const diploma = {
  fileName: 'diplome-jean-dupont.pdf',
  mediaType: 'application/pdf',
  size: 48_213,
  contentRef: 'blob://attachments/diplome-jean-dupont',
  relevance: 'evidence-of-qualifications',
} as const

/** A complete Professional Qualifications request from the French authority to the German one, asking to check the attached diploma. */
const pqRequest = pqDraft({
  caseData: { name: 'Jean Dupont', 'date-of-birth': '1980-05-17', profession: 'Médecin', reference: 'ONM-2026-118' },
  questions: [
    { questionId: Q1, parameters: { profession: 'Médecin' }, comment: freeText('fr', 'Merci de confirmer son inscription.') },
    { questionId: 'pq.qualifications.authentic', attachmentId: 'new:0', comment: freeText('fr', 'Le diplôme joint a été délivré à Lyon.') },
  ],
  attachments: [diploma],
})

/** What `as` sees of a request's content, failing the test when it sees none. */
const seenContent = (h: RequestHarness, as: UserId, id: RequestState['exchangeId']): RequestContent => {
  const content = contentOf(h, as, id)
  if (content === undefined) throw new Error(`${as} sees no content`)
  return content
}

/** Changes one authority's request-workflow access in one legislative area only. */
const withAreaAccess = (
  data: DirectoryData,
  id: AuthorityId,
  la: LegislativeAreaId,
  patch: (access: LegislativeAreaAccess) => LegislativeAreaAccess,
): DirectoryData => ({
  ...data,
  authorities: data.authorities.map((a) => (a.id !== id ? a : { ...a, access: a.access.map((l) => (l.legislativeArea === la ? patch(l) : l)) })),
})

const withRequest = (patch: (r: RequestWorkflowAccess) => RequestWorkflowAccess) => (l: LegislativeAreaAccess): LegislativeAreaAccess =>
  l.request === undefined ? l : { ...l, request: patch(l.request) }

const linkedTo =
  (...coordinators: AuthorityId[]) =>
  (r: RequestWorkflowAccess): RequestWorkflowAccess => ({ ...r, linkedCoordinators: coordinators })

// ---------------------------------------------------------------------------------------------
// participants and statuses

describe('participants and statuses', () => {
  it('[REQ-STATUS-SET] the machine knows exactly the twelve statuses of a request', () => {
    expect(Object.keys(requestMachine.config.states ?? {}).sort()).toEqual([...REQUEST_STATUSES].sort())
    expect(REQUEST_STATUSES).toHaveLength(12)
    expect(requestForInformation.statuses).toEqual(REQUEST_STATUSES)
    expect(REQUEST_STATUSES).toContain('awaiting-acceptance')
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(REQUEST_STATUSES).toContain(h.state(id).status)
  })

  it('[REQ-BILATERAL-OTHER-MS] a sent request has one requesting and one responding authority, in different member states', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    const s = h.state(id)
    expect(s.requesting.authorityId).toBe(A.frCa)
    expect(s.responding.authorityId).toBe(A.deCa)
    expect(s.requesting.memberState).toBe('FR')
    expect(s.responding.memberState).toBe('DE')
    expect(h.view(U.frHandler, id)?.summary.authorities).toEqual([A.frCa, A.deCa])
  })

  it('[REQ-BILATERAL-OTHER-MS] a request to an authority of the same member state is refused', () => {
    const h = requestHarness()
    const id = createRequest(h, { ...pqRequest, addressee: A.frCa2 })
    const e = refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))
    expect(e).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-BILATERAL-OTHER-MS' })
    expect(h.state(id).status).toBe('draft')
  })

  it('[REQ-NO-WITHDRAW-SENT] once sent, the requester can neither delete, edit nor re-send the request, and no withdraw command exists', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    const actions = h.actions(U.frHandler, id)
    for (const a of ['request.delete-draft', 'request.edit', 'request.send'] as const) expect(actions).not.toContain(a)
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.delete-draft', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-DRAFT-DELETE' })
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.edit', exchangeId: id, deadline: '2026-05-01' }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-DRAFT-SAVE' })
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.withdraw', exchangeId: id })).code).toBe('command.invalid')
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.cancel', exchangeId: id })).code).toBe('command.invalid')
    expect(h.exists(id)).toBe(true)
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-EVENT-HISTORY] every transition records when, who, from, to and, where given, the justification', () => {
    const h = requestHarness(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } })))
    const id = createRequest(h, pqRequest)
    h.advance(DAY)
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    h.advance(DAY)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    h.advance(DAY)
    h.ok(U.deHandler2, { type: 'request.refuse', exchangeId: id, justification: freeText('fr', 'Le dossier relève du Land de Bavière.'), noOtherCompetentAuthority: true })
    const history = h.state(id).history
    expect(history.map((e) => [e.action, e.from, e.to])).toEqual([
      ['request.created', undefined, 'draft'],
      ['request.sent', 'draft', 'awaiting-acceptance'],
      ['request.accepted', 'awaiting-acceptance', 'accepted'],
      ['request.refused', 'accepted', 'closed'],
    ])
    expect(history.map((e) => e.at)).toEqual(['2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z', '2026-03-04T09:00:00.000Z', '2026-03-05T09:00:00.000Z'])
    expect(history[1]?.actor).toEqual({ kind: 'user', userId: U.frHandler, authorityId: A.frCa })
    expect(history[3]?.actor).toEqual({ kind: 'user', userId: U.deHandler2, authorityId: A.deCa })
    expect(history[3]?.justification).toEqual(freeText('fr', 'Le dossier relève du Land de Bavière.'))
    expect(history[1]?.justification).toBeUndefined()
  })

  it('[REQ-EVENT-HISTORY] recorded events and history entries are never rewritten by later transitions', () => {
    const h = requestHarness()
    const id = createRequest(h, pqRequest)
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    const events = h.events(id)
    const before = structuredClone(events)
    const historyBefore = structuredClone(h.state(id).history)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-05-15' })
    expect(h.events(id).slice(0, events.length)).toEqual(before)
    expect(h.state(id).history.slice(0, historyBefore.length)).toEqual(historyBefore)
    expect(h.state(id).history).toHaveLength(historyBefore.length + 1)
    expect(Object.isFrozen(h.state(id).history)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// creating and sending

describe('creating and sending', () => {
  it('[REQ-CREATE-HANDLER] a request handler of the authority creates and sends a request', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(id).createdBy).toBe(U.frHandler)
    expect(h.state(id).requesting.authorityId).toBe(A.frCa)
  })

  it('[REQ-CREATE-HANDLER] a viewer, an allocator or a local data administrator cannot create a request', () => {
    const h = requestHarness()
    for (const u of [U.frViewer, U.frAllocator, U.frLda])
      expect(refusalOf(h.exec(u, pqRequest))).toMatchObject({ code: 'request.not-allowed', ruleId: 'REQ-CREATE-HANDLER' })
    expect(h.exchanges()).toEqual([])
  })

  it('[REQ-CREATE-HANDLER] a handler of another authority cannot send the draft, nor can one whose workflow access is suspended', () => {
    const h = requestHarness()
    const id = createRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-allowed', ruleId: 'REQ-CREATE-HANDLER' })
    expect(refusalOf(h.exec(U.fr2Handler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-allowed', ruleId: 'REQ-CREATE-HANDLER' })
    const suspended = withRequestAccess(worldData(), A.frCa, (r) => ({ ...r, status: 'suspended' }))
    h.directory = world(suspended)
    expect(refusalOf(h.exec(U.frHandler, pqRequest))).toMatchObject({ code: 'request.not-allowed', ruleId: 'REQ-CREATE-HANDLER' })
    expect(h.state(id).status).toBe('draft')
  })

  it('[REQ-CREATE-SELECT-LA] the request belongs to the legislative area selected among those the authority uses', () => {
    const h = requestHarness()
    h.ok(U.frHandler, pqRequest)
    const pq = h.last()
    h.ok(U.frHandler, servicesDraft())
    const services = h.last()
    expect(h.state(pq).legislativeArea).toBe(PQ)
    expect(h.state(services).legislativeArea).toBe(SERVICES_LA)
    expect(h.state(services).personalFields).toEqual(['name', 'address', 'registration-number'])
    expect(h.state(pq).personalFields).toEqual(['name', 'date-of-birth'])
  })

  it('[REQ-CREATE-SELECT-LA] an area must be selected, and one the authority does not use is refused', () => {
    const { legislativeArea: _la, ...withoutArea } = pqRequest
    const data = worldData()
    const h = requestHarness({
      ...data,
      authorities: data.authorities.map((a) => (a.id === A.frCa ? { ...a, access: a.access.filter((l) => l.legislativeArea === PQ) } : a)),
    })
    expect(refusalOf(h.exec(U.frHandler, withoutArea)).code).toBe('command.invalid')
    expect(refusalOf(h.exec(U.frHandler, servicesDraft()))).toMatchObject({ code: 'request.area-not-accessible', ruleId: 'REQ-CREATE-SELECT-LA' })
    expect(refusalOf(h.exec(U.frHandler, { ...pqRequest, legislativeArea: 'fishing-quotas' }))).toMatchObject({
      code: 'request.area-not-accessible',
      ruleId: 'REQ-CREATE-SELECT-LA',
    })
    h.ok(U.frHandler, pqRequest)
    expect(h.state(h.last()).legislativeArea).toBe(PQ)
  })

  it('[REQ-DRAFT-SAVE] an incomplete draft is saved, resumed later and then sent', () => {
    const h = requestHarness()
    h.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ })
    const id = h.last()
    expect(h.state(id).status).toBe('draft')
    expect(h.state(id).questions).toEqual([])
    h.advance(3 * DAY)
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, questionSetId: 'pq.general', addressee: A.deCa })
    h.ok(U.frHandler, {
      type: 'request.edit',
      exchangeId: id,
      caseData: pqRequest.caseData,
      questions: [pqRequest.questions[0]],
      deadline: '2026-04-10',
    })
    const s = h.state(id)
    expect(s.status).toBe('draft')
    expect(s.responding.authorityId).toBe(A.deCa)
    expect(s.deadline).toBe('2026-04-10')
    expect(s.questions.map((q) => q.questionId)).toEqual(['pq.establishment.legally-established'])
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-DRAFT-SAVE] a request that is no longer a draft cannot be edited', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.edit', exchangeId: id, deadline: '2026-06-01' }))).toMatchObject({
      code: 'request.wrong-status',
      ruleId: 'REQ-DRAFT-SAVE',
    })
    expect(h.state(id).deadline).toBe('2026-04-01')
  })

  it('[REQ-DRAFT-DELETE] the requesting handler deletes a draft and it disappears', () => {
    const h = requestHarness()
    const id = createRequest(h, pqRequest)
    expect(h.actions(U.frHandler, id)).toContain('request.delete-draft')
    h.ok(U.frHandler, { type: 'request.delete-draft', exchangeId: id })
    expect(h.exists(id)).toBe(false)
    expect(h.exchanges()).not.toContain(id)
  })

  it('[REQ-DRAFT-DELETE] a sent request cannot be deleted, and nobody outside the requesting authority deletes a draft', () => {
    const h = requestHarness()
    const draft = createRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.delete-draft', exchangeId: draft }))).toMatchObject({ code: 'request.not-allowed', ruleId: 'REQ-DRAFT-DELETE' })
    expect(h.exists(draft)).toBe(true)
    const sent = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.delete-draft', exchangeId: sent }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-DRAFT-DELETE' })
    expect(h.exists(sent)).toBe(true)
    expect(h.state(sent).status).toBe('awaiting-acceptance')
  })

  it('[REQ-SEND-ONE-QUESTION-SET] when several question sets apply, the request uses exactly the one chosen', () => {
    const data = worldData()
    const alternative: QuestionSet = {
      ...PROFESSIONAL_QUALIFICATIONS_GENERAL,
      id: 'pq.temporary-provision' as QuestionSetId,
      categories: [
        {
          id: 'declaration',
          title: { en: 'Prior declaration', fr: 'Déclaration préalable', de: 'Vorherige Meldung' },
          questions: [
            {
              id: 'pq.declaration.received',
              text: { en: 'Has a prior declaration been received?', fr: 'Une déclaration préalable a-t-elle été reçue ?', de: 'Ist eine vorherige Meldung eingegangen?' },
              parameters: [],
              answers: [{ id: 'yes', text: { en: 'Yes', fr: 'Oui', de: 'Ja' } }],
              aboutAttachment: false,
            },
          ],
        },
      ],
    }
    const h = requestHarness({
      ...data,
      legislativeAreas: data.legislativeAreas.map((l) =>
        l.id === PQ ? { ...PROFESSIONAL_QUALIFICATIONS, request: { ...PROFESSIONAL_QUALIFICATIONS.request, questionSets: ['pq.general' as QuestionSetId, alternative.id] } } : l,
      ),
      questionSets: [...QUESTION_SETS, alternative],
    })
    // Questions of the other applicable set cannot be mixed in.
    const mixed = createRequest(h, {
      ...pqRequest,
      questionSetId: alternative.id,
      questions: [{ questionId: 'pq.declaration.received' }, { questionId: 'pq.establishment.suspension' }],
      attachments: [],
    })
    const e = refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: mixed }))
    expect(e).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-ONE-QUESTION-SET' })
    const id = createRequest(h, { ...pqRequest, questionSetId: alternative.id, questions: [{ questionId: 'pq.declaration.received' }], attachments: [] })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).questionSetId).toBe(alternative.id)
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-SEND-ONE-QUESTION-SET] a request without a set, with a set of another area or with a question twice is refused', () => {
    const h = requestHarness()
    const { questionSetId: _q, ...withoutSet } = pqRequest
    h.ok(U.frHandler, withoutSet)
    const id = h.last()
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-ONE-QUESTION-SET' })
    expect(refusalOf(h.exec(U.frHandler, { ...pqRequest, questionSetId: 'services.provider' }))).toMatchObject({
      code: 'request.question-set-unknown',
      ruleId: 'REQ-SEND-ONE-QUESTION-SET',
    })
    expect(
      refusalOf(h.exec(U.frHandler, { ...pqRequest, attachments: [], questions: [{ questionId: 'pq.establishment.suspension' }, { questionId: 'pq.establishment.suspension' }] })),
    ).toMatchObject({ code: 'request.question-duplicated', ruleId: 'REQ-SEND-ONE-QUESTION-SET' })
  })

  it('[REQ-SEND-MIN-ONE-QUESTION] sending needs at least one question; a draft may have none', () => {
    const h = requestHarness()
    const id = createRequest(h, { ...pqRequest, questions: [], attachments: [] })
    expect(h.state(id).status).toBe('draft')
    const e = refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))
    expect(e).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-MIN-ONE-QUESTION' })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, questions: [{ questionId: 'pq.establishment.suspension' }] })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-SEND-FREE-TEXT-LANGUAGE] a draft keeps a comment without language, but sending is refused until it is declared', () => {
    const h = requestHarness()
    const id = createRequest(h, { ...pqRequest, questions: [{ questionId: 'pq.establishment.suspension', comment: { text: 'Merci.' } }], attachments: [] })
    expect(h.state(id).questions[0]?.comment).toEqual({ text: 'Merci.' })
    const e = refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))
    expect(e).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-FREE-TEXT-LANGUAGE' })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, questions: [{ questionId: 'pq.establishment.suspension', comment: freeText('fr', 'Merci.') }] })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-SEND-FREE-TEXT-LANGUAGE] a justification without language also blocks sending', () => {
    const h = requestHarness()
    h.ok(U.frHandler, servicesDraft({ justification: { text: 'Prestation temporaire.' } }))
    const id = h.last()
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-FREE-TEXT-LANGUAGE' })
    expect(h.state(id).status).toBe('draft')
  })

  it("[REQ-SEND-CASE-FIELDS] sending needs the area's mandatory case fields; optional ones may stay empty", () => {
    const h = requestHarness()
    const id = createRequest(h, { ...pqRequest, caseData: { profession: 'Médecin', name: '   ' } })
    const e = refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))
    expect(e).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-CASE-FIELDS' })
    expect(e.details?.['problems']).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'caseData.name', ruleId: 'REQ-SEND-CASE-FIELDS' })]))
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, caseData: { name: 'Jean Dupont', profession: 'Médecin' } })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(id).caseData['date-of-birth']).toBeUndefined()
  })

  it('[REQ-SEND-JUSTIFICATION-DEADLINE] an area that requires a deadline refuses a request without one, or with one in the past', () => {
    const h = requestHarness()
    const { deadline: _d, ...withoutDeadline } = pqRequest
    h.ok(U.frHandler, withoutDeadline)
    const id = h.last()
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-JUSTIFICATION-DEADLINE' })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, deadline: '2026-03-01' })
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-JUSTIFICATION-DEADLINE' })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, deadline: '2026-03-20' })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-SEND-JUSTIFICATION-DEADLINE] an area that requires a justification refuses a request without one; no deadline is needed there', () => {
    const h = requestHarness()
    const { justification: _j, ...withoutJustification } = servicesDraft()
    h.ok(U.frHandler, withoutJustification)
    const id = h.last()
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-JUSTIFICATION-DEADLINE' })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, justification: servicesDraft().justification })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(id).deadline).toBeUndefined()
  })

  it('[REQ-SEND-SELECT-COORDINATOR] a requester linked to several coordinators must select one of them before sending', () => {
    const h = requestHarness(withAreaAccess(worldData(), A.frCa, PQ, withRequest(linkedTo(A.frNimic, A.frDimic))))
    const id = createRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-SEND-SELECT-COORDINATOR' })
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.edit', exchangeId: id, requestingCoordinator: A.itNimic }))).toMatchObject({
      code: 'request.coordinator-not-linked',
      ruleId: 'REQ-SEND-SELECT-COORDINATOR',
    })
    h.ok(U.frHandler, { type: 'request.edit', exchangeId: id, requestingCoordinator: A.frDimic })
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).requesting.coordinatorId).toBe(A.frDimic)
  })

  it('[REQ-SEND-SELECT-COORDINATOR] a requester linked to one coordinator needs no selection: that one applies', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).requesting.coordinatorId).toBe(A.frNimic)
  })

  it('[REQ-COORDINATOR-ADDRESSEE] a request can be addressed to a coordinator of the other member state, which can accept it', () => {
    const h = requestHarness()
    const id = sendRequest(h, { ...pqRequest, addressee: A.deNimic })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(id).responding.authorityId).toBe(A.deNimic)
    expect(h.actions(U.deNimicHandler, id)).toContain('request.accept')
    h.ok(U.deNimicHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[REQ-TARGET-ELIGIBLE] an active addressee of another member state that may accept requests is eligible', () => {
    const h = requestHarness()
    const id = sendRequest(h, { ...pqRequest, addressee: A.itCa })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(id).responding.memberState).toBe('IT')
  })

  it('[REQ-TARGET-ELIGIBLE] sending is refused without addressee or when its authority, area access or workflow access is not active, or it may not accept', () => {
    const h = requestHarness()
    const { addressee: _a, ...withoutAddressee } = pqRequest
    h.ok(U.frHandler, withoutAddressee)
    const none = h.last()
    expect(refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: none }))).toMatchObject({ code: 'request.not-ready', ruleId: 'REQ-TARGET-ELIGIBLE' })
    const id = createRequest(h, pqRequest)
    const base = worldData()
    const variants: ReadonlyArray<readonly [string, DirectoryData]> = [
      ['authority inactive', { ...base, authorities: base.authorities.map((a) => (a.id === A.deCa ? { ...a, status: 'inactive' } : a)) }],
      ['area access suspended', withAreaAccess(base, A.deCa, PQ, (l) => ({ ...l, status: 'suspended' }))],
      ['workflow access suspended', withRequestAccess(base, A.deCa, (r) => ({ ...r, status: 'suspended' }))],
      ['may not accept', withRequestAccess(base, A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayAcceptRequests: false } }))],
    ]
    for (const [why, data] of variants) {
      h.directory = world(data)
      const e = refusalOf(h.exec(U.frHandler, { type: 'request.send', exchangeId: id }))
      expect({ why, code: e.code, ruleId: e.ruleId }).toEqual({ why, code: 'request.not-ready', ruleId: 'REQ-TARGET-ELIGIBLE' })
    }
    h.directory = world(base)
    h.ok(U.frHandler, { type: 'request.send', exchangeId: id })
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[ACT-REQ-COORD-SENDS] a request coordinator sends a request itself and receives one', () => {
    const h = requestHarness()
    const id = sendRequest(h, { ...pqRequest, addressee: A.deNimic }, U.frNimicHandler)
    expect(h.state(id).requesting.authorityId).toBe(A.frNimic)
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deNimicHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).responding.authorityId).toBe(A.deNimic)
    expect(h.state(id).status).toBe('accepted')
  })

  it('[ACT-SEVERAL-LINKED-COORDS] an authority linked to two coordinators for one area uses either, per request, on both sides', () => {
    let data = withAreaAccess(worldData(), A.frCa, PQ, withRequest(linkedTo(A.frNimic, A.frDimic)))
    data = withAreaAccess(data, A.deCa, PQ, withRequest(linkedTo(A.deNimic, A.deDimic)))
    const h = requestHarness(data)
    const viaNimic = sendRequest(h, { ...pqRequest, requestingCoordinator: A.frNimic })
    const viaDimic = sendRequest(h, { ...pqRequest, requestingCoordinator: A.frDimic })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: viaNimic, coordinator: A.deNimic })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: viaDimic, coordinator: A.deDimic })
    expect([h.state(viaNimic).requesting.coordinatorId, h.state(viaNimic).responding.coordinatorId]).toEqual([A.frNimic, A.deNimic])
    expect([h.state(viaDimic).requesting.coordinatorId, h.state(viaDimic).responding.coordinatorId]).toEqual([A.frDimic, A.deDimic])
    expect(h.state(viaDimic).requesting.linkedCoordinators).toEqual([A.frNimic, A.frDimic])
  })
})

// ---------------------------------------------------------------------------------------------
// viewing before acceptance

describe('viewing before acceptance', () => {
  it('[REQ-PREACCEPT-VISIBLE] the addressee sees the summary, every question and every comment, including those about attachments', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    const view = h.view(U.deHandler, id)
    expect(view?.access).toBe('no-personal-data')
    expect(view?.summary).toMatchObject({ number: h.state(id).number, status: 'awaiting-acceptance', legislativeArea: PQ, memberStates: ['FR', 'DE'], deadline: '2026-04-01' })
    const content = seenContent(h, U.deHandler, id)
    expect(content.questions.map((q) => [q.questionId, q.comment])).toEqual([
      ['pq.establishment.legally-established', freeText('fr', 'Merci de confirmer son inscription.')],
      ['pq.qualifications.authentic', freeText('fr', 'Le diplôme joint a été délivré à Lyon.')],
    ])
    expect(content.questions[1]?.attachmentId).toBe(h.state(id).attachments[0]?.id)
    expect(content.caseData['profession']).toBe('Médecin')
    expect(content.caseData['reference']).toBe('ONM-2026-118')
  })

  it('[REQ-PREACCEPT-NO-PD] before acceptance the addressee sees no personal data of the subject', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    for (const u of [U.deHandler, U.deViewer]) {
      const content = seenContent(h, u, id)
      expect(content.caseData['name']).toEqual({ redacted: 'personal-data' })
      expect(content.caseData['date-of-birth']).toEqual({ redacted: 'personal-data' })
      expect(JSON.stringify(h.view(u, id))).not.toContain('Jean Dupont')
      expect(JSON.stringify(h.view(u, id))).not.toContain('1980-05-17')
    }
    // The requester sees its own data meanwhile.
    expect(seenContent(h, U.frHandler, id).caseData['name']).toBe('Jean Dupont')
  })

  it('[REQ-PREACCEPT-NO-ATTACHMENTS] before acceptance every attachment is hidden from the addressee', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    const content = seenContent(h, U.deHandler, id)
    expect(content.attachments).toEqual([{ redacted: 'personal-data' }])
    const seen = JSON.stringify(h.view(U.deHandler, id))
    expect(seen).not.toContain(diploma.fileName)
    expect(seen).not.toContain(diploma.contentRef)
    expect(seenContent(h, U.frHandler, id).attachments[0]).toMatchObject({ fileName: diploma.fileName })
  })
})

// ---------------------------------------------------------------------------------------------
// accept

describe('accept', () => {
  it('[REQ-ACCEPT-STATUS] a request awaiting acceptance is accepted and becomes accepted', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
    expect(h.state(id).acceptedAt).toBe(REQUEST_START.toISOString())
  })

  it('[REQ-ACCEPT-STATUS] a request cannot be accepted twice, nor before it awaits acceptance', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    expect(refusalOf(h.exec(U.deHandler2, { type: 'request.accept', exchangeId: id }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-ACCEPT-STATUS' })
    const draft = createRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: draft }))).toMatchObject({ code: 'request.wrong-status', ruleId: 'REQ-ACCEPT-STATUS' })
    expect(h.state(draft).status).toBe('draft')
  })

  it('[REQ-ACCEPT-HANDLER] any request handler of the addressee may accept', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(h.actions(U.deHandler2, id)).toContain('request.accept')
    h.ok(U.deHandler2, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[REQ-ACCEPT-HANDLER] the requester, another authority and a coordinator referee cannot accept', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    for (const u of [U.frHandler, U.de2Handler, U.deNimicReferee, U.itHandler]) {
      const e = refusalOf(h.exec(u, { type: 'request.accept', exchangeId: id }))
      expect({ u, code: e.code, ruleId: e.ruleId }).toEqual({ u, code: 'request.not-allowed', ruleId: 'REQ-ACCEPT-HANDLER' })
    }
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[REQ-ACCEPT-MAY-ACCEPT] an authority not allowed to accept cannot accept a request it holds, but can still send', () => {
    const noAccept = withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayAcceptRequests: false } }))
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    // The coordinator changes the parameter while the request waits.
    h.directory = world(noAccept)
    expect(h.actions(U.deHandler, id)).not.toContain('request.accept')
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: id }))).toMatchObject({ code: 'request.may-not-accept', ruleId: 'REQ-ACCEPT-MAY-ACCEPT' })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    const outgoing = sendRequest(h, { ...pqRequest, addressee: A.frCa }, U.deHandler)
    expect(h.state(outgoing).status).toBe('awaiting-acceptance')
    expect(h.state(outgoing).requesting.authorityId).toBe(A.deCa)
  })

  it('[REQ-ACCEPT-SELECT-COORDINATOR] an addressee linked to several coordinators selects the competent one when accepting', () => {
    const h = requestHarness(withAreaAccess(worldData(), A.deCa, PQ, withRequest(linkedTo(A.deNimic, A.deDimic))))
    const id = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: id }))).toMatchObject({ code: 'request.coordinator-missing', ruleId: 'REQ-ACCEPT-SELECT-COORDINATOR' })
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: id, coordinator: A.frNimic }))).toMatchObject({
      code: 'request.coordinator-not-linked',
      ruleId: 'REQ-ACCEPT-SELECT-COORDINATOR',
    })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id, coordinator: A.deDimic })
    expect(h.state(id).responding.coordinatorId).toBe(A.deDimic)
  })

  it('[REQ-ACCEPT-SELECT-COORDINATOR] an addressee linked to one coordinator gets it without selecting', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).responding.coordinatorId).toBe(A.deNimic)
  })

  it('[REQ-ACCEPT-ALT-DEADLINE] the addressee may propose another deadline when accepting, but not one in the past', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-02-27' }))).toMatchObject({
      code: 'request.deadline-past',
      ruleId: 'REQ-ACCEPT-ALT-DEADLINE',
    })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-05-15' })
    expect(h.state(id).deadline).toBe('2026-05-15')
  })

  it('[REQ-ACCEPT-ALT-DEADLINE] [RET-SYSTEM-TIMEZONE] "in the past" is judged on the Brussels date: at 23:30 UTC today\'s UTC date is already yesterday', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    // 30 March 2026, 23:30 UTC is 31 March, 01:30 in Brussels (summer time).
    h.now = new Date('2026-03-30T23:30:00Z')
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-03-30' }))).toMatchObject({ code: 'request.deadline-past' })
    // One minute before midnight in Brussels, the 30th is still today.
    h.now = new Date('2026-03-30T21:59:00Z')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-03-30' })
    expect(h.state(id).deadline).toBe('2026-03-30')
  })

  it('[REQ-DEADLINE-REPLACED] the proposed deadline replaces the current one at once, the original kept in the history', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id, deadline: '2026-05-15' })
    const s = h.state(id)
    expect(s.status).toBe('accepted')
    expect(s.deadline).toBe('2026-05-15')
    expect(s.originalDeadline).toBe('2026-04-01')
    expect(h.view(U.frHandler, id)?.summary.deadline).toBe('2026-05-15')
    const accepted = h.events(id).at(-1)
    expect(accepted).toMatchObject({ type: 'request.accepted', payload: { deadline: '2026-05-15', previousDeadline: '2026-04-01' } })
    // No consent step: the requester has nothing to approve and the responder replies at once.
    expect(h.needsAction(U.frHandler, id)).toBe(false)
    expect(h.actions(U.deHandler, id)).toContain('request.reply')
  })

  it('[REQ-DEADLINE-INDICATIVE] an overdue request starts no timer and changes nothing by itself', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    h.advance(60 * DAY)
    const s = h.state(id)
    expect(isOverdue(s, h.now)).toBe(true)
    expect(requestForInformation.timers(s)).toEqual([])
    expect(s.status).toBe('awaiting-acceptance')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    expect(isOverdue(h.state(id), h.now)).toBe(true)
    expect(requestForInformation.timers(h.state(id))).toEqual([])
    expect(h.state(id).status).toBe('accepted')
    expect(isOverdue(h.state(id), new Date('2026-03-31T12:00:00Z'))).toBe(false)
  })

  it('[RET-SYSTEM-TIMEZONE] [REQ-DEADLINE-INDICATIVE] a deadline runs to the end of its day in Brussels: overdue one instant after, not before', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    const s = h.state(id)
    expect(s.deadline).toBeDefined()
    const deadline = s.deadline ?? ''
    // The end of the deadline's day in Brussels is the same instant explain answers.
    const end = explainRequest(s, 'reply-deadline').at ?? ''
    expect(end).not.toBe('')
    const endMs = Date.parse(end)
    expect(isOverdue(s, new Date(endMs - 1))).toBe(false)
    expect(isOverdue(s, new Date(endMs))).toBe(true)
    expect(isOverdue(s, new Date(endMs + 1))).toBe(true)
    // At 23:30 UTC on the deadline's date it is already the next day in Brussels.
    expect(isOverdue(s, new Date(`${deadline}T23:30:00Z`))).toBe(true)
  })

  it('[REQ-ACCEPT-CONFIRMS] on acceptance the addressee becomes the confirmed responding authority', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).responding.accepted).toBe(false)
    expect(h.actions(U.deHandler, id)).not.toContain('request.reply')
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    const s = h.state(id)
    expect(s.responding).toMatchObject({ authorityId: A.deCa, accepted: true, lastActor: U.deHandler })
    expect(h.actions(U.deHandler, id)).toContain('request.reply')
  })

  it('[REQ-ACCEPT-UNLOCKS] after acceptance the responding handlers and viewers see personal data and attachments', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    for (const u of [U.deHandler, U.deHandler2, U.deViewer]) {
      expect(h.view(u, id)?.access).toBe('full')
      const content = seenContent(h, u, id)
      expect(content.caseData['name']).toBe('Jean Dupont')
      expect(content.caseData['date-of-birth']).toBe('1980-05-17')
      expect(content.attachments[0]).toMatchObject({ fileName: diploma.fileName, contentRef: diploma.contentRef })
    }
    // Other authorities of the member state still see no content.
    expect(h.view(U.de2Viewer, id)).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// actors and parameters

describe('actors and parameters', () => {
  it('[ACT-REQ-VIEWER-READ-ONLY] a request viewer consults requests but performs no action on them', () => {
    const h = requestHarness()
    const id = sendRequest(h, pqRequest)
    expect(h.view(U.deViewer, id)?.access).toBe('no-personal-data')
    expect(h.view(U.frViewer, id)?.access).toBe('full')
    expect(h.actions(U.deViewer, id)).toEqual([])
    expect(h.actions(U.frViewer, id)).toEqual([])
    expect(refusalOf(h.exec(U.deViewer, { type: 'request.accept', exchangeId: id }))).toMatchObject({ code: 'request.read-only', ruleId: 'ACT-REQ-VIEWER-READ-ONLY' })
    const draft = createRequest(h, pqRequest)
    expect(refusalOf(h.exec(U.frViewer, { type: 'request.send', exchangeId: draft }))).toMatchObject({ code: 'request.read-only', ruleId: 'ACT-REQ-VIEWER-READ-ONLY' })
    expect(h.state(id).status).toBe('awaiting-acceptance')
    expect(h.state(draft).status).toBe('draft')
  })

  it('[ACT-USER-ONE-AUTHORITY] a user acts only for the one authority they belong to', () => {
    const h = requestHarness()
    expect(h.directory.user(U.frHandler)?.authorityId).toBe(A.frCa)
    const impostor = { kind: 'user', userId: U.frHandler, authorityId: A.frCa2 } as const
    expect(refusalOf(h.exec(impostor, pqRequest))).toMatchObject({ code: 'request.actor-unknown', ruleId: 'REQ-CREATE-HANDLER' })
    const id = sendRequest(h, pqRequest)
    const asOtherAuthority = { kind: 'user', userId: U.deHandler, authorityId: A.deCa2 } as const
    expect(refusalOf(h.exec(asOtherAuthority, { type: 'request.accept', exchangeId: id })).code).toBe('request.actor-unknown')
    expect(h.state(id).requesting.authorityId).toBe(A.frCa)
    expect(h.state(id).status).toBe('awaiting-acceptance')
  })

  it('[ACT-RIGHTS-PER-LA-WORKFLOW] roles are granted per area: a handler in one area may be only a viewer in another', () => {
    const data = withUser(worldData(), U.deHandler, (u) => ({
      ...u,
      requestRoles: [
        { legislativeArea: PQ, roles: ['request-handler'] },
        { legislativeArea: SERVICES_LA, roles: ['request-viewer'] },
      ],
    }))
    const h = requestHarness(data)
    const pq = sendRequest(h, pqRequest)
    h.ok(U.frHandler, servicesDraft())
    const services = h.last()
    h.ok(U.frHandler, { type: 'request.send', exchangeId: services })
    expect(refusalOf(h.exec(U.deHandler, { type: 'request.accept', exchangeId: services }))).toMatchObject({ code: 'request.read-only', ruleId: 'ACT-REQ-VIEWER-READ-ONLY' })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: pq })
    expect(h.state(pq).status).toBe('accepted')
    expect(h.state(services).status).toBe('awaiting-acceptance')
    expect(h.view(U.deHandler, services)?.access).toBe('no-personal-data')
  })

  it('[ACT-DEFAULT-MAY-ACCEPT] an authority may accept requests unless its coordinator says otherwise', () => {
    expect(DEFAULT_REQUEST_AUTHORITY_PARAMETERS.mayAcceptRequests).toBe(true)
    const h = requestHarness()
    const deCa = h.directory.authority(A.deCa)
    expect(deCa === undefined ? undefined : requestAccess(deCa, PQ)?.parameters.mayAcceptRequests).toBe(true)
    const id = sendRequest(h, pqRequest)
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[ACT-DEFAULT-CA-ALLOCATION] allocation is off by default: every handler of the addressee may act without being allocated', () => {
    const h = requestHarness()
    const deCa = h.directory.authority(A.deCa)
    expect(deCa === undefined ? undefined : requestAccess(deCa, PQ)?.allocation).toBe(false)
    const id = sendRequest(h, pqRequest)
    expect(h.state(id).responding.allocated).toEqual([])
    expect(h.actions(U.deHandler2, id)).toContain('request.accept')
    expect(h.actions(U.deAllocator, id)).not.toContain('request.allocate')
    h.ok(U.deHandler2, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })

  it('[ACT-DEFAULT-CA-ALLOCATION] once allocation is on, a handler not allocated is refused', () => {
    const h = requestHarness(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, allocation: true })))
    const id = sendRequest(h, pqRequest)
    h.ok(U.deAllocator, { type: 'request.allocate', exchangeId: id, side: 'responding', users: [U.deHandler] })
    expect(refusalOf(h.exec(U.deHandler2, { type: 'request.accept', exchangeId: id }))).toMatchObject({ code: 'request.not-allocated', ruleId: 'REQ-ALLOC-ONLY-ALLOCATED' })
    h.ok(U.deHandler, { type: 'request.accept', exchangeId: id })
    expect(h.state(id).status).toBe('accepted')
  })
})
