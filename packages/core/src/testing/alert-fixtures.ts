/**
 * Fixtures for examples of the alert procedure: the procedure with test periods, a complete draft,
 * a harness, and the steps that take an alert to submitted, broadcast, acknowledged, under closure
 * or closed, so that an example states only what it is about.
 *
 * @module
 */
import type { AuthorityId, ExchangeId, UserId } from '../model/ids.js'
import type { MemberState } from '../model/member-states.js'
import type { Directory } from '../model/directory.js'
import type { Procedure } from '../procedure/procedure.js'
import type { AlertCommand, AlertEvent } from '../procedures/alert/index.js'
import { ALERT_CRITERIA, createAlertProcedure } from '../procedures/alert/index.js'
import type { AlertPolicy, AlertState } from '../procedures/alert/model.js'
import type { Harness } from './harness.js'
import { createHarness } from './harness.js'
import { A, U, world } from './world.js'

/** The instant alert harnesses start at: Monday 2 March 2026, 09:00 UTC. @category testing */
export const ALERT_START: Date = new Date('2026-03-02T09:00:00Z')

/** The periods the alert fixtures use: 10 days for comments, 15 for objections. @category testing */
export const TEST_ALERT_POLICY: AlertPolicy = { commentPeriod: { days: 10 }, objectionPeriod: { days: 15 } }

/** The alert procedure with {@link TEST_ALERT_POLICY}. @category testing */
export const testAlertProcedure: Procedure<AlertState, AlertCommand, AlertEvent> = createAlertProcedure(TEST_ALERT_POLICY)

/** A day in milliseconds, for `advance`. @category testing */
export const DAY = 24 * 60 * 60 * 1000

/**
 * A complete draft: every criterion confirmed, provider and case given, Germany and Italy as
 * recipients, the French NIMIC as coordinator. Fields of `overrides` replace the defaults.
 *
 * @example
 * ```ts
 * import { alertDraft } from '@imi-kit/core/testing'
 * alertDraft({ recipientStates: ['IT'] }).type // 'alert.create'
 * ```
 * @category testing
 */
export const alertDraft = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'alert.create',
  checklist: ALERT_CRITERIA.map((c) => c.id),
  provider: { name: 'Jean Dupont — Ambulances Express', address: '12 rue de la Paix, Paris', registrationNumber: 'FR-RCS-552100554' },
  serviceActivity: 'Non-emergency patient transport',
  establishment: 'FR',
  caseDescription: { text: 'Vehicles operated without valid sanitary certification.', language: 'en' },
  recipientStates: ['DE', 'IT'],
  coordinator: A.frNimic,
  ...overrides,
})

/** A harness bound to the test alert procedure, over the fixture world unless given. @category testing */
export const alertHarness = (directory: Directory = world(), start: Date = ALERT_START): Harness<AlertState> =>
  createHarness<AlertState>(testAlertProcedure, directory, start)

/** Options of the alert steps. @category testing */
export interface AlertSteps {
  /** The user who launches the alert (default the French competent authority's alert handler). */
  readonly by?: UserId
  /** The draft's overrides. */
  readonly draft?: Record<string, unknown>
  /** A broadcaster of the selected coordinator (default the French NIMIC's). */
  readonly broadcaster?: UserId
}

/** Creates and submits an alert; returns its id. @category testing */
export const submittedAlert = (h: Harness<AlertState>, o: AlertSteps = {}): ExchangeId => {
  h.ok(o.by ?? U.frAlertHandler, alertDraft(o.draft))
  const id = h.last()
  h.ok(o.by ?? U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
  return id
}

/** Creates, submits, accepts and broadcasts an alert; returns its id. @category testing */
export const broadcastAlert = (h: Harness<AlertState>, o: AlertSteps = {}): ExchangeId => {
  const id = submittedAlert(h, o)
  const b = o.broadcaster ?? U.frNimicBroadcaster
  h.ok(b, { type: 'alert.accept', exchangeId: id })
  h.ok(b, { type: 'alert.broadcast', exchangeId: id })
  return id
}

/**
 * A broadcast alert that the German mailbox acknowledged and forwarded to the German competent
 * authorities (`deCa`, `deCa2`); returns its id.
 *
 * @category testing
 */
export const forwardedAlert = (h: Harness<AlertState>, o: AlertSteps & { readonly to?: ReadonlyArray<AuthorityId> } = {}): ExchangeId => {
  const id = broadcastAlert(h, o)
  h.ok(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
  h.ok(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: o.to ?? [A.deCa, A.deCa2] })
  return id
}

/**
 * An alert about a provider established in `establishment` (default Germany), broadcast and forwarded
 * there, with a closure proposed by the German competent authority to the German NIMIC; returns its id.
 *
 * @category testing
 */
export const closureProposedAlert = (h: Harness<AlertState>, o: AlertSteps & { readonly establishment?: MemberState } = {}): ExchangeId => {
  const id = forwardedAlert(h, { ...o, draft: { establishment: o.establishment ?? 'DE', ...o.draft } })
  h.ok(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: 'The provider has ceased its activity.', language: 'en' } })
  return id
}

/**
 * An alert whose closure proposal was broadcast after the comment period; the objection period runs.
 *
 * @category testing
 */
export const objectionPeriodAlert = (h: Harness<AlertState>, o: AlertSteps = {}): ExchangeId => {
  const id = closureProposedAlert(h, o)
  h.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
  h.ok({ kind: 'system' }, { type: 'alert.end-comment-period', exchangeId: id })
  h.ok(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId: id, includedComments: [] })
  return id
}

/** An alert closed by the German NIMIC after the objection period. @category testing */
export const closedAlert = (h: Harness<AlertState>, o: AlertSteps = {}): ExchangeId => {
  const id = objectionPeriodAlert(h, o)
  h.advance(TEST_ALERT_POLICY.objectionPeriod.days * DAY)
  h.ok(U.deNimicBroadcaster, { type: 'alert.close', exchangeId: id })
  return id
}
