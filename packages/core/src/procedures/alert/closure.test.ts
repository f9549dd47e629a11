/**
 * Given/when/then examples for the closure of an alert (spec §7.10): the proposal in the state
 * responsible for closure, its comment period, its broadcast with some or all comments, the objection
 * period in the other states, and the close itself.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import type { DomainError } from '../../model/errors.js'
import type { AuthorityId, ExchangeId, UserId } from '../../model/ids.js'
import {
  A, ALERT_START, DAY, TEST_ALERT_POLICY, U, alertDraft, alertHarness, closedAlert, closureProposedAlert, createHarness, forwardedAlert,
  objectionPeriodAlert, submittedAlert, testAlertProcedure, withAlertAccess, world, worldData,
} from '../../testing/index.js'
import type { Harness } from '../../testing/index.js'
import type { AlertState } from './model.js'
import type { AlertContentView } from './view.js'
import { createAlertProcedure } from './index.js'
import { closureMemberState } from './facts.js'

// ---------------------------------------------------------------------------------------------
// fixtures

type H = Harness<AlertState>

const SYSTEM = { kind: 'system' } as const
const text = (t: string) => ({ text: t, language: 'en' })

const propose = (id: ExchangeId, coordinator: AuthorityId) => ({ type: 'alert.propose-closure', exchangeId: id, coordinator, text: text('The provider has ceased its activity.') })
const comment = (id: ExchangeId, t = 'We agree with the closure.') => ({ type: 'alert.comment', exchangeId: id, text: text(t) })
const objection = (id: ExchangeId, coordinator: AuthorityId) => ({ type: 'alert.submit-information', exchangeId: id, kind: 'objection', coordinator, text: text('The provider still operates in Lyon.') })
const act = (type: string, id: ExchangeId, rest: Record<string, unknown> = {}) => ({ type, exchangeId: id, ...rest })

/** The code and rule of a refusal, or `undefined` when the command was accepted. */
const refusal = (r: E.Either<DomainError, unknown>) => (E.isLeft(r) ? { code: r.left.code, ruleId: r.left.ruleId } : undefined)
const notAllowed = (ruleId: string) => ({ code: 'alert.not-allowed', ruleId })
const wrongStatus = (ruleId: string) => ({ code: 'alert.wrong-status', ruleId })

const contentOf = (h: H, who: UserId, id: ExchangeId) => h.view(who, id)?.content as AlertContentView | undefined

/** An alert about a German provider whose comment period is over: the proposal awaits broadcast. */
const awaitingClosureBroadcast = (h: H, o: Parameters<typeof closureProposedAlert>[1] = {}): ExchangeId => {
  const id = closureProposedAlert(h, o)
  h.now = new Date(h.state(id).closure?.commentPeriodEndsAt ?? '')
  h.ok(SYSTEM, act('alert.end-comment-period', id))
  return id
}

/** A harness in which the German NIMIC, the closure coordinator of the fixtures, holds final approval. */
const finalApprovalHarness = (): H => alertHarness(world(withAlertAccess(worldData(), A.deNimic, (a) => ({ ...a, finalApproval: true }))))

const at = (iso: string | undefined, offsetMs = 0) => new Date(new Date(iso ?? '').getTime() + offsetMs)

/** One instant before, at, and after a boundary. */
const AROUND: ReadonlyArray<readonly [string, number]> = [
  ['one instant before', -1],
  ['at', 0],
  ['one instant after', 1],
]

// ---------------------------------------------------------------------------------------------
// closure proposal and comments

