/**
 * Given/when/then examples for the automatic messages of the request workflow (spec §6.15): who
 * actually receives each message once its symbolic recipients are resolved against the directory.
 */
import { describe, expect, it } from 'vitest'
import { resolveRecipients } from '../../index.js'
import type { Notification } from '../../index.js'
import {
  A, Q1, Q2, U, allocationOn, cmd, createRequest, freeText, replyApprovalOn, requestApprovalOn, requestHarness, sendRequest, standardAnswers,
  withRequestAccess, world, worldData,
} from '../../testing/index.js'
import type { RequestHarness } from '../../testing/index.js'
import type { AuthorityId } from '../../model/ids.js'

// ---------------------------------------------------------------------------------------------
// fixtures

const mailboxOf = (h: RequestHarness, id: AuthorityId): string => {
  const a = h.directory.authority(id)
  if (a === undefined) throw new Error(`no authority ${id}`)
  return a.email
}

/** Runs a step and returns the notifications it caused. */
const during = (h: RequestHarness, step: () => void): ReadonlyArray<Notification> => {
  const before = h.notifications().length
  step()
  return h.notifications().slice(before)
}

/** The one notification with the given message among those caused by a step. */
const single = (ns: ReadonlyArray<Notification>, message: string): Notification => {
  const found = ns.filter((n) => n.message === message)
  expect(found).toHaveLength(1)
  return found[0] as Notification
}

/** Who a notification reaches, resolved against the harness's directory. */
const reach = (h: RequestHarness, n: Notification): { users: ReadonlyArray<string>; mailboxes: ReadonlyArray<string> } => {
  const r = resolveRecipients(n, h.directory)
  return { users: r.users.map((u) => u.id).sort(), mailboxes: [...r.mailboxes].sort() }
}

const sorted = (...ids: ReadonlyArray<string>): ReadonlyArray<string> => [...ids].sort()

// ---------------------------------------------------------------------------------------------
// content

