/**
 * Given/when/then examples for what each viewer sees of an alert (spec §7.4 per-state statuses,
 * §7.11 reduced views), for the automatic messages of the alert workflow (spec §7.12), for the
 * blocking and erasure of its personal data (spec §7.11, §11.3), and for alert lists and reports
 * (spec §7.12).
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { Viewer } from '../../model/actor.js'
import { userViewer } from '../../model/actor.js'
import type { DomainError } from '../../model/errors.js'
import type { AuthorityId, ExchangeId, UserId } from '../../model/ids.js'
import { collectPersonalData } from '../../model/personal-data.js'
import type { AlertUserRole } from '../../model/users.js'
import { hasAlertRole } from '../../model/users.js'
import type { ListingScope } from '../../procedure/listing.js'
import { COMMISSION_SCOPE, isListedFor, listedStatus, listingScope } from '../../procedure/listing.js'
import type { Notification } from '../../procedure/procedure.js'
import { resolveRecipients } from '../../procedure/recipients.js'
import {
  A, ALERT_START, DAY, TEST_ALERT_POLICY, U, alertDraft, alertHarness, broadcastAlert, closedAlert, closureProposedAlert, createHarness, forwardedAlert,
  objectionPeriodAlert, requestHarness, sendRequest, submittedAlert, testAlertProcedure, withAlertAccess, world, worldData,
} from '../../testing/index.js'
import type { Harness } from '../../testing/index.js'
import { createAlertProcedure } from './index.js'
import type { AlertState } from './model.js'
import type { AlertContentView } from './view.js'
import { AlertContentViewCodec } from './view.js'

// ---------------------------------------------------------------------------------------------
// fixtures

type H = Harness<AlertState>

const SYSTEM = { kind: 'system' } as const
const COMMISSION: Viewer = { kind: 'commission' }

// The personal data the fixtures and these examples write, which no message and no reduced view may carry.
const PROVIDER = 'Jean Dupont — Ambulances Express'
const ADDRESS = '12 rue de la Paix, Paris'
const REGISTRATION = 'FR-RCS-552100554'
const CASE = 'Vehicles operated without valid sanitary certification.'
const INFO = 'Mr Dupont was fined 5,000 euros in Berlin.'
const COMMENT = 'Mr Dupont told our inspector he had sold the vehicles.'
const PROPOSAL = 'The provider has ceased its activity.'
const OBJECTION = 'Mr Dupont still drives patients in Lyon.'
const REASON = 'Mr Dupont was confused with his namesake.'
const SECRETS = [PROVIDER, 'Dupont', ADDRESS, REGISTRATION, CASE, INFO, COMMENT, PROPOSAL, OBJECTION, REASON]

const text = (t: string) => ({ text: t, language: 'en' })
const act = (type: string, id: ExchangeId, rest: Record<string, unknown> = {}) => ({ type, exchangeId: id, ...rest })
const inform = (id: ExchangeId, coordinator: AuthorityId, t: string, kind = 'general') => act('alert.submit-information', id, { kind, coordinator, text: text(t) })
const broadcastInformation = (h: H, user: UserId, id: ExchangeId) => h.ok(user, act('alert.broadcast-information', id, { informationId: h.state(id).information.at(-1)?.id }))

/** The code and rule of a refusal, or `undefined` when the command was accepted. */
const refusal = (r: E.Either<DomainError, unknown>) => (E.isLeft(r) ? { code: r.left.code, ruleId: r.left.ruleId } : undefined)

const contentOf = (h: H, who: UserId | Viewer, id: ExchangeId) => h.view(who, id)?.content as AlertContentView | undefined
const displayed = (h: H, who: UserId | Viewer, id: ExchangeId) => h.view(who, id)?.displayedStatus
const seen = (h: H, who: UserId | Viewer, id: ExchangeId) => JSON.stringify(h.view(who, id) ?? null)

const scopeOf = (h: H, who: UserId | Viewer): ListingScope => {
  const viewer = typeof who === 'string' ? userViewer(h.directory, who) : who
  const scope = viewer === undefined ? undefined : listingScope(viewer)
  if (scope === undefined) throw new Error('no listing scope')
  return scope
}
const summaryOf = (h: H, id: ExchangeId) => testAlertProcedure.summary(h.state(id))
const listedFor = (h: H, who: UserId | Viewer, id: ExchangeId) => (isListedFor(summaryOf(h, id), scopeOf(h, who)) ? listedStatus(summaryOf(h, id), scopeOf(h, who)) : undefined)

const at = (iso: string | undefined, offsetMs = 0) => new Date(new Date(iso ?? '').getTime() + offsetMs)

/** One instant before, at, and after a boundary. */
const AROUND: ReadonlyArray<readonly [string, number]> = [
  ['one instant before', -1],
  ['at', 0],
  ['one instant after', 1],
]

const byAuthority = (a: Notification['recipients'][number], b: Notification['recipients'][number]) =>
  ('authorityId' in a ? a.authorityId : '').localeCompare('authorityId' in b ? b.authorityId : '')

/** The notifications one step causes, each with its recipients in a stable order. */
const mails = (h: H, step: () => unknown): ReadonlyArray<Notification> => {
  const before = h.notifications().length
  step()
  return h.notifications().slice(before).map((n) => ({ ...n, recipients: [...n.recipients].sort(byAuthority) }))
}

const BROADCASTERS: ReadonlyArray<AlertUserRole> = ['alert-broadcaster']
const HANDLERS: ReadonlyArray<AlertUserRole> = ['alert-handler']
const ACTORS: ReadonlyArray<AlertUserRole> = ['alert-handler', 'alert-broadcaster']
const alertUsers = (roles: ReadonlyArray<AlertUserRole>, ...ids: AuthorityId[]) => [...ids].sort().map((authorityId) => ({ kind: 'alert-users', authorityId, roles }))

/** One notification about an alert that still exists. */
const mail = (h: H, id: ExchangeId, message: string, ruleId: string, recipients: ReadonlyArray<unknown>) => ({
  message,
  exchangeId: id,
  exchangeNumber: h.state(id).number,
  ruleId,
  recipients,
})

/** The authorities a notification reaches, sorted. */
const authoritiesOf = (n: Notification | undefined) => (n?.recipients ?? []).flatMap((r) => ('authorityId' in r ? [r.authorityId] : [])).sort()

/** A withdrawn alert: forwarded in Germany, withdrawn by France one day after its broadcast. */
const withdrawnAlert = (h: H, draft: Record<string, unknown> = {}): ExchangeId => {
  const id = forwardedAlert(h, { draft })
  h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text(REASON) }))
  h.advance(DAY)
  h.ok(U.frNimicBroadcaster, act('alert.broadcast-withdrawal', id))
  return id
}

/**
 * An alert taken through every step that carries personal data: information, a change of
 * establishment, a comment, a proposal, an objection, closure.
 */