describe('closure proposal', () => {
  it('[ALERT-CLOSURE-BY-MSE] a handler of a recipient authority in the MS of establishment proposes closure; nobody else does', () => {
    // given an alert about a provider established in Germany, forwarded there to the Ärztekammer only
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' }, to: [A.deCa] })
    // when handlers of other states, a German authority that did not receive it, or a broadcaster without the handler role propose
    expect(refusal(h.exec(U.itNimicBroadcaster, propose(id, A.itNimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    expect(refusal(h.exec(U.frAlertHandler, propose(id, A.frNimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    expect(refusal(h.exec(U.de2AlertHandler, propose(id, A.deDimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    expect(refusal(h.exec(U.deDimicBroadcaster, propose(id, A.deDimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    expect(refusal(h.exec(U.deAlertViewer, propose(id, A.deNimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    expect(h.state(id).status).toBe('broadcast')
    // then the handler of the German recipient does
    h.ok(U.deAlertHandler, propose(id, A.deNimic))
    expect(h.state(id).closure).toMatchObject({ proposingAuthority: A.deCa, memberState: 'DE', round: 1 })
  })

  it('[ALERT-CLOSURE-MSE-UNKNOWN] with the MS of establishment unknown, the initiating MS is responsible for closure', () => {
    // given a French alert whose provider's state of establishment is Germany
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    expect(closureMemberState(h.state(id))).toBe('DE')
    expect(refusal(h.exec(U.frAlertHandler, propose(id, A.frNimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    // when the broadcasting coordinator records that the state of establishment is unknown
    h.ok(U.frNimicBroadcaster, act('alert.change-establishment', id, { establishment: null }))
    // then France is responsible: the German handler may no longer propose, the French initiating handler may
    expect(closureMemberState(h.state(id))).toBe('FR')
    expect(refusal(h.exec(U.deAlertHandler, propose(id, A.deNimic)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
    h.ok(U.frAlertHandler, propose(id, A.frNimic))
    expect(h.state(id).closure).toMatchObject({ memberState: 'FR', proposingAuthority: A.frCa, coordinator: A.frNimic })
  })

  describe('[ALERT-CLOSURE-UNKNOWN-WHO] with the MSE unknown, handlers of the initiating authority and of French authorities that received it propose', () => {
    const unknownMse = (forwardToPrefecture: boolean) => {
      const h = alertHarness()
      const id = forwardedAlert(h, { draft: { establishment: null } })
      if (forwardToPrefecture) h.ok(U.frNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.frCa2] }))
      return { h, id }
    }
    it.each([
      ['the initiating authority\'s handler', U.frAlertHandler, A.frNimic, false, A.frCa],
      ['a handler of the French mailbox, which received it as the initiating MS\'s mailbox', U.frNimicBroadcaster, A.frNimic, false, A.frNimic],
      ['a handler of a French authority the mailbox forwarded it to', U.fr2AlertHandler, A.frNimic, true, A.frCa2],
    ] as const)('[ALERT-CLOSURE-UNKNOWN-WHO] %s may propose', (_who, user, coordinator, forward, authority) => {
      const { h, id } = unknownMse(forward)
      h.ok(user, propose(id, coordinator))
      expect(h.state(id).status).toBe('closure-open-for-comments')
      expect(h.state(id).closure).toMatchObject({ proposingAuthority: authority, memberState: 'FR' })
    })
    it.each([
      ['a French authority that did not receive the alert', U.fr2AlertHandler, A.frNimic],
      ['a broadcaster without the handler role', U.frDimicBroadcaster, A.frDimic],
      ['a handler of a recipient in another state', U.deAlertHandler, A.deNimic],
    ] as const)('[ALERT-CLOSURE-UNKNOWN-WHO] %s may not propose', (_who, user, coordinator) => {
      const { h, id } = unknownMse(false)
      expect(refusal(h.exec(user, propose(id, coordinator)))).toEqual(notAllowed('ALERT-CLOSURE-BY-MSE'))
      expect(h.state(id).status).toBe('broadcast')
    })
  })

  it.each([
    ['awaiting broadcast', (h: H) => {
      const id = submittedAlert(h, { draft: { establishment: 'DE' } })
      h.ok(U.frNimicBroadcaster, act('alert.accept', id))
      return id
    }],
    ['open for comments', (h: H) => closureProposedAlert(h)],
    ['awaiting the broadcast of a proposal', (h: H) => awaitingClosureBroadcast(h)],
    ['open for objections', (h: H) => objectionPeriodAlert(h)],
    ['with a withdrawal to be broadcast', (h: H) => {
      const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
      h.ok(U.frAlertHandler, act('alert.propose-withdrawal', id, { reason: text('Wrong provider.') }))
      return id
    }],
  ])('[ALERT-CLOSURE-FROM-BROADCAST] no closure can be proposed while the alert is %s', (_status, given) => {
    const h = alertHarness()
    const id = given(h)
    const before = h.state(id)
    expect(refusal(h.exec(U.deNimicBroadcaster, propose(id, A.deNimic)))).toEqual(wrongStatus('ALERT-CLOSURE-FROM-BROADCAST'))
    expect(h.state(id)).toBe(before)
  })

  it('[ALERT-CLOSURE-FROM-BROADCAST] a closure is proposed from BROADCAST, and again once a cancelled proposal returned it there', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    expect(h.state(id).history.at(-1)).toMatchObject({ from: 'broadcast', to: 'closure-open-for-comments' })
    expect(refusal(h.exec(U.de2AlertHandler, propose(id, A.deDimic)))).toEqual(wrongStatus('ALERT-CLOSURE-FROM-BROADCAST'))
    h.ok(U.deAlertHandler, act('alert.cancel-closure-proposal', id))
    h.ok(U.de2AlertHandler, propose(id, A.deDimic))
    expect(h.state(id).status).toBe('closure-open-for-comments')
  })

  it('[ALERT-CLOSURE-COORDINATOR] the proposal goes to a coordinator linked to the proposing authority, which becomes the closure coordinator', () => {
    // given an alert about a German provider, forwarded to the Regierungspräsidium (linked to the DIMIC only)
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    expect(h.view(U.deDimicBroadcaster, id)).toBeUndefined()
    // when it proposes to coordinators it is not linked to
    expect(refusal(h.exec(U.de2AlertHandler, propose(id, A.deNimic)))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-CLOSURE-COORDINATOR' })
    expect(refusal(h.exec(U.de2AlertHandler, propose(id, A.itNimic)))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-CLOSURE-COORDINATOR' })
    // then it may propose to its linked DIMIC, which becomes the closure coordinator and sees the alert
    h.ok(U.de2AlertHandler, propose(id, A.deDimic))
    expect(h.state(id).closure?.coordinator).toBe(A.deDimic)
    expect(h.view(U.deDimicBroadcaster, id)?.access).toBe('full')
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    expect(h.actions(U.deDimicBroadcaster, id)).toContain('alert.broadcast-closure-proposal')
    expect(h.actions(U.deNimicBroadcaster, id)).not.toContain('alert.broadcast-closure-proposal')
  })

  it('[ALERT-CLOSURE-COORDINATOR] a coordinator that received the alert may propose to itself', () => {
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    expect(refusal(h.exec(U.deNimicBroadcaster, propose(id, A.deDimic)))).toEqual({ code: 'alert.coordinator-invalid', ruleId: 'ALERT-CLOSURE-COORDINATOR' })
    h.ok(U.deNimicBroadcaster, propose(id, A.deNimic))
    expect(h.state(id).closure?.coordinator).toBe(A.deNimic)
  })

  it('[ALERT-CLOSURE-OPEN-COMMENTS] proposing opens the comment period at once, without a coordinator step', () => {
    // given a broadcast alert about a German provider
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    h.advance(2 * DAY + 3_600_000)
    const proposedAt = h.now
    // when the German handler proposes closure
    h.ok(U.deAlertHandler, propose(id, A.deNimic))
    // then the alert is open for comments until now + COMMENT_PERIOD, with nothing awaiting the coordinator
    const s = h.state(id)
    expect(s.status).toBe('closure-open-for-comments')
    expect(s.closure?.commentPeriodEndsAt).toBe(new Date(proposedAt.getTime() + TEST_ALERT_POLICY.commentPeriod.days * DAY).toISOString())
    expect(s.closure?.proposedAt).toBe(proposedAt.toISOString())
    expect(s.history.at(-1)).toMatchObject({ action: 'alert.closure-proposed', from: 'broadcast', to: 'closure-open-for-comments', authorityId: A.deCa })
    expect(h.actions(U.deNimicBroadcaster, id)).not.toContain('alert.broadcast-closure-proposal')
    expect(h.actions(U.de2AlertHandler, id)).toContain('alert.comment')
  })

  it('[ALERT-PERIODS-CONFIGURED] the comment and objection periods are the ones the procedure is given, with no default', () => {
    // A procedure without periods does not compile: they are agreed by all member states.
    // @ts-expect-error the comment period has no default
    const _noCommentPeriod = () => createAlertProcedure({ objectionPeriod: { days: 15 } })
    // @ts-expect-error the objection period has no default
    const _noObjectionPeriod = () => createAlertProcedure({ commentPeriod: { days: 10 } })
    // given a procedure agreed with 3 days of comments and 7 of objections
    const h = createHarness<AlertState>(createAlertProcedure({ commentPeriod: { days: 3 }, objectionPeriod: { days: 7 } }), world(), ALERT_START)
    const id = closureProposedAlert(h)
    // then the comment period ends 3 days after the proposal
    expect(h.state(id).closure?.commentPeriodEndsAt).toBe(new Date(h.now.getTime() + 3 * DAY).toISOString())
    h.advance(3 * DAY)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] }))
    // and the objection period 7 days after the broadcast
    expect(h.state(id).closure?.objectionPeriodEndsAt).toBe(new Date(h.now.getTime() + 7 * DAY).toISOString())
    // while the fixture procedure, given 10 and 15 days, counts those
    const f = alertHarness()
    const other = closureProposedAlert(f)
    expect(f.state(other).closure?.commentPeriodEndsAt).toBe(new Date(f.now.getTime() + 10 * DAY).toISOString())
  })

  it('[ALERT-CC-PROPOSER-COMMENTS] when the closure coordinator itself proposes, the comment period still runs', () => {
    // given an alert about a German provider, forwarded to the two German authorities
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    // when a handler of the German NIMIC proposes closure to the German NIMIC
    h.ok(U.deNimicBroadcaster, propose(id, A.deNimic))
    const closure = h.state(id).closure
    expect(closure).toMatchObject({ proposingAuthority: A.deNimic, coordinator: A.deNimic })
    // then the alert is open for comments, the others comment, and the proposal cannot be broadcast before the period ends
    expect(h.state(id).status).toBe('closure-open-for-comments')
    h.ok(U.deAlertHandler, comment(id))
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] })))).toEqual(wrongStatus('ALERT-PROPOSAL-BROADCAST'))
    h.now = at(closure?.commentPeriodEndsAt, -1)
    expect(refusal(h.exec(SYSTEM, act('alert.end-comment-period', id)))).toEqual(notAllowed('ALERT-COMMENT-PERIOD-END'))
    h.now = at(closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    expect(h.state(id).status).toBe('closure-awaiting-broadcast')
  })

  describe('[ALERT-COMMENT-WHO] only handlers of recipient authorities in the MS proposing closure comment', () => {
    it.each([
      ['a handler of another German recipient', U.de2AlertHandler, A.deCa2],
      ['a handler of the German mailbox', U.deNimicBroadcaster, A.deNimic],
    ] as const)('[ALERT-COMMENT-WHO] %s comments', (_who, user, authority) => {
      const h = alertHarness()
      const id = closureProposedAlert(h)
      h.ok(user, comment(id))
      expect(h.state(id).closure?.comments).toEqual([expect.objectContaining({ authorityId: authority, text: text('We agree with the closure.') })])
    })
    it.each([
      ['the proposing authority', U.deAlertHandler],
      ['an alert viewer of a German recipient', U.deAlertViewer],
      ['a German broadcaster of a coordinator that did not receive it', U.deDimicBroadcaster],
      ['the initiating authority in another state', U.frAlertHandler],
      ['a recipient in another state', U.itNimicBroadcaster],
    ] as const)('[ALERT-COMMENT-WHO] %s does not', (_who, user) => {
      const h = alertHarness()
      const id = closureProposedAlert(h)
      expect(refusal(h.exec(user, comment(id)))).toEqual(notAllowed('ALERT-COMMENT-WHO'))
      expect(h.state(id).closure?.comments).toEqual([])
    })
  })

  it.each(AROUND)('[ALERT-COMMENT-IN-PERIOD] a comment made %s the end of the comment period', (_when, offset) => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.now = at(h.state(id).closure?.commentPeriodEndsAt, offset)
    const r = h.exec(U.de2AlertHandler, comment(id))
    if (offset < 0) expect(h.state(id).closure?.comments).toHaveLength(1)
    else {
      expect(refusal(r)).toEqual({ code: 'alert.comment-period', ruleId: 'ALERT-COMMENT-IN-PERIOD' })
      expect(h.state(id).closure?.comments).toEqual([])
    }
  })

  it('[ALERT-COMMENT-IN-PERIOD] no comment outside CLOSURE_OPEN_FOR_COMMENTS', () => {
    const h = alertHarness()
    const id = forwardedAlert(h, { draft: { establishment: 'DE' } })
    expect(refusal(h.exec(U.de2AlertHandler, comment(id)))).toEqual(wrongStatus('ALERT-COMMENT-IN-PERIOD'))
    h.ok(U.deAlertHandler, propose(id, A.deNimic))
    h.ok(U.de2AlertHandler, comment(id))
    h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    expect(refusal(h.exec(U.deNimicBroadcaster, comment(id)))).toEqual(wrongStatus('ALERT-COMMENT-IN-PERIOD'))
  })

  it.each(AROUND)('[ALERT-COMMENT-PERIOD-END] the end of the comment period, run %s its due instant', (_when, offset) => {
    // given a closure proposal open for comments, with its timer
    const h = alertHarness()
    const id = closureProposedAlert(h)
    const end = h.state(id).closure?.commentPeriodEndsAt
    const timer = testAlertProcedure.timers(h.state(id)).find((t) => t.id === 'closure.comments-end')
    expect(timer).toMatchObject({ dueAt: end, command: { type: 'alert.end-comment-period', exchangeId: id }, ruleId: 'ALERT-COMMENT-PERIOD-END' })
    // when the system ends it
    h.now = at(end, offset)
    const r = h.exec(SYSTEM, timer?.command)
    // then it is refused before the end, and moves the alert to CLOSURE_AWAITING_BROADCAST from then on
    if (offset < 0) {
      expect(refusal(r)).toEqual(notAllowed('ALERT-COMMENT-PERIOD-END'))
      expect(h.state(id).status).toBe('closure-open-for-comments')
    } else {
      expect(E.isRight(r)).toBe(true)
      expect(h.state(id).status).toBe('closure-awaiting-broadcast')
      expect(refusal(h.exec(U.de2AlertHandler, comment(id)))).toEqual(wrongStatus('ALERT-COMMENT-IN-PERIOD'))
      expect(testAlertProcedure.timers(h.state(id)).map((t) => t.id)).not.toContain('closure.comments-end')
    }
  })

  it('[ALERT-COMMENT-PERIOD-END] the comment period ends on schedule, not by a user', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.end-comment-period', id)))).toEqual(notAllowed('ALERT-COMMENT-PERIOD-END'))
    expect(h.state(id).status).toBe('closure-open-for-comments')
  })

  describe('[ALERT-PROPOSAL-EDITOR] the proposal is changed by the closure coordinator with final approval, otherwise by the proposing authority', () => {
    const cases = [
      ['without final approval', alertHarness, U.deAlertHandler, U.deNimicBroadcaster],
      ['with final approval', finalApprovalHarness, U.deNimicBroadcaster, U.deAlertHandler],
    ] as const
    const phases = [
      ['open for comments', (h: H) => closureProposedAlert(h)],
      ['awaiting broadcast', (h: H) => awaitingClosureBroadcast(h)],
    ] as const
    for (const [approval, harness, editor, other] of cases)
      for (const [phase, given] of phases) {
        it(`[ALERT-PROPOSAL-EDITOR] ${approval}, while ${phase}: only the designated editor modifies or cancels`, () => {
          const h = harness()
          const id = given(h)
          const status = h.state(id).status
          expect(refusal(h.exec(other, act('alert.edit-closure-proposal', id, { text: text('Changed by the other.') })))).toEqual(notAllowed('ALERT-PROPOSAL-EDITOR'))
          expect(refusal(h.exec(other, act('alert.cancel-closure-proposal', id)))).toEqual(notAllowed('ALERT-PROPOSAL-EDITOR'))
          h.ok(editor, act('alert.edit-closure-proposal', id, { text: text('The provider closed on 1 March.') }))
          expect(h.state(id).closure?.text).toEqual(text('The provider closed on 1 March.'))
          expect(h.state(id).status).toBe(status)
          h.ok(editor, act('alert.cancel-closure-proposal', id))
          expect(h.state(id).status).toBe('broadcast')
        })
      }
    it('[ALERT-PROPOSAL-EDITOR] once broadcast for objections, the proposal is no longer modified', () => {
      const h = alertHarness()
      const id = objectionPeriodAlert(h)
      expect(refusal(h.exec(U.deAlertHandler, act('alert.edit-closure-proposal', id, { text: text('Late change.') })))).toEqual(wrongStatus('ALERT-PROPOSAL-EDITOR'))
      expect(h.state(id).closure?.text).toEqual(text('The provider has ceased its activity.'))
    })
  })

  it.each([
    ['open for comments', (h: H) => closureProposedAlert(h)],
    ['awaiting broadcast', (h: H) => awaitingClosureBroadcast(h)],
    ['open for objections', (h: H) => objectionPeriodAlert(h)],
  ])('[ALERT-PROPOSAL-CANCEL-RETURNS] cancelling a proposal %s returns the alert to BROADCAST', (_phase, given) => {
    const h = alertHarness()
    const id = given(h)
    expect(h.state(id).closure).toBeDefined()
    h.ok(U.deAlertHandler, act('alert.cancel-closure-proposal', id))
    expect(h.state(id).status).toBe('broadcast')
    expect(h.state(id).closure).toBeUndefined()
    expect(h.view(U.frAlertHandler, id)?.displayedStatus).toBe('broadcast')
  })

  it('[ALERT-NEW-PROPOSAL-FRESH] a new proposal after a cancellation starts a fresh comment period, with no earlier comments or objections', () => {
    // given a first proposal that was commented, broadcast, objected to, ran out its objection period and was cancelled
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.ok(U.de2AlertHandler, comment(id, 'First-round comment.'))
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: h.state(id).closure?.comments.map((c) => c.id) ?? [] }))
    h.ok(U.itNimicBroadcaster, objection(id, A.itNimic))
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-objection-period', id))
    h.ok(U.deAlertHandler, act('alert.cancel-closure-proposal', id))
    // when a new proposal is made later
    h.advance(5 * DAY)
    h.ok(U.de2AlertHandler, propose(id, A.deDimic))
    // then it is round 2 with its own comment period and nothing carried over
    const fresh = h.state(id).closure
    expect(fresh).toMatchObject({ round: 2, proposingAuthority: A.deCa2, coordinator: A.deDimic, comments: [], objectionPeriodEnded: false })
    expect(fresh?.commentPeriodEndsAt).toBe(new Date(h.now.getTime() + TEST_ALERT_POLICY.commentPeriod.days * DAY).toISOString())
    expect(fresh?.objectionPeriodEndsAt).toBeUndefined()
    expect(fresh?.includedComments).toBeUndefined()
    // and the earlier objection period does not let it be closed: it needs its own
    h.now = at(fresh?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    h.ok(U.deDimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] }))
    expect(refusal(h.exec(U.deDimicBroadcaster, act('alert.close', id)))).toEqual({ code: 'alert.objection-period-running', ruleId: 'ALERT-CLOSE-AFTER-OBJECTIONS' })
    expect(refusal(h.exec(U.deDimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] })))).toEqual(wrongStatus('ALERT-PROPOSAL-BROADCAST'))
  })
})

// ---------------------------------------------------------------------------------------------
// closure broadcast and objections

describe('closure broadcast and objections', () => {
  it('[ALERT-PROPOSAL-BROADCAST] only a broadcaster of the closure coordinator broadcasts the proposal, opening the objection period', () => {
    // given a proposal to the German NIMIC, still open for comments
    const h = alertHarness()
    const id = closureProposedAlert(h)
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] })))).toEqual(wrongStatus('ALERT-PROPOSAL-BROADCAST'))
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    h.advance(3_600_000)
    // when others try to broadcast it
    for (const user of [U.deDimicBroadcaster, U.deAlertHandler, U.frNimicBroadcaster, U.itNimicBroadcaster])
      expect(refusal(h.exec(user, act('alert.broadcast-closure-proposal', id, { includedComments: [] })))).toEqual(notAllowed('ALERT-PROPOSAL-BROADCAST'))
    expect(h.state(id).status).toBe('closure-awaiting-broadcast')
    // then the closure coordinator's broadcaster does, and the objection period runs for OBJECTION_PERIOD
    const broadcastAt = h.now
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [] }))
    expect(h.state(id).status).toBe('closure-open-for-objections')
    expect(h.state(id).closure).toMatchObject({
      broadcastAt: broadcastAt.toISOString(),
      objectionPeriodEndsAt: new Date(broadcastAt.getTime() + TEST_ALERT_POLICY.objectionPeriod.days * DAY).toISOString(),
    })
  })

  it('[ALERT-PROPOSAL-COMMENTS-SUBSET] the broadcaster includes all or only some of the comments', () => {
    // given two comments on a proposal whose comment period is over
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.ok(U.de2AlertHandler, comment(id, 'Stuttgart agrees.'))
    h.ok(U.deNimicBroadcaster, comment(id, 'Internal note: check the register once more.'))
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    const [kept, left] = h.state(id).closure?.comments.map((c) => c.id) ?? []
    // when the broadcaster names a comment that is not one of them
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [kept, 'no-such-comment'] })))).toEqual({
      code: 'alert.comment-unknown',
      ruleId: 'ALERT-PROPOSAL-COMMENTS-SUBSET',
    })
    // then it may broadcast with only the first
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: [kept] }))
    expect(h.state(id).closure?.includedComments).toEqual([kept])
    // other states see only the included comment; the state proposing closure sees both
    expect(contentOf(h, U.frAlertHandler, id)?.closure?.comments.map((c) => c.id)).toEqual([kept])
    expect(JSON.stringify(h.view(U.frAlertHandler, id))).not.toContain('Internal note')
    expect(contentOf(h, U.deAlertHandler, id)?.closure?.comments.map((c) => c.id)).toEqual([kept, left])
  })

  it('[ALERT-PROPOSAL-COMMENTS-SUBSET] including every comment shows them all to the other states', () => {
    const h = alertHarness()
    const id = closureProposedAlert(h)
    h.ok(U.de2AlertHandler, comment(id, 'Stuttgart agrees.'))
    h.ok(U.deNimicBroadcaster, comment(id, 'Berlin agrees.'))
    h.now = at(h.state(id).closure?.commentPeriodEndsAt)
    h.ok(SYSTEM, act('alert.end-comment-period', id))
    const all = h.state(id).closure?.comments.map((c) => c.id) ?? []
    h.ok(U.deNimicBroadcaster, act('alert.broadcast-closure-proposal', id, { includedComments: all }))
    expect(contentOf(h, U.frAlertHandler, id)?.closure?.comments.map((c) => c.id)).toEqual(all)
  })

  describe('[ALERT-OBJECTION-WHO] only authorities of recipient MSs other than the MS proposing closure object', () => {
    it.each([
      ['a handler-broadcaster of the Italian mailbox', U.itNimicBroadcaster, A.itNimic, A.itNimic],
      ['the French initiating authority\'s handler', U.frAlertHandler, A.frNimic, A.frCa],
      ['a broadcaster of the French coordinator', U.frNimicBroadcaster, A.frNimic, A.frNimic],
    ] as const)('[ALERT-OBJECTION-WHO] %s objects', (_who, user, coordinator, authority) => {
      const h = alertHarness()
      const id = objectionPeriodAlert(h)
      h.ok(user, objection(id, coordinator))
      expect(h.state(id).information).toEqual([expect.objectContaining({ kind: 'objection', submittingAuthority: authority, status: 'submitted' })])
    })
    it.each([
      ['the proposing authority', U.deAlertHandler, A.deNimic],
      ['another German recipient', U.de2AlertHandler, A.deDimic],
      ['the German closure coordinator', U.deNimicBroadcaster, A.deNimic],
    ] as const)('[ALERT-OBJECTION-WHO] %s, in the state proposing closure, does not', (_who, user, coordinator) => {
      const h = alertHarness()
      const id = objectionPeriodAlert(h)
      expect(refusal(h.exec(user, objection(id, coordinator)))).toEqual({ code: 'alert.objection-own-state', ruleId: 'ALERT-OBJECTION-WHO' })
      expect(h.state(id).information).toEqual([])
    })
    it.each([
      ['an alert viewer (neither handler nor broadcaster)', U.deAlertViewer, A.deNimic],
      ['an Italian authority that did not receive the alert', U.itAlertHandler, A.itNimic],
    ] as const)('[ALERT-OBJECTION-WHO] %s does not', (_who, user, coordinator) => {
      const h = alertHarness()
      const id = objectionPeriodAlert(h)
      expect(refusal(h.exec(user, objection(id, coordinator)))).toEqual(notAllowed('ALERT-INFO-SUBMIT'))
      expect(h.state(id).information).toEqual([])
    })
  })

  it.each(AROUND)('[ALERT-OBJECTION-IN-PERIOD] an objection made %s the end of the objection period', (_when, offset) => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt, offset)
    const r = h.exec(U.itNimicBroadcaster, objection(id, A.itNimic))
    if (offset < 0) expect(h.state(id).information.map((i) => i.kind)).toEqual(['objection'])
    else {
      expect(refusal(r)).toEqual({ code: 'alert.objection-period', ruleId: 'ALERT-OBJECTION-IN-PERIOD' })
      expect(h.state(id).information).toEqual([])
    }
  })

  it.each([
    ['broadcast, with no proposal', (h: H) => forwardedAlert(h, { draft: { establishment: 'DE' } })],
    ['open for comments', (h: H) => closureProposedAlert(h)],
    ['awaiting the broadcast of the proposal', (h: H) => awaitingClosureBroadcast(h)],
  ])('[ALERT-OBJECTION-IN-PERIOD] no objection while the alert is %s', (_status, given) => {
    const h = alertHarness()
    const id = given(h)
    expect(refusal(h.exec(U.itNimicBroadcaster, objection(id, A.itNimic)))).toEqual({ code: 'alert.objection-period', ruleId: 'ALERT-OBJECTION-IN-PERIOD' })
    // a general item of information is still welcome
    h.ok(U.itNimicBroadcaster, act('alert.submit-information', id, { kind: 'general', coordinator: A.itNimic, text: text('Measures taken in Italy.') }))
  })

  it('[ALERT-OBJECTION-TWO-STEP] an objection is additional information, submitted to a coordinator and broadcast by its broadcaster', () => {
    // given the objection period, and an Italian authority the Italian mailbox forwarded the alert to
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.ok(U.itNimicBroadcaster, act('alert.acknowledge', id))
    h.ok(U.itNimicBroadcaster, act('alert.forward-within-state', id, { authorities: [A.itCa] }))
    // when its handler submits an objection to the Italian NIMIC
    h.ok(U.itAlertHandler, objection(id, A.itNimic))
    const [item] = h.state(id).information
    expect(item).toMatchObject({ kind: 'objection', coordinator: A.itNimic, submittingAuthority: A.itCa, status: 'submitted' })
    // then the other states do not see it yet, and only the Italian NIMIC's broadcaster may broadcast it
    expect(contentOf(h, U.deNimicBroadcaster, id)?.information).toEqual([])
    expect(refusal(h.exec(U.itAlertHandler, act('alert.broadcast-information', id, { informationId: item?.id })))).toEqual(notAllowed('ALERT-INFO-BROADCAST'))
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.broadcast-information', id, { informationId: item?.id })))).toEqual(notAllowed('ALERT-INFO-BROADCAST'))
    h.ok(U.itNimicBroadcaster, act('alert.broadcast-information', id, { informationId: item?.id }))
    expect(contentOf(h, U.deNimicBroadcaster, id)?.information).toEqual([expect.objectContaining({ kind: 'objection', status: 'broadcast', text: text('The provider still operates in Lyon.') })])
    expect(h.state(id).status).toBe('closure-open-for-objections')
  })

  it.each(AROUND)('[ALERT-OBJECTION-PERIOD-END] the end of the objection period, run %s its due instant, leaves the status unchanged', (_when, offset) => {
    // given a proposal open for objections, with its timer
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    const end = h.state(id).closure?.objectionPeriodEndsAt
    const timer = testAlertProcedure.timers(h.state(id)).find((t) => t.id === 'closure.objections-end')
    expect(timer).toMatchObject({ dueAt: end, command: { type: 'alert.end-objection-period', exchangeId: id }, ruleId: 'ALERT-OBJECTION-PERIOD-END' })
    // when the system ends it
    h.now = at(end, offset)
    const r = h.exec(SYSTEM, timer?.command)
    // then it is refused before the end; from then on it is recorded once, and the status stays
    if (offset < 0) {
      expect(refusal(r)).toEqual(notAllowed('ALERT-OBJECTION-PERIOD-END'))
      expect(h.state(id).closure?.objectionPeriodEnded).toBe(false)
    } else {
      expect(E.isRight(r)).toBe(true)
      expect(h.state(id).closure?.objectionPeriodEnded).toBe(true)
      expect(h.state(id).history.at(-1)).toMatchObject({ action: 'alert.objection-period-ended', from: 'closure-open-for-objections', to: 'closure-open-for-objections' })
      expect(refusal(h.exec(SYSTEM, timer?.command))).toEqual(notAllowed('ALERT-OBJECTION-PERIOD-END'))
      expect(testAlertProcedure.timers(h.state(id)).map((t) => t.id)).not.toContain('closure.objections-end')
    }
    expect(h.state(id).status).toBe('closure-open-for-objections')
  })

  it('[ALERT-OBJECTION-PERIOD-END] the objection period ends on schedule, not by a user', () => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.end-objection-period', id)))).toEqual(notAllowed('ALERT-OBJECTION-PERIOD-END'))
    expect(h.state(id).closure?.objectionPeriodEnded).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// close

describe('close', () => {
  it('[ALERT-CLOSE-WHO] only a broadcaster of the closure coordinator closes', () => {
    // given the objection period over, the closure coordinator being the German NIMIC
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    // when the proposer, the coordinator that broadcast the alert, another German coordinator or the initiating authority try
    for (const user of [U.deAlertHandler, U.frNimicBroadcaster, U.deDimicBroadcaster, U.frAlertHandler, U.itNimicBroadcaster])
      expect(refusal(h.exec(user, act('alert.close', id)))).toEqual(notAllowed('ALERT-CLOSE-WHO'))
    expect(h.state(id).status).toBe('closure-open-for-objections')
    // then the closure coordinator's broadcaster closes
    h.ok(U.deNimicBroadcaster, act('alert.close', id))
    expect(h.state(id).status).toBe('closed')
  })

  it('[ALERT-CLOSE-STATUS] closing moves CLOSURE_OPEN_FOR_OBJECTIONS to CLOSED and records closedAt', () => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt, 2 * DAY)
    h.ok(U.deNimicBroadcaster, act('alert.close', id))
    expect(h.state(id)).toMatchObject({ status: 'closed', closedAt: h.now.toISOString() })
    expect(h.state(id).history.at(-1)).toMatchObject({ action: 'alert.closed', from: 'closure-open-for-objections', to: 'closed', authorityId: A.deNimic })
  })

  it.each([
    ['broadcast', (h: H) => forwardedAlert(h, { draft: { establishment: 'DE' } })],
    ['open for comments', (h: H) => closureProposedAlert(h)],
    ['awaiting the broadcast of the proposal', (h: H) => awaitingClosureBroadcast(h)],
  ])('[ALERT-CLOSE-STATUS] an alert %s cannot be closed', (_status, given) => {
    const h = alertHarness()
    const id = given(h)
    h.advance(60 * DAY)
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.close', id)))).toEqual(wrongStatus('ALERT-CLOSE-STATUS'))
    expect(h.state(id).closedAt).toBeUndefined()
  })

  it.each(AROUND)('[ALERT-CLOSE-AFTER-OBJECTIONS] closing %s the end of the objection period', (_when, offset) => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt, offset)
    const r = h.exec(U.deNimicBroadcaster, act('alert.close', id))
    if (offset < 0) {
      expect(refusal(r)).toEqual({ code: 'alert.objection-period-running', ruleId: 'ALERT-CLOSE-AFTER-OBJECTIONS' })
      expect(h.state(id).status).toBe('closure-open-for-objections')
    } else expect(h.state(id).status).toBe('closed')
  })

  it('[ALERT-NOT-CLOSE-CANCEL] the closure coordinator with final approval decides not to close: the alert is BROADCAST again and may be proposed for closure later', () => {
    // given a German NIMIC with final approval, at the end of the objection period
    const h = finalApprovalHarness()
    const id = objectionPeriodAlert(h)
    h.ok(U.itNimicBroadcaster, objection(id, A.itNimic))
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    // when its broadcaster decides not to close
    h.ok(U.deNimicBroadcaster, act('alert.cancel-closure-proposal', id))
    // then the alert is active again, every state sees it broadcast, and a new proposal can be made
    expect(h.state(id).status).toBe('broadcast')
    expect(h.state(id).closedAt).toBeUndefined()
    for (const user of [U.frAlertHandler, U.deAlertHandler]) expect(h.view(user, id)?.displayedStatus).toBe('broadcast')
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.close', id)))).toEqual(wrongStatus('ALERT-CLOSE-STATUS'))
    h.ok(U.deAlertHandler, propose(id, A.deNimic))
    expect(h.state(id).closure?.round).toBe(2)
  })

  it('[ALERT-NOT-CLOSE-CANCEL] without final approval the proposing authority cancels; the closure coordinator asks it to', () => {
    const h = alertHarness()
    const id = objectionPeriodAlert(h)
    h.now = at(h.state(id).closure?.objectionPeriodEndsAt)
    expect(refusal(h.exec(U.deNimicBroadcaster, act('alert.cancel-closure-proposal', id)))).toEqual(notAllowed('ALERT-PROPOSAL-EDITOR'))
    h.ok(U.deAlertHandler, act('alert.cancel-closure-proposal', id))
    expect(h.state(id).status).toBe('broadcast')
  })

  it.each([
    ['propose closure', U.deAlertHandler, (id: ExchangeId) => propose(id, A.deNimic)],
    ['cancel the closure', U.deNimicBroadcaster, (id: ExchangeId) => act('alert.cancel-closure-proposal', id)],
    ['close again', U.deNimicBroadcaster, (id: ExchangeId) => act('alert.close', id)],
    ['propose a withdrawal', U.frAlertHandler, (id: ExchangeId) => act('alert.propose-withdrawal', id, { reason: text('Reopen it.') })],
    ['modify the provider', U.frAlertHandler, (id: ExchangeId) => act('alert.modify', id, { provider: { name: 'Another provider' } })],
    ['add a recipient state', U.frNimicBroadcaster, (id: ExchangeId) => act('alert.add-recipient-states', id, { memberStates: ['AT'] })],
    ['forward within a state', U.deNimicBroadcaster, (id: ExchangeId) => act('alert.forward-within-state', id, { authorities: [A.deDimic] })],
  ] as const)('[ALERT-CLOSED-FINAL] a closed alert cannot be reopened: nobody may %s', (_what, user, command) => {
    const h = alertHarness()
    const id = closedAlert(h)
    const before = h.state(id)
    expect(refusal(h.exec(user, command(id)))).toEqual(wrongStatus('ALERT-CLOSED-FINAL'))
    expect(h.state(id)).toBe(before)
  })

  it('[ALERT-CLOSED-FINAL] a state that finds the risk persists launches a new alert about the same provider', () => {
    const h = alertHarness()
    const closed = closedAlert(h)
    h.ok(U.itNimicBroadcaster, alertDraft({ recipientStates: ['DE', 'FR'], establishment: 'DE', coordinator: A.itNimic }))
    const fresh = h.last()
    expect(fresh).not.toBe(closed)
    expect(h.state(fresh)).toMatchObject({ status: 'draft', initiatingAuthority: A.itNimic })
    expect(h.state(fresh).number).not.toBe(h.state(closed).number)
    expect(h.state(closed).status).toBe('closed')
    // and it goes through the whole procedure again
    h.ok(U.itNimicBroadcaster, act('alert.submit', fresh))
    h.ok(U.itNimicBroadcaster, act('alert.accept', fresh))
    h.ok(U.itNimicBroadcaster, act('alert.broadcast', fresh))
    expect(h.state(fresh).status).toBe('broadcast')
  })
})