describe('content of request messages', () => {
  it('[MAIL-REQ-NO-CONTENT] no message of a whole request life carries case data, question text or free text', () => {
    const h = requestHarness(replyApprovalOn(requestApprovalOn(worldData())))
    const id = createRequest(h)
    h.ok(U.frHandler, cmd('request.send', id))
    h.ok(U.frNimicReferee, cmd('request.return', id, { suggestions: freeText('fr', 'Ajoutez la date de naissance exacte.') }))
    h.ok(U.frHandler, cmd('request.send', id))
    h.ok(U.frNimicReferee, cmd('request.approve', id))
    h.ok(U.deHandler, cmd('request.accept', id, { deadline: '2026-04-20' }))
    h.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', 'Le dossier est urgent pour le patient.') }))
    h.ok(U.deHandler, cmd('request.add-attachment', id, { attachment: { fileName: 'register-extract.pdf', mediaType: 'application/pdf', size: 2048, contentRef: 'blob:extract', relevance: 'certificate' } }))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.deNimicReferee, cmd('request.return-reply', id, { suggestions: freeText('de', 'Bitte Zeitraum angeben.') }))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.deNimicReferee, cmd('request.approve-reply', id))
    h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez la période de suspension.'), questions: [Q2] }))
    h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Unterlagen vernichtet.') }))
    h.ok(U.frHandler, cmd('request.accept-refusal', id))
    const ns = h.notifications()
    expect(ns.length).toBeGreaterThanOrEqual(12)
    const text = JSON.stringify(ns)
    const secrets = [
      'Jean Dupont', '1980-05-17', 'Médecin', 'DOS-42', 'diplome.pdf', 'register-extract.pdf',
      'légalement établi', 'legally established', 'Merci de vérifier', 'Ajoutez la date', 'urgent pour le patient',
      'Keine Untersagung', 'Bitte Zeitraum', 'Précisez la période', 'Unterlagen vernichtet', Q1, Q2,
    ]
    for (const secret of secrets) expect(text).not.toContain(secret)
    // A message is a standard text, the exchange it links to, its recipients and its rule; nothing else.
    for (const n of ns) expect(Object.keys(n).sort()).toEqual(['exchangeId', 'exchangeNumber', 'message', 'recipients', 'ruleId'])
    expect(ns.every((n) => n.exchangeId === id && n.exchangeNumber === h.state(id).number)).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// incoming requests and allocation

describe('incoming requests and allocation', () => {
  it('[MAIL-INCOMING-ALLOC-OFF] with allocation off, a new incoming request goes to every handler of the addressee and its mailbox', () => {
    const h = requestHarness()
    const id = createRequest(h)
    const n = single(during(h, () => h.ok(U.frHandler, cmd('request.send', id))), 'request.incoming')
    expect(n.ruleId).toBe('MAIL-INCOMING-ALLOC-OFF')
    expect(reach(h, n)).toEqual({ users: sorted(U.deHandler, U.deHandler2), mailboxes: [mailboxOf(h, A.deCa)] })
  })

  it('[MAIL-INCOMING-ALLOC-ON] with allocation on, a new incoming request goes to every allocator of the addressee and its mailbox', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = createRequest(h)
    const n = single(during(h, () => h.ok(U.frHandler, cmd('request.send', id))), 'request.incoming')
    // The local data administrator is an allocator too (ACT-LDA-AUTO-ALLOCATOR); handlers are not told.
    expect(reach(h, n)).toEqual({ users: sorted(U.deAllocator, U.deLda), mailboxes: [mailboxOf(h, A.deCa)] })
  })

  it('[MAIL-INCOMING-ALLOC-ON] the switch is read when the message is delivered', () => {
    const off = worldData()
    const h = requestHarness(off)
    const id = createRequest(h)
    const n = single(during(h, () => h.ok(U.frHandler, cmd('request.send', id))), 'request.incoming')
    h.directory = world(allocationOn(off, A.deCa))
    expect(reach(h, n).users).toEqual(sorted(U.deAllocator, U.deLda))
  })

  it('[MAIL-ALLOCATED-HANDLERS] each handler allocated or re-allocated receives a message, and only they', () => {
    const h = requestHarness(allocationOn(worldData(), A.deCa))
    const id = sendRequest(h)
    const first = single(during(h, () => h.ok(U.deAllocator, cmd('request.allocate', id, { side: 'responding', users: [U.deHandler, U.deHandler2] }))), 'request.allocated-to-you')
    expect(first.ruleId).toBe('MAIL-ALLOCATED-HANDLERS')
    expect(reach(h, first)).toEqual({ users: sorted(U.deHandler, U.deHandler2), mailboxes: [] })
    const again = single(during(h, () => h.ok(U.deAllocator, cmd('request.allocate', id, { side: 'responding', users: [U.deHandler2] }))), 'request.allocated-to-you')
    expect(reach(h, again)).toEqual({ users: [U.deHandler2], mailboxes: [] })
  })
})

// ---------------------------------------------------------------------------------------------
// the requesting and responding sides

describe('messages between the two sides', () => {
  it('[MAIL-REQUEST-ACCEPTED] acceptance, with a new deadline, goes to the requesting handler who last acted and the requesting mailbox', () => {
    const h = requestHarness()
    const id = createRequest(h)
    h.ok(U.frHandler2, cmd('request.send', id))
    const n = single(during(h, () => h.ok(U.deHandler, cmd('request.accept', id, { deadline: '2026-04-20' }))), 'request.accepted')
    expect(n.ruleId).toBe('MAIL-REQUEST-ACCEPTED')
    expect(reach(h, n)).toEqual({ users: [U.frHandler2], mailboxes: [mailboxOf(h, A.frCa)] })
    expect(h.state(id).deadline).toBe('2026-04-20')
  })

  it('[MAIL-REQUEST-REFUSED] a refusal is notified to the requesting authority', () => {
    const h = requestHarness(withRequestAccess(worldData(), A.deCa, (r) => ({ ...r, parameters: { ...r.parameters, mayRefuseRequests: true } })))
    const id = sendRequest(h)
    const n = single(during(h, () => h.ok(U.deHandler, cmd('request.refuse', id, { justification: freeText('de', 'Nicht zuständig.'), noOtherCompetentAuthority: true }))), 'request.refused')
    expect(n.ruleId).toBe('MAIL-REQUEST-REFUSED')
    expect(reach(h, n)).toEqual({ users: [U.frHandler], mailboxes: [mailboxOf(h, A.frCa)] })
  })

  it('[MAIL-REPLY-RECEIVED] a reply goes to the requesting handler who last acted and the requesting mailbox', () => {
    const h = requestHarness()
    const id = createRequest(h)
    h.ok(U.frHandler2, cmd('request.send', id))
    h.ok(U.deHandler, cmd('request.accept', id))
    const n = single(during(h, () => h.ok(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers }))), 'request.reply-received')
    expect(n.ruleId).toBe('MAIL-REPLY-RECEIVED')
    expect(reach(h, n)).toEqual({ users: [U.frHandler2], mailboxes: [mailboxOf(h, A.frCa)] })
  })

  it('[MAIL-REPLY-RECEIVED] a reply approved by the coordinator reaches the requesting side only then', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    const onReply = during(h, () => h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers })))
    expect(onReply.some((n) => n.message === 'request.reply-received')).toBe(false)
    const n = single(during(h, () => h.ok(U.deNimicReferee, cmd('request.approve-reply', id))), 'request.reply-received')
    expect(n.ruleId).toBe('MAIL-REPLY-RECEIVED')
    expect(reach(h, n)).toEqual({ users: [U.frHandler], mailboxes: [mailboxOf(h, A.frCa)] })
  })

  it('[MAIL-SUBSEQUENT-LAST-ACTOR] a later message goes to the handler who last acted on that side, with a copy to the mailbox', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers }))
    const n = single(during(h, () => h.ok(U.frHandler, cmd('request.close', id))), 'request.closed')
    expect(n.ruleId).toBe('MAIL-SUBSEQUENT-LAST-ACTOR')
    // The handler who accepted is not told: the last action on the responding side was the reply.
    expect(reach(h, n)).toEqual({ users: [U.deHandler2], mailboxes: [mailboxOf(h, A.deCa)] })
  })

  it('[MAIL-SUBSEQUENT-LAST-ACTOR] an attachment added by one side is notified to the other side\'s last actor and mailbox', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler2, cmd('request.accept', id))
    const n = single(
      during(h, () => h.ok(U.frHandler2, cmd('request.add-attachment', id, { attachment: { fileName: 'annexe.pdf', mediaType: 'application/pdf', size: 10, contentRef: 'blob:annexe', relevance: 'other' } }))),
      'request.new-information',
    )
    expect(n.ruleId).toBe('MAIL-SUBSEQUENT-LAST-ACTOR')
    expect(reach(h, n)).toEqual({ users: [U.deHandler2], mailboxes: [mailboxOf(h, A.deCa)] })
  })

  it('[MAIL-FORWARD-SPLIT] a forward tells the requesting side that a new responding authority was asked, and the new one receives it', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    const ns = during(h, () => h.ok(U.deHandler, cmd('request.forward', id, { to: A.deCa2, justification: freeText('de', 'Zuständig ist Stuttgart.') })))
    const told = single(ns, 'request.new-responding-authority')
    expect(told.ruleId).toBe('MAIL-FORWARD-SPLIT')
    expect(reach(h, told)).toEqual({ users: [U.frHandler], mailboxes: [mailboxOf(h, A.frCa)] })
    const incoming = single(ns, 'request.incoming')
    expect(reach(h, incoming)).toEqual({ users: [U.de2Handler], mailboxes: [mailboxOf(h, A.deCa2)] })
  })

  it('[MAIL-FORWARD-SPLIT] a split tells the requesting side, and the authority asked the split questions receives a new request', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    const ns = during(h, () => h.ok(U.deHandler, cmd('request.split', id, { to: A.deCa2, justification: freeText('de', 'Teilweise zuständig.'), questions: [Q2], attachments: [] })))
    const told = single(ns, 'request.split')
    expect(told.ruleId).toBe('MAIL-FORWARD-SPLIT')
    expect(told.exchangeId).toBe(id)
    expect(reach(h, told)).toEqual({ users: [U.frHandler], mailboxes: [mailboxOf(h, A.frCa)] })
    const incoming = single(ns, 'request.incoming')
    expect(incoming.exchangeId).toBe(h.last())
    expect(reach(h, incoming)).toEqual({ users: [U.de2Handler], mailboxes: [mailboxOf(h, A.deCa2)] })
  })

  it('[MAIL-NEW-MESSAGE] a structured message by one side goes to the handlers of the other side', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    const toFrance = single(during(h, () => h.ok(U.deHandler, cmd('request.add-message', id, { text: freeText('de', 'Wir prüfen noch.') }))), 'request.new-message')
    expect(toFrance.ruleId).toBe('MAIL-NEW-MESSAGE')
    expect(reach(h, toFrance)).toEqual({ users: sorted(U.frHandler, U.frHandler2), mailboxes: [] })
    const toGermany = single(during(h, () => h.ok(U.frHandler, cmd('request.add-message', id, { text: freeText('fr', 'Merci.') }))), 'request.new-message')
    expect(reach(h, toGermany)).toEqual({ users: sorted(U.deHandler, U.deHandler2), mailboxes: [] })
  })

  it('[MAIL-ADDINFO-REQUEST] a request for additional information goes to the responding handler who last acted, with a copy to the mailbox', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers }))
    const n = single(
      during(h, () => h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))),
      'request.additional-info-requested',
    )
    expect(n.ruleId).toBe('MAIL-ADDINFO-REQUEST')
    expect(reach(h, n)).toEqual({ users: [U.deHandler2], mailboxes: [mailboxOf(h, A.deCa)] })
  })

  it('[MAIL-ADDINFO-REFUSED] a rejected request for additional information is notified to the requesting side', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler2, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
    const n = single(during(h, () => h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))), 'request.additional-info-refused')
    expect(n.ruleId).toBe('MAIL-ADDINFO-REFUSED')
    expect(reach(h, n)).toEqual({ users: [U.frHandler2], mailboxes: [mailboxOf(h, A.frCa)] })
  })
})