const fullClosure = (h: H): ExchangeId => {
  const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
  h.ok(U.deAlertHandler, inform(id, A.deNimic, INFO))
  broadcastInformation(h, U.deNimicBroadcaster, id)
  h.ok(U.frNimicBroadcaster, act('alert.change-establishment', id, { establishment: null }))
  h.ok(U.frNimicBroadcaster, act('alert.change-establishment', id, { establishment: 'DE' }))
  h.ok(U.deAlertHandler, act('alert.propose-closure', id, { coordinator: A.deNimic, text: text(PROPOSAL) }))
  h.ok(U.de2AlertHandler, act('alert.comment', id, { text: text(COMMENT) }))
  h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
  h.ok(SYSTEM, act('alert.end-comment-period', id))
  h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: h.state(id).closure?.comments.map((c) => c.id) ?? [] }))
  h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, OBJECTION, 'objection'))
  broadcastInformation(h, U.itNimicBroadcaster, id)
  h.advance(TEST_ALERT_POLICY.objectionPeriod.days * DAY)
  h.ok(SYSTEM, act('alert.end-objection-period', id))
  h.ok(U.deNimicBroadcaster, act('alert.close', id))
  return id
}

/** Every notification of the procedure's steps that carry personal data, and of a withdrawal and a deletion. */
const everyMail = (): { h: H; all: ReadonlyArray<Notification>; ids: ReadonlyArray<ExchangeId> } => {
  const h = alertHarness()
  const closed = fullClosure(h)
  const withdrawn = withdrawnAlert(h)
  const deleted = submittedAlert(h)
  h.ok(U.frAlertHandler, act('alert.delete', deleted))
  return { h, all: h.notifications(), ids: [closed, withdrawn] }
}

// ---------------------------------------------------------------------------------------------
// status display and visibility

describe('status display', () => {
  it('[ALERT-ACK-PER-MS] each recipient state\'s mailbox sees "awaiting acknowledgement" until it acknowledges; the alert stays BROADCAST', () => {
    // given an alert just broadcast to Germany and Italy
    const h = alertHarness()
    const id = broadcastAlert(h)
    // then each recipient mailbox sees it awaiting acknowledgement, while its status, and what others see, is BROADCAST
    expect(h.state(id).status).toBe('broadcast')
    for (const user of [U.deNimicBroadcaster, U.itNimicBroadcaster]) {
      expect(displayed(h, user, id)).toBe('awaiting-acknowledgement')
      expect(h.view(user, id)?.status).toBe('broadcast')
      expect(listedFor(h, user, id)).toBe('awaiting-acknowledgement')
    }
    for (const who of [U.frAlertHandler, U.frNimicBroadcaster, COMMISSION]) {
      expect(displayed(h, who, id)).toBe('broadcast')
      expect(listedFor(h, who, id)).toBe('broadcast')
    }
    // when Germany acknowledges
    h.ok(U.deNimicBroadcaster, act('alert.acknowledge', id))
    // then Germany sees it broadcast, Italy still awaiting acknowledgement
    expect(displayed(h, U.deNimicBroadcaster, id)).toBe('broadcast')
    expect(listedFor(h, U.deNimicBroadcaster, id)).toBe('broadcast')
    expect(displayed(h, U.itNimicBroadcaster, id)).toBe('awaiting-acknowledgement')
    expect(listedFor(h, U.itNimicBroadcaster, id)).toBe('awaiting-acknowledgement')
    expect(h.state(id).status).toBe('broadcast')
    // and the history records only the alert's own statuses
    expect(h.view(U.itNimicBroadcaster, id)?.history.map((e) => e.to)).not.toContain('awaiting-acknowledgement')
    expect(h.view(U.itNimicBroadcaster, id)?.history.at(-1)).toMatchObject({ action: 'alert.acknowledged', from: 'broadcast', to: 'broadcast' })
    // and an authority forwarded the alert in Germany sees it broadcast
    h.ok(U.deNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.deCa] }))
    expect(displayed(h, U.deAlertHandler, id)).toBe('broadcast')
  })

  it('[ALERT-DISPLAY-OTHER-MS] during the comment phase the other states see "Alert broadcast", in the view, its history and lists', () => {
    // given a closure proposed in Germany, Italy having acknowledged
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.ok(U.itNimicBroadcaster, act('alert.acknowledge', id))
    h.ok(U.de2AlertHandler, act('alert.comment', id, { text: text(COMMENT) }))
    const inside = [U.deAlertHandler, U.deNimicBroadcaster, U.de2AlertHandler]
    const outside = [U.frAlertHandler, U.frNimicBroadcaster, U.itNimicBroadcaster]
    const hidden = ['closure-open-for-comments', 'closure-awaiting-broadcast']
    const check = (status: string) => {
      for (const user of inside) {
        expect(displayed(h, user, id)).toBe(status)
        expect(listedFor(h, user, id)).toBe(status)
      }
      for (const who of [...outside, COMMISSION]) {
        const view = h.view(who, id)
        expect(view?.displayedStatus).toBe('broadcast')
        expect(view?.status).toBe('broadcast')
        expect(view?.history.map((e) => e.action)).not.toContain('alert.closure-proposed')
        expect(view?.history.map((e) => e.action)).not.toContain('alert.commented')
        expect(view?.history.flatMap((e) => [e.from, e.to]).filter((s) => s !== undefined && hidden.includes(s))).toEqual([])
        expect((view?.content as AlertContentView | undefined)?.closure).toBeUndefined()
        expect(listedFor(h, who, id)).toBe('broadcast')
      }
      expect(summaryOf(h, id).status).toBe('broadcast')
    }
    // then during the comment period
    check('closure-open-for-comments')
    // and once it has ended
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    check('closure-awaiting-broadcast')
    // when the proposal is broadcast, every state sees it and its history
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] }))
    for (const who of [...inside, ...outside, COMMISSION]) {
      expect(displayed(h, who, id)).toBe('closure-open-for-objections')
      expect(listedFor(h, who, id)).toBe('closure-open-for-objections')
    }
    expect(h.view(U.frAlertHandler, id)?.history).toContainEqual(expect.objectContaining({ action: 'alert.closure-proposed', from: 'broadcast', to: 'closure-open-for-comments' }))
  })
})

describe('visibility', () => {
  const participants = (h: H) => {
    const id = forwardedAlert(h, { to: [A.deCa, A.deDimic] })
    h.ok(U.deAlertHandler, inform(id, A.deNimic, INFO))
    broadcastInformation(h, U.deNimicBroadcaster, id)
    return id
  }

  it.each([
    ['an alert viewer of a recipient alert authority', U.deAlertViewer],
    ['an alert handler of a recipient alert authority', U.deAlertHandler],
    ['a broadcaster of a recipient alert coordinator', U.deDimicBroadcaster],
    ['a broadcaster of a recipient mailbox not yet acknowledging', U.itNimicBroadcaster],
    ['the initiating authority\'s handler', U.frAlertHandler],
    ['a broadcaster of the broadcasting coordinator', U.frNimicBroadcaster],
    ['the local data administrator of a recipient, holding the alert roles', U.deLda],
  ])('[ALERT-PARTICIPANT-PD] %s sees the full alert with its personal data', (_who, user) => {
    const h = alertHarness()
    const id = participants(h)
    const content = contentOf(h, user, id)
    expect(h.view(user, id)?.access).toBe('full')
    expect(content?.provider).toEqual({ name: PROVIDER, address: ADDRESS, registrationNumber: REGISTRATION })
    expect(content?.caseDescription).toEqual(text(CASE))
    expect(content?.information?.map((i) => i.text)).toEqual([text(INFO)])
  })

  it.each([
    ['a user of a recipient without an alert role', U.deHandler],
    ['a request viewer of a recipient', U.deViewer],
    ['an alert handler of an authority that did not receive it', U.de2AlertHandler],
    ['an alert handler of another state\'s authority that did not receive it', U.itAlertHandler],
  ])('[ALERT-PARTICIPANT-PD] %s sees nothing', (_who, user) => {
    const h = alertHarness()
    const id = participants(h)
    expect(h.view(user, id)).toBeUndefined()
  })

  it('[ALERT-COMMISSION-NO-PD] the Commission receives a broadcast alert without any personal data', () => {
    // given an alert before broadcast: the Commission does not see it
    const h = alertHarness()
    const id = submittedAlert(h, { draft: { establishment: 'DE' } })
    expect(h.view(COMMISSION, id)).toBeUndefined()
    h.ok(U.frNimicBroadcaster, act('alert.accept', id))
    h.ok(U.frNimicBroadcaster, act('alert.broadcast', id))
    h.ok(U.deNimicBroadcaster, act('alert.acknowledge', id))
    h.ok(U.deNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.deCa, A.deCa2] }))
    // when it carries information, a closure proposal and comments
    h.ok(U.deAlertHandler, inform(id, A.deNimic, INFO))
    broadcastInformation(h, U.deNimicBroadcaster, id)
    h.ok(U.deAlertHandler, act('alert.propose-closure', id, { coordinator: A.deNimic, text: text(PROPOSAL) }))
    h.ok(U.de2AlertHandler, act('alert.comment', id, { text: text(COMMENT) }))
    h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: h.state(id).closure?.comments.map((c) => c.id) ?? [] }))
    // then the Commission sees its structure with every personal datum redacted, while participants see them
    const view = h.view(COMMISSION, id)
    const content = view?.content as AlertContentView | undefined
    expect(view?.access).toBe('no-personal-data')
    expect(content?.provider).toEqual({ redacted: 'personal-data' })
    expect(content?.caseDescription).toEqual({ redacted: 'personal-data' })
    expect(content?.information?.map((i) => i.text)).toEqual([{ redacted: 'personal-data' }])
    expect(content?.closure?.text).toEqual({ redacted: 'personal-data' })
    expect(content?.closure?.comments.map((c) => c.text)).toEqual([{ redacted: 'personal-data' }])
    expect(content?.serviceActivity).toBe('Non-emergency patient transport')
    expect(collectPersonalData(AlertContentViewCodec, content)).toEqual(expect.arrayContaining([{ redacted: 'personal-data' }]))
    expect(collectPersonalData(AlertContentViewCodec, content).filter((v) => JSON.stringify(v) !== '{"redacted":"personal-data"}')).toEqual([])
    for (const secret of SECRETS) expect(seen(h, COMMISSION, id)).not.toContain(secret)
    for (const secret of [PROVIDER, CASE, INFO, PROPOSAL, COMMENT]) expect(seen(h, U.itNimicBroadcaster, id)).toContain(secret)
  })

  it('[ALERT-CLOSED-REDUCED-VIEW] after closure every user sees only an overview without personal data, the recipients and the history', () => {
    // given an alert whose objection period is over: participants still see everything
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, OBJECTION, 'objection'))
    broadcastInformation(h, U.itNimicBroadcaster, id)
    h.advance(TEST_ALERT_POLICY.objectionPeriod.days * DAY)
    expect(contentOf(h, U.deAlertHandler, id)?.provider).toMatchObject({ name: PROVIDER })
    // when it is closed
    h.ok(U.deNimicBroadcaster, act('alert.close', id))
    // then every viewer gets the reduced view
    const overview = ['broadcastAt', 'broadcastingCoordinator', 'closedAt', 'establishment', 'initiatingAuthority', 'initiatingMemberState', 'recipientStates', 'recipients', 'serviceActivity']
    for (const who of [U.frAlertHandler, U.frNimicBroadcaster, U.deAlertHandler, U.deAlertViewer, U.deNimicBroadcaster, U.de2AlertHandler, U.itNimicBroadcaster, COMMISSION]) {
      const view = h.view(who, id)
      expect(view?.access).toBe('no-personal-data')
      expect(Object.keys(view?.content ?? {}).sort()).toEqual(overview)
      expect((view?.content as AlertContentView | undefined)?.recipients).toEqual(h.state(id).recipients)
      expect(view?.history.map((e) => e.action)).toEqual(expect.arrayContaining(['alert.broadcast', 'alert.closure-proposal-broadcast', 'alert.closed']))
      for (const secret of SECRETS) expect(JSON.stringify(view)).not.toContain(secret)
    }
    // while the state keeps the data until its retention runs
    expect(JSON.stringify(h.state(id))).toContain(PROVIDER)
  })

  it('[ALERT-WITHDRAWN-REDUCED-VIEW] after withdrawal the recipients see only a reduced view without personal data', () => {
    // given a withdrawal proposed but not yet broadcast: recipients still see the alert in full
    const h = alertHarness()
    const id = forwardedAlert(h)
    h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text(REASON) }))
    expect(contentOf(h, U.deAlertHandler, id)?.provider).toMatchObject({ name: PROVIDER })
    expect(h.view(U.deAlertHandler, id)?.access).toBe('full')
    // when the withdrawal is broadcast
    h.ok(U.frNimicBroadcaster, act('alert.broadcast-withdrawal', id))
    // then every recipient, the initiating side and the Commission get the reduced view
    for (const who of [U.deAlertHandler, U.deAlertViewer, U.deNimicBroadcaster, U.itNimicBroadcaster, U.frAlertHandler, U.frNimicBroadcaster, COMMISSION]) {
      const view = h.view(who, id)
      expect(view?.access).toBe('no-personal-data')
      expect(view?.displayedStatus).toBe('withdrawn')
      const content = view?.content as AlertContentView | undefined
      expect(content?.provider).toBeUndefined()
      expect(content?.caseDescription).toBeUndefined()
      expect(content?.withdrawal).toBeUndefined()
      expect(content?.recipients).toEqual(h.state(id).recipients)
      for (const secret of SECRETS) expect(JSON.stringify(view)).not.toContain(secret)
    }
  })

  it('[ALERT-WITHDRAWN-VIEW-SAME] the reduced view after withdrawal has the same content as after closure', () => {
    // given two alerts about the same provider, one closed and one withdrawn
    const h = alertHarness()
    const closed = closedAlert(h)
    const withdrawn = withdrawnAlert(h, { establishment: 'DE' })
    // then each viewer gets the same access and the same fields, the date of the end aside
    const fields = (id: ExchangeId, who: UserId | Viewer) =>
      Object.keys(h.view(who, id)?.content ?? {}).map((k) => (k === 'withdrawnAt' || k === 'closedAt' ? 'endedAt' : k)).sort()
    for (const who of [U.frAlertHandler, U.deAlertHandler, U.itNimicBroadcaster, COMMISSION]) {
      expect(h.view(who, withdrawn)?.access).toBe(h.view(who, closed)?.access)
      expect(fields(withdrawn, who)).toEqual(fields(closed, who))
      expect(fields(withdrawn, who)).toContain('endedAt')
      expect(fields(withdrawn, who)).not.toContain('provider')
    }
    expect(contentOf(h, U.deAlertHandler, withdrawn)?.withdrawnAt).toBe(h.state(withdrawn).withdrawnAt)
    expect(contentOf(h, U.deAlertHandler, closed)?.closedAt).toBe(h.state(closed).closedAt)
  })
})