// ---------------------------------------------------------------------------------------------
// coordinators

describe('messages to and from coordinators', () => {
  it('[MAIL-COORD-ALLOC-OFF] the first referral to a coordinator without allocation goes to its mailbox alone', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    const n = single(during(h, () => h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))), 'request.approval-needed')
    expect(n.ruleId).toBe('MAIL-COORD-ALLOC-OFF')
    expect(reach(h, n)).toEqual({ users: [], mailboxes: [mailboxOf(h, A.deNimic)] })
  })

  it('[MAIL-COORD-ALLOC-OFF] the first referral for arbitration goes to the coordinator\'s mailbox', () => {
    const h = requestHarness()
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.frHandler, cmd('request.request-additional-info', id, { justification: freeText('fr', 'Précisez.'), questions: [Q2] }))
    h.ok(U.deHandler, cmd('request.reject-additional-info', id, { justification: freeText('de', 'Nicht verfügbar.') }))
    const n = single(during(h, () => h.ok(U.frHandler, cmd('request.insist', id))), 'request.arbitration')
    expect(n.ruleId).toBe('MAIL-COORD-ALLOC-OFF')
    expect(reach(h, n)).toEqual({ users: [], mailboxes: [mailboxOf(h, A.frNimic)] })
  })

  it('[MAIL-COORD-ALLOC-ON] the first referral to a coordinator using allocation goes to its allocators and mailbox, then to the allocated referees', () => {
    const h = requestHarness(allocationOn(requestApprovalOn(worldData()), A.frNimic))
    const id = createRequest(h)
    const n = single(during(h, () => h.ok(U.frHandler, cmd('request.send', id))), 'request.approval-needed')
    expect(reach(h, n)).toEqual({ users: [U.frNimicAllocator], mailboxes: [mailboxOf(h, A.frNimic)] })
    const allocated = single(
      during(h, () => h.ok(U.frNimicAllocator, cmd('request.allocate', id, { side: 'requesting-coordinator', users: [U.frNimicReferee2] }))),
      'request.allocated-to-you',
    )
    expect(reach(h, allocated)).toEqual({ users: [U.frNimicReferee2], mailboxes: [] })
  })

  it('[MAIL-COORD-SUBSEQUENT] later referrals during the coordinator\'s involvement go to the referee who last acted, with a copy to the coordinator', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))
    h.ok(U.deNimicReferee2, cmd('request.return-reply', id, { suggestions: freeText('de', 'Bitte ergänzen.') }))
    const n = single(during(h, () => h.ok(U.deHandler, cmd('request.reply', id, { answers: standardAnswers }))), 'request.approval-needed')
    expect(n.ruleId).toBe('MAIL-COORD-SUBSEQUENT')
    expect(reach(h, n)).toEqual({ users: [U.deNimicReferee2], mailboxes: [mailboxOf(h, A.deNimic)] })
  })

  it('[MAIL-APPROVAL-RETURNED] a request returned by the coordinator is notified to the requesting handler', () => {
    const h = requestHarness(requestApprovalOn(worldData()))
    const id = createRequest(h)
    h.ok(U.frHandler2, cmd('request.send', id))
    const n = single(during(h, () => h.ok(U.frNimicReferee, cmd('request.return', id, { suggestions: freeText('fr', 'Complétez.') }))), 'request.returned-by-coordinator')
    expect(n.ruleId).toBe('MAIL-APPROVAL-RETURNED')
    expect(reach(h, n)).toEqual({ users: [U.frHandler2], mailboxes: [mailboxOf(h, A.frCa)] })
    expect(h.state(id).status).toBe('draft')
  })

  it('[MAIL-APPROVAL-RETURNED] a reply returned by the coordinator is notified to the responding handler', () => {
    const h = requestHarness(replyApprovalOn(worldData()))
    const id = sendRequest(h)
    h.ok(U.deHandler, cmd('request.accept', id))
    h.ok(U.deHandler2, cmd('request.reply', id, { answers: standardAnswers }))
    const n = single(during(h, () => h.ok(U.deNimicReferee, cmd('request.return-reply', id, { suggestions: freeText('de', 'Bitte ergänzen.') }))), 'request.returned-by-coordinator')
    expect(n.ruleId).toBe('MAIL-APPROVAL-RETURNED')
    expect(reach(h, n)).toEqual({ users: [U.deHandler2], mailboxes: [mailboxOf(h, A.deCa)] })
  })
})