// ---------------------------------------------------------------------------------------------
// automatic messages

describe('automatic messages', () => {
  it('[MAIL-ALERT-NO-CONTENT] alert messages are standard messages naming the alert, without its content or personal data', () => {
    // given alerts taken through every step that carries personal data
    const { h, all, ids } = everyMail()
    for (const id of ids) expect(h.events(id).length).toBeGreaterThan(5)
    expect(JSON.stringify(h.events(ids[0] as ExchangeId))).toContain(INFO)
    expect(all.length).toBeGreaterThan(12)
    // then every message is a standard one, naming the alert by id and number only
    for (const n of all) {
      expect(Object.keys(n).sort()).toEqual(['exchangeId', 'exchangeNumber', 'message', 'recipients', 'ruleId'])
      expect(n.message).toMatch(/^alert\.[a-z-]+$/)
      expect(n.exchangeNumber).toMatch(/^ALERT/)
      for (const secret of [...SECRETS, 'Non-emergency patient transport']) expect(JSON.stringify(n)).not.toContain(secret)
    }
  })

  it('[MAIL-ALERT-PROFILE-ONLY] alert messages reach only the users holding the alert profile concerned', () => {
    // given a closure proposal in Germany: the submission told broadcasters, the forwarding handlers and broadcasters, the proposal handlers
    const h = alertHarness()
    const id = closureProposedAlert(h)
    const byRule = (ruleId: string) => h.notifications().find((n) => n.ruleId === ruleId && n.exchangeId === id)
    const usersOf = (ruleId: string) => resolveRecipients(byRule(ruleId) as Notification, h.directory).users.map((u) => u.id).sort()
    // then each reaches exactly the users holding one of its roles, local data administrators included (they hold every alert role)
    expect(usersOf('MAIL-ALERT-SUBMITTED')).toEqual([U.frNimicAllocator, U.frNimicBroadcaster].sort())
    expect(usersOf('MAIL-ALERT-FORWARDED-MS')).toEqual([U.deAlertHandler, U.deLda, U.de2AlertHandler, U.de2Lda].sort())
    expect(usersOf('MAIL-ALERT-MAY-COMMENT')).toEqual([U.deNimicAllocator, U.deNimicBroadcaster, U.de2AlertHandler, U.de2Lda].sort())
    // and never users without it: request users, alert viewers, broadcasters where a handler is needed
    const reached = new Set(h.notifications().flatMap((n) => resolveRecipients(n, h.directory).users.map((u) => u.id)))
    for (const user of [U.frNimicReferee, U.frNimicHandler, U.deHandler, U.deViewer, U.deAlertViewer, U.de2Handler, U.deNimicReferee]) expect(reached).not.toContain(user)
    for (const n of h.notifications())
      for (const r of n.recipients) {
        expect(r.kind).toBe('alert-users')
        if (r.kind !== 'alert-users') continue
        const authority = h.directory.authority(r.authorityId)
        for (const u of h.directory.usersOf(r.authorityId))
          expect(resolveRecipients({ ...n, recipients: [r] }, h.directory).users.some((x) => x.id === u.id)).toBe(authority !== undefined && r.roles.some((role) => hasAlertRole(u, authority, role)))
      }
  })

  it('[MAIL-ALERT-NO-AUTHORITY-COPY] unlike request messages, alert messages are not copied to the authority\'s mailbox', () => {
    // given every message of alerts taken through all their steps
    const { h, all } = everyMail()
    const authorityEmails = h.directory.authorities().map((a) => a.email)
    // then none goes to an authority mailbox, and none is resolved to one
    for (const n of all) {
      expect(n.recipients.filter((r) => r.kind === 'authority-mailbox')).toEqual([])
      const resolved = resolveRecipients(n, h.directory)
      expect(resolved.mailboxes).toEqual([])
      expect(resolved.users.length).toBeGreaterThan(0)
      for (const u of resolved.users) expect(authorityEmails).not.toContain(u.email)
    }
    // while a request's message is copied to its authority's mailbox
    const r = requestHarness()
    sendRequest(r)
    expect(r.notifications().flatMap((n) => resolveRecipients(n, r.directory).mailboxes).length).toBeGreaterThan(0)
  })

  it('[MAIL-ALERT-SUBMITTED] a submitted alert is notified to the broadcasters of the selected coordinator, a draft to nobody', () => {
    const h = alertHarness()
    expect(mails(h, () => h.ok(U.frAlertHandler, alertDraft({ coordinator: A.frDimic })))).toEqual([])
    const id = h.last()
    expect(mails(h, () => h.ok(U.frAlertHandler, act('alert.edit', id, { serviceActivity: 'Patient transport' })))).toEqual([])
    expect(mails(h, () => h.ok(U.frAlertHandler, act('alert.submit', id)))).toEqual([mail(h, id, 'alert.submitted', 'MAIL-ALERT-SUBMITTED', alertUsers(BROADCASTERS, A.frDimic))])
  })

  it('[MAIL-ALERT-FORWARDED-COORD] an alert forwarded to another coordinator before broadcast is notified to that coordinator\'s broadcasters', () => {
    const h = alertHarness()
    const id = submittedAlert(h)
    const sent = mails(h, () => h.ok(U.frNimicBroadcaster, act('alert.forward-to-coordinator', id, { coordinator: A.frDimic })))
    expect(sent).toEqual([mail(h, id, 'alert.forwarded-to-coordinator', 'MAIL-ALERT-FORWARDED-COORD', alertUsers(BROADCASTERS, A.frDimic))])
    expect(mails(h, () => h.ok(U.frDimicBroadcaster, act('alert.accept', id)))).toEqual([])
  })

  it('[MAIL-ALERT-BROADCAST] a broadcast alert is notified to the broadcasters of each recipient state\'s mailbox, and of the initiating state\'s', () => {
    // given an accepted alert to Germany, submitted to the French DIMIC
    const h = alertHarness()
    const id = submittedAlert(h, { draft: { coordinator: A.frDimic, recipientStates: ['DE'] } })
    h.ok(U.frDimicBroadcaster, act('alert.accept', id))
    expect(mails(h, () => h.ok(U.frDimicBroadcaster, act('alert.add-recipient-states', id, { memberStates: ['IT'] })))).toEqual([])
    // when it is broadcast
    const sent = mails(h, () => h.ok(U.frDimicBroadcaster, act('alert.broadcast', id)))
    // then the German, Italian and French mailboxes' broadcasters are told a new alert awaits
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ message: 'alert.incoming', ruleId: 'MAIL-ALERT-BROADCAST' })
    expect(sent[0]?.recipients).toEqual(expect.arrayContaining(alertUsers(BROADCASTERS, A.deNimic, A.itNimic, A.frNimic)))
    expect(authoritiesOf(sent[0])).toEqual([A.deNimic, A.frNimic, A.itNimic].sort())
    // and a state added later is told the same way
    const h2 = alertHarness()
    const other = broadcastAlert(h2, { draft: { recipientStates: ['DE'] } })
    const added = mails(h2, () => h2.ok(U.frNimicBroadcaster, act('alert.add-recipient-states', other, { memberStates: ['IT'] })))
    expect(added).toEqual([mail(h2, other, 'alert.incoming', 'MAIL-ALERT-BROADCAST', alertUsers(BROADCASTERS, A.itNimic))])
  })

  it('[MAIL-ALERT-FORWARDED-MS] an alert forwarded within a state is notified to the handlers and broadcasters of the new recipients', () => {
    const h = alertHarness()
    const id = broadcastAlert(h)
    expect(mails(h, () => h.ok(U.deNimicBroadcaster, act('alert.acknowledge', id)))).toEqual([])
    const sent = mails(h, () => h.ok(U.deNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.deCa, A.deDimic] })))
    expect(sent).toEqual([mail(h, id, 'alert.forwarded', 'MAIL-ALERT-FORWARDED-MS', alertUsers(ACTORS, A.deCa, A.deDimic))])
    expect(authoritiesOf(sent[0])).toEqual([A.deCa, A.deDimic].sort())
  })

  it('[MAIL-ALERT-MSE-CHANGED] a change of the state of establishment is notified to every recipient; other modifications are not', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    expect(mails(h, () => h.ok(U.frAlertHandler, act('alert.modify', id, { serviceActivity: 'Patient transport by ambulance' })))).toEqual([])
    const sent = mails(h, () => h.ok(U.frNimicBroadcaster, act('alert.change-establishment', id, { establishment: 'DE' })))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ message: 'alert.establishment-changed', ruleId: 'MAIL-ALERT-MSE-CHANGED' })
    expect(authoritiesOf(sent[0])).toEqual([A.deCa, A.deCa2, A.deNimic, A.frCa, A.frNimic, A.itNimic].sort())
    expect(sent[0]?.recipients.every((r) => r.kind === 'alert-users' && r.roles.join() === ACTORS.join())).toBe(true)
  })

  it('[MAIL-ALERT-INFO-BROADCAST] broadcast information is notified to the handlers and broadcasters of every participating authority; submitted information to nobody', () => {
    const h = alertHarness()
    const id = forwardedAlert(h)
    expect(mails(h, () => h.ok(U.deAlertHandler, inform(id, A.deNimic, INFO)))).toEqual([])
    const sent = mails(h, () => broadcastInformation(h, U.deNimicBroadcaster, id))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ message: 'alert.information-broadcast', ruleId: 'MAIL-ALERT-INFO-BROADCAST' })
    expect(authoritiesOf(sent[0])).toEqual([A.deCa, A.deCa2, A.deNimic, A.frCa, A.frNimic, A.itNimic].sort())
    expect(sent[0]?.recipients).toEqual(expect.arrayContaining(alertUsers(ACTORS, A.itNimic, A.frCa)))
  })

  it('[MAIL-ALERT-MAY-COMMENT] a closure proposal tells the other authorities of the state of establishment that received the alert that they may comment', () => {
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    const sent = mails(h, () => h.ok(U.deAlertHandler, act('alert.propose-closure', id, { coordinator: A.deNimic, text: text(PROPOSAL) })))
    expect(sent).toEqual([mail(h, id, 'alert.closure-may-comment', 'MAIL-ALERT-MAY-COMMENT', alertUsers(HANDLERS, A.deNimic, A.deCa2))])
    expect(authoritiesOf(sent[0])).not.toContain(A.deCa)
    expect(authoritiesOf(sent[0])).not.toContain(A.itNimic)
    expect(authoritiesOf(sent[0])).not.toContain(A.frCa)
  })

  it('[MAIL-ALERT-MAY-COMMENT] with the state of establishment unknown, the French authorities that received the alert are told', () => {
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: null } })
    h.ok(U.frNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.frCa2] }))
    const sent = mails(h, () => h.ok(U.frAlertHandler, act('alert.propose-closure', id, { coordinator: A.frDimic, text: text(PROPOSAL) })))
    expect(sent).toHaveLength(1)
    expect(sent[0]?.ruleId).toBe('MAIL-ALERT-MAY-COMMENT')
    expect(authoritiesOf(sent[0])).toEqual([A.frCa2, A.frNimic].sort())
  })

  it('[MAIL-ALERT-CC-PROPOSAL] no "you may comment" message when the closure coordinator itself proposes; the others are told otherwise', () => {
    // given the closure coordinator proposing closure itself
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    expect(mails(h, () => h.ok(U.deNimicBroadcaster, act('alert.propose-closure', id, { coordinator: A.deNimic, text: text(PROPOSAL) })))).toEqual([])
    // while when another authority proposes, the closure coordinator is among those told
    const h2 = alertHarness()
    const other = forwardedAlert(h2, { draft: { establishment: 'DE' } })
    const sent = mails(h2, () => h2.ok(U.deAlertHandler, act('alert.propose-closure', other, { coordinator: A.deNimic, text: text(PROPOSAL) })))
    expect(authoritiesOf(sent[0])).toContain(A.deNimic)
    // and a configuration reading AMB-AL4 the other way sends it under this rule
    const h3 = createHarness<AlertState>(createAlertProcedure({ ...TEST_ALERT_POLICY, notifyWhenProposedByClosureCoordinator: true }), world(), ALERT_START)
    const third = forwardedAlert(h3, { draft: { establishment: 'DE' } })
    const told = mails(h3, () => h3.ok(U.deNimicBroadcaster, act('alert.propose-closure', third, { coordinator: A.deNimic, text: text(PROPOSAL) })))
    expect(told).toEqual([mail(h3, third, 'alert.closure-may-comment', 'MAIL-ALERT-CC-PROPOSAL', alertUsers(HANDLERS, A.deCa, A.deCa2))])
  })

  it('[MAIL-ALERT-COMMENT-END] the end of the comment period is sent to the closure coordinator\'s broadcasters; comments are not', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    expect(mails(h, () => h.ok(U.de2AlertHandler, act('alert.comment', id, { text: text(COMMENT) })))).toEqual([])
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    const sent = mails(h, () => h.ok(SYSTEM, act('alert.end-comment-period', id)))
    expect(sent).toEqual([mail(h, id, 'alert.comment-period-ended', 'MAIL-ALERT-COMMENT-END', alertUsers(BROADCASTERS, A.deNimic))])
  })

  it('[MAIL-ALERT-PROPOSAL-BROADCAST] a broadcast closure proposal is notified to all handlers and broadcasters that received the alert', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    const sent = mails(h, () => h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] })))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ message: 'alert.closure-proposal-broadcast', ruleId: 'MAIL-ALERT-PROPOSAL-BROADCAST' })
    expect(authoritiesOf(sent[0])).toEqual([A.deCa, A.deCa2, A.deNimic, A.frCa, A.frNimic, A.itNimic].sort())
    expect(sent[0]?.recipients).toEqual(expect.arrayContaining(alertUsers(ACTORS, A.itNimic, A.frCa, A.deCa2)))
  })

  it('[MAIL-ALERT-OBJECTION] a broadcast objection is notified to all recipients; its submission is not', () => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    expect(mails(h, () => h.ok(U.itNimicBroadcaster, inform(id, A.itNimic, OBJECTION, 'objection')))).toEqual([])
    const sent = mails(h, () => broadcastInformation(h, U.itNimicBroadcaster, id))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ message: 'alert.objection-broadcast', ruleId: 'MAIL-ALERT-OBJECTION' })
    expect(authoritiesOf(sent[0])).toEqual([A.deCa, A.deCa2, A.deNimic, A.frCa, A.frNimic, A.itNimic].sort())
  })

  it('[MAIL-ALERT-OBJECTION-END] the end of the objection period is notified to the closure coordinator\'s broadcasters', () => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    const sent = mails(h, () => h.ok(SYSTEM, act('alert.end-objection-period', id)))
    expect(sent).toEqual([mail(h, id, 'alert.objection-period-ended', 'MAIL-ALERT-OBJECTION-END', alertUsers(BROADCASTERS, A.deNimic))])
  })

  it('[MAIL-ALERT-WITHDRAWAL-PROPOSED] a withdrawal proposal is notified to the broadcasters of the coordinator that broadcast the alert', () => {
    // given an alert broadcast by the French DIMIC (the French NIMIC being France's mailbox)
    const h = alertHarness()
    const id = broadcastAlert(h, { draft: { coordinator: A.frDimic }, broadcaster: U.frDimicBroadcaster })
    const sent = mails(h, () => h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text(REASON) })))
    expect(sent).toEqual([mail(h, id, 'alert.withdrawal-proposed', 'MAIL-ALERT-WITHDRAWAL-PROPOSED', alertUsers(BROADCASTERS, A.frDimic))])
    // and its cancellation tells nobody in other states
    expect(mails(h, () => h.ok(U.frAlertHandler, act('alert.cancel-withdrawal', id)))).toEqual([])
  })

  it('[MAIL-ALERT-WITHDRAWN-CLOSED] a broadcast withdrawal and a closure are notified to all recipients', () => {
    // given a withdrawal about to be broadcast by the French NIMIC
    const h = alertHarness()
    const id = forwardedAlert(h)
    h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text(REASON) }))
    const withdrawn = mails(h, () => h.ok(U.frNimicBroadcaster, act('alert.broadcast-withdrawal', id)))
    expect(withdrawn).toHaveLength(1)
    expect(withdrawn[0]).toMatchObject({ message: 'alert.withdrawn', ruleId: 'MAIL-ALERT-WITHDRAWN-CLOSED' })
    expect(authoritiesOf(withdrawn[0])).toEqual([A.deCa, A.deCa2, A.deNimic, A.frCa, A.itNimic].sort())
    // and a closure by the German NIMIC
    const h2 = alertHarness()
    const other = objectionPeriodAlert(h2)
    h2.advance(TEST_ALERT_POLICY.objectionPeriod.days * DAY)
    const closed = mails(h2, () => h2.ok(U.deNimicBroadcaster, act('alert.close', other)))
    expect(closed).toHaveLength(1)
    expect(closed[0]).toMatchObject({ message: 'alert.closed', ruleId: 'MAIL-ALERT-WITHDRAWN-CLOSED' })
    expect(authoritiesOf(closed[0])).toEqual([A.deCa, A.deCa2, A.frCa, A.frNimic, A.itNimic].sort())
  })

  it('[MAIL-ALERT-DELETED] deleting a submitted alert notifies the other party; deleting a draft notifies nobody', () => {
    // given a draft deleted by its author
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft())
    const draft = h.last()
    expect(mails(h, () => h.ok(U.frAlertHandler, act('alert.delete', draft)))).toEqual([])
    // when the initiating authority deletes a submitted alert, the coordinator's broadcasters are told
    const submitted = submittedAlert(h)
    const number = h.state(submitted).number
    const byAuthor = mails(h, () => h.ok(U.frAlertHandler, act('alert.delete', submitted)))
    expect(byAuthor).toEqual([{ message: 'alert.deleted', exchangeId: submitted, exchangeNumber: number, ruleId: 'MAIL-ALERT-DELETED', recipients: alertUsers(BROADCASTERS, A.frNimic) }])
    expect(h.exists(submitted)).toBe(false)
    // when a coordinator with final approval deletes an accepted alert, the initiating authority's handlers are told
    const f = alertHarness(world(withAlertAccess(worldData(), A.frNimic, (a) => ({ ...a, finalApproval: true }))))
    const accepted = submittedAlert(f)
    f.ok(U.frNimicBroadcaster, act('alert.accept', accepted))
    const acceptedNumber = f.state(accepted).number
    const byCoordinator = mails(f, () => f.ok(U.frNimicBroadcaster, act('alert.delete', accepted)))
    expect(byCoordinator).toEqual([{ message: 'alert.deleted', exchangeId: accepted, exchangeNumber: acceptedNumber, ruleId: 'MAIL-ALERT-DELETED', recipients: alertUsers(HANDLERS, A.frCa) }])
  })
})

// ---------------------------------------------------------------------------------------------
// retention

describe('retention of personal data', () => {
  const fire = (h: H, id: ExchangeId, type: string, dueAt: string | undefined, offset: number) => {
    h.now = at(dueAt, offset)
    return h.exec(SYSTEM, act(type, id))
  }

  it('[RET-ALERT-PD-PURGE] blocking and erasure are scheduled 6 months and 3 calendar years after closure, and nothing before', () => {
    // given an alert under closure: nothing is scheduled
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    expect(testAlertProcedure.retention(h.state(id))).toEqual({})
    expect(refusal(h.exec(SYSTEM, act('alert.block-personal-data', id)))).toEqual({ code: 'alert.wrong-status', ruleId: 'RET-ALERT-PD-PURGE' })
    // when it is closed on 27 March 2026 at 10:00 in Brussels
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    h.ok(U.deNimicBroadcaster, act('alert.close', id))
    expect(h.state(id).closedAt).toBe('2026-03-27T09:00:00.000Z')
    // then its data is blocked on 27 September 2026 and erased on 27 March 2029, at 10:00 in Brussels (summer time)
    expect(testAlertProcedure.retention(h.state(id))).toEqual({ blockAt: '2026-09-27T08:00:00.000Z', eraseAt: '2029-03-27T08:00:00.000Z' })
    expect(testAlertProcedure.timers(h.state(id))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'retention.block', dueAt: '2026-09-27T08:00:00.000Z', command: { type: 'alert.block-personal-data', exchangeId: id }, ruleId: 'RET-ALERT-PD-PURGE' }),
        expect.objectContaining({ id: 'retention.erase', dueAt: '2029-03-27T08:00:00.000Z', command: { type: 'alert.erase-personal-data', exchangeId: id } }),
      ]),
    )
    // and no user runs it
    h.now = at('2026-09-28T00:00:00.000Z')
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.block-personal-data', id)))).toEqual({ code: 'alert.not-allowed', ruleId: 'RET-ALERT-PD-PURGE' })
  })

  it.each(AROUND)('[RET-ALERT-PD-PURGE] blocking a closed alert\'s personal data %s its due instant', (_when, offset) => {
    // given a closed alert whose information the participants saw
    const h = alertHarness()
    const id = fullClosure(h)
    const blockAt = testAlertProcedure.retention(h.state(id)).blockAt
    // when the system blocks it
    const r = fire(h, id, 'alert.block-personal-data', blockAt, offset)
    // then it is refused before the due instant, and from then on the data leaves every view while it stays stored
    if (offset < 0) {
      expect(refusal(r)).toEqual({ code: 'alert.not-due', ruleId: 'RET-ALERT-PD-PURGE' })
      expect(h.state(id).personalData).toBe('available')
      expect(h.view(U.deAlertHandler, id)?.personalData).toBe('available')
    } else {
      expect(E.isRight(r)).toBe(true)
      expect(h.state(id).personalData).toBe('blocked')
      for (const who of [U.deAlertHandler, U.frAlertHandler, U.itNimicBroadcaster, COMMISSION]) {
        expect(h.view(who, id)?.personalData).toBe('blocked')
        for (const secret of SECRETS) expect(seen(h, who, id)).not.toContain(secret)
      }
      expect(h.state(id).content.provider).toMatchObject({ name: PROVIDER })
      expect(testAlertProcedure.timers(h.state(id)).map((t) => t.id)).toEqual(['retention.erase'])
    }
  })

  it.each(AROUND)('[RET-ALERT-PD-PURGE] erasing a closed alert\'s blocked personal data %s its due instant', (_when, offset) => {
    const h = alertHarness()
    const id = fullClosure(h)
    const { blockAt, eraseAt } = testAlertProcedure.retention(h.state(id))
    expect(E.isRight(fire(h, id, 'alert.block-personal-data', blockAt, 0))).toBe(true)
    const r = fire(h, id, 'alert.erase-personal-data', eraseAt, offset)
    if (offset < 0) {
      expect(refusal(r)).toEqual({ code: 'alert.not-due', ruleId: 'RET-ALERT-PD-PURGE' })
      expect(h.state(id).content.provider).toMatchObject({ name: PROVIDER })
    } else {
      const s = h.state(id)
      expect(s.personalData).toBe('erased')
      expect(s.content.provider).toEqual({ redacted: 'erased' })
      expect(s.content.caseDescription).toEqual({ redacted: 'erased' })
      expect(s.information.map((i) => i.text)).toEqual([{ redacted: 'erased' }, { redacted: 'erased' }])
      expect(s.closure?.text).toEqual({ redacted: 'erased' })
      expect(s.closure?.comments.map((c) => c.text)).toEqual([{ redacted: 'erased' }])
      for (const secret of SECRETS) expect(JSON.stringify(s)).not.toContain(secret)
      expect(h.view(U.deAlertHandler, id)?.personalData).toBe('erased')
      expect(testAlertProcedure.timers(s)).toEqual([])
      // the statistical overview stays
      expect(contentOf(h, U.deAlertHandler, id)).toMatchObject({ serviceActivity: 'Non-emergency patient transport', establishment: 'DE', initiatingMemberState: 'FR' })
    }
  })

  it('[RET-WITHDRAWN-PD-PURGE] a withdrawn alert\'s personal data is scheduled from the withdrawal', () => {
    // given an alert withdrawn on 3 March 2026 at 10:00 in Brussels
    const h = alertHarness()
    const id = withdrawnAlert(h)
    expect(h.state(id).withdrawnAt).toBe('2026-03-03T09:00:00.000Z')
    // then its personal data leaves the users' reach 6 months later, on 3 September 2026 at 10:00 in Brussels
    expect(testAlertProcedure.retention(h.state(id)).blockAt).toBe('2026-09-03T08:00:00.000Z')
    expect(testAlertProcedure.timers(h.state(id))).toContainEqual(
      expect.objectContaining({ id: 'retention.block', dueAt: '2026-09-03T08:00:00.000Z', ruleId: 'RET-WITHDRAWN-PD-PURGE' }),
    )
    // while an alert whose withdrawal is only proposed has no schedule
    const pending = forwardedAlert(h)
    h.ok(U.frAlertHandler, act('alert.propose-withdrawal', pending, { reason: text(REASON) }))
    expect(testAlertProcedure.retention(h.state(pending))).toEqual({})
  })

  it.each(AROUND)('[RET-WITHDRAWN-PD-PURGE] blocking a withdrawn alert\'s personal data %s its due instant', (_when, offset) => {
    const h = alertHarness()
    const id = withdrawnAlert(h)
    const r = fire(h, id, 'alert.block-personal-data', testAlertProcedure.retention(h.state(id)).blockAt, offset)
    if (offset < 0) {
      expect(refusal(r)).toEqual({ code: 'alert.not-due', ruleId: 'RET-WITHDRAWN-PD-PURGE' })
      expect(h.state(id).personalData).toBe('available')
    } else {
      expect(E.isRight(r)).toBe(true)
      expect(h.state(id).personalData).toBe('blocked')
      for (const who of [U.deAlertHandler, U.frAlertHandler, COMMISSION]) {
        expect(h.view(who, id)?.personalData).toBe('blocked')
        for (const secret of SECRETS) expect(seen(h, who, id)).not.toContain(secret)
      }
    }
  })
})

// ---------------------------------------------------------------------------------------------
// lists and reports

describe('alert lists and reports', () => {
  it('[SRCH-ALERT-LIST-SCOPE] every user with access to the alert workflow lists the alerts concerning their authority', () => {
    // given a draft: only its authority's alert users list it
    const h = alertHarness()
    h.ok(U.frAlertHandler, alertDraft({ establishment: 'DE' }))
    const id = h.last()
    const listed = (who: UserId | Viewer) => isListedFor(summaryOf(h, id), scopeOf(h, who))
    expect(listed(U.frAlertHandler)).toBe(true)
    expect(listed(U.frLda)).toBe(true)
    expect(listed(U.frNimicBroadcaster)).toBe(false)
    expect(scopeOf(h, COMMISSION)).toBe(COMMISSION_SCOPE)
    expect(listed(COMMISSION)).toBe(false)
    // when it is submitted, broadcast and forwarded in Germany
    h.ok(U.frAlertHandler, act('alert.submit', id))
    expect(listed(U.frNimicBroadcaster)).toBe(true)
    h.ok(U.frNimicBroadcaster, act('alert.accept', id))
    h.ok(U.frNimicBroadcaster, act('alert.broadcast', id))
    h.ok(U.deNimicBroadcaster, act('alert.acknowledge', id))
    h.ok(U.deNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.deCa] }))
    // then the users with an alert role of every authority concerned list it, and the Commission
    for (const who of [U.frAlertHandler, U.frNimicBroadcaster, U.deNimicBroadcaster, U.deAlertHandler, U.deAlertViewer, U.deLda, U.itNimicBroadcaster, COMMISSION]) expect(listed(who)).toBe(true)
    // but neither users without an alert role nor authorities it does not concern
    for (const who of [U.frHandler, U.deHandler, U.deViewer, U.de2AlertHandler, U.itAlertHandler, U.deDimicBroadcaster, U.frDimicBroadcaster]) expect(listed(who)).toBe(false)
    // and listing agrees with viewing
    for (const who of [U.frAlertHandler, U.deAlertViewer, U.deHandler, U.itAlertHandler, U.deDimicBroadcaster, COMMISSION]) expect(listed(who)).toBe(h.view(who, id) !== undefined)
  })

  it('[SRCH-ALERT-LIST-COLUMNS] the list shows number, service activity, state of establishment, initiating authority, status and broadcast date', () => {
    // given a submitted alert
    const h = alertHarness()
    const id = submittedAlert(h, { draft: { establishment: 'DE' } })
    const before = summaryOf(h, id)
    expect(before).toMatchObject({ number: h.state(id).number, requestingAuthority: A.frCa, status: 'submitted-for-broadcast', details: { serviceActivity: 'Non-emergency patient transport', establishment: 'DE' } })
    expect(before.sentAt).toBeUndefined()
    expect(before.number).toMatch(/^ALERT/)
    // when it is broadcast a day later
    h.advance(DAY)
    h.ok(U.frNimicBroadcaster, act('alert.accept', id))
    h.ok(U.frNimicBroadcaster, act('alert.broadcast', id))
    // then the broadcast date and status show, and the columns hold no personal data
    const after = summaryOf(h, id)
    expect(after).toMatchObject({ status: 'broadcast', sentAt: h.now.toISOString(), requestingAuthority: A.frCa })
    expect(after.sentAt).toBe(h.state(id).broadcastAt)
    for (const secret of SECRETS) expect(JSON.stringify(after)).not.toContain(secret)
    // and an unknown state of establishment shows as such
    h.ok(U.frNimicBroadcaster, act('alert.change-establishment', id, { establishment: null }))
    expect(summaryOf(h, id).details).toEqual({ serviceActivity: 'Non-emergency patient transport', establishment: 'unknown' })
  })

  const stages: ReadonlyArray<readonly [string, (h: H) => ExchangeId]> = [
    ['draft', (h) => {
      h.ok(U.frAlertHandler, alertDraft({ establishment: 'DE' }))
      return h.last()
    }],
    ['submitted-for-broadcast', (h) => submittedAlert(h, { draft: { establishment: 'DE' } })],
    ['awaiting-broadcast', (h) => {
      const id = submittedAlert(h, { draft: { establishment: 'DE' } })
      h.ok(U.frNimicBroadcaster, act('alert.accept', id))
      return id
    }],
    ['broadcast', (h) => forwardedAlert(h, { draft: { establishment: 'DE' } })],
    ['closure-open-for-comments', (h) => closureProposedAlert(h)],
    ['closure-awaiting-broadcast', (h) => {
      const id = closureProposedAlert(h)
      h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
      h.ok(SYSTEM, act('alert.end-comment-period', id))
      return id
    }],
    ['closure-open-for-objections', (h) => objectionPeriodAlert(h)],
    ['withdrawal-to-be-broadcast', (h) => {
      const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
      h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text(REASON) }))
      return id
    }],
    ['closed', (h) => closedAlert(h)],
    ['withdrawn', (h) => withdrawnAlert(h, { establishment: 'DE' })],
  ]

  it.each(stages)('[SRCH-ALERT-REPORTS] the initiating alert authority and the coordinators concerned have a report of the alert when it is %s', (stage, given) => {
    const h = alertHarness()
    const id = given(h)
    expect(h.state(id).status).toBe(stage)
    const report = h.view(U.frAlertHandler, id)
    expect(report?.number).toBe(h.state(id).number)
    // France does not know of a proposal still in its comment phase in Germany (ALERT-DISPLAY-OTHER-MS)
    expect(report?.status).toBe(stage === 'closure-open-for-comments' || stage === 'closure-awaiting-broadcast' ? 'broadcast' : stage)
    expect(report?.content).toBeDefined()
    // the selected coordinator once it has the alert, the recipient coordinators once broadcast
    expect(h.view(U.frNimicBroadcaster, id) !== undefined).toBe(stage !== 'draft')
    expect(h.view(U.deNimicBroadcaster, id) !== undefined).toBe(!['draft', 'submitted-for-broadcast', 'awaiting-broadcast'].includes(stage))
    // and a user without an alert role has none
    expect(h.view(U.frHandler, id)).toBeUndefined()
  })

  it('[SRCH-ALERT-REPORTS] the report of a draft holds everything its author entered so far', () => {
    const h = alertHarness()
    h.ok(U.frAlertHandler, { type: 'alert.create', serviceActivity: 'Patient transport', provider: { name: PROVIDER }, recipientStates: ['DE'] })
    const id = h.last()
    const report = h.view(U.frAlertHandler, id)
    expect(report).toMatchObject({ displayedStatus: 'draft', access: 'full', number: h.state(id).number })
    expect((report?.content as AlertContentView | undefined)?.provider).toEqual({ name: PROVIDER })
    expect(h.view(U.fr2AlertHandler, id)).toBeUndefined()
  })

  it('[SRCH-ALERT-PRINT-SCOPE] a user prints only what they may see, and after withdrawal or closure only the partial view', () => {
    // given a broadcast alert with information, and a recipient removed from it
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    h.ok(U.deAlertHandler, inform(id, A.deNimic, INFO))
    broadcastInformation(h, U.deNimicBroadcaster, id)
    h.ok(U.deNimicBroadcaster, act('alert.remove-recipient', id, { authorityId: A.deCa2 }))
    // then participants print it in full, the Commission without personal data, the removed recipient its metadata, outsiders nothing
    expect(seen(h, U.deAlertHandler, id)).toContain(INFO)
    expect(seen(h, U.deAlertHandler, id)).toContain(PROVIDER)
    expect(h.view(COMMISSION, id)?.access).toBe('no-personal-data')
    expect(h.view(U.de2AlertHandler, id)?.access).toBe('metadata')
    expect(h.view(U.de2AlertHandler, id)?.content).toBeUndefined()
    for (const who of [COMMISSION, U.de2AlertHandler]) for (const secret of SECRETS) expect(seen(h, who, id)).not.toContain(secret)
    expect(h.view(U.itAlertHandler, id)).toBeUndefined()
    // when it is withdrawn
    h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text(REASON) }))
    h.ok(U.frNimicBroadcaster, act('alert.broadcast-withdrawal', id))
    // then even its participants print only the partial view
    for (const who of [U.deAlertHandler, U.frAlertHandler, U.frNimicBroadcaster]) {
      expect(h.view(who, id)?.access).toBe('no-personal-data')
      for (const secret of SECRETS) expect(seen(h, who, id)).not.toContain(secret)
    }
    // and the same after closure
    const closed = closedAlert(h)
    for (const who of [U.deAlertHandler, U.frAlertHandler]) {
      expect(h.view(who, closed)?.access).toBe('no-personal-data')
      expect(seen(h, who, closed)).not.toContain(PROVIDER)
    }
  })
})
