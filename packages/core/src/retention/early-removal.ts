/**
 * Early removal of personal data (RET-EARLY-REMOVAL): the personal data of a formally closed (or, for
 * an alert, withdrawn) exchange erased before its scheduled date, at someone's request, and recorded
 * in the history with the actor, the instant and the reason.
 *
 * The removal is the same erasure as the scheduled one: it is recorded by the procedure's
 * `personal-data-erased` event, whose payload then carries the reason and, optionally, who asked.
 * The reason stays in the history after the erasure, so it is not personal data: it states the
 * ground (a data subject's request, a court order, …), never the subject's name.
 *
 * @module
 */
import * as t from 'io-ts'
import type { Actor } from '../model/actor.js'
import type { RetentionSchedule } from '../procedure/procedure.js'
import type { FreeText } from '../i18n/languages.js'
import { FreeTextCodec } from '../i18n/languages.js'

/**
 * Who asked for an early removal, as a category rather than a name, so that the record of the
 * removal holds no personal data: the data subject, one of the authorities taking part in the
 * exchange, a data-protection supervisory authority, a court, or someone else.
 *
 * @category retention
 */
export const EARLY_REMOVAL_REQUESTERS = ['data-subject', 'participating-authority', 'supervisory-authority', 'court', 'other'] as const

/** Who asked for an early removal; see {@link EARLY_REMOVAL_REQUESTERS}. @category retention */
export type EarlyRemovalRequester = (typeof EARLY_REMOVAL_REQUESTERS)[number]

/** Codec of {@link EarlyRemovalRequester}. @category codecs */
export const EarlyRemovalRequesterCodec: t.Type<EarlyRemovalRequester> = /* @__PURE__ */ t.keyof(
  /* @__PURE__ */ Object.fromEntries(EARLY_REMOVAL_REQUESTERS.map((r) => [r, null])) as Record<EarlyRemovalRequester, null>,
  'EarlyRemovalRequester',
)

/**
 * The payload of a `personal-data-erased` event: empty for the scheduled erasure, with the reason
 * (and, optionally, who asked) for an early removal. Events stored before early removal existed
 * carry `{}` and still decode.
 *
 * @category codecs
 */
export const ErasurePayloadCodec = /* @__PURE__ */ t.partial({ reason: FreeTextCodec, requestedBy: EarlyRemovalRequesterCodec })

/**
 * The fields of the command that removes personal data early, on top of its type and exchange:
 * a mandatory reason with its language, and optionally who asked.
 *
 * @example
 * ```ts
 * import { requestForInformation } from '@imi-kit/core'
 * requestForInformation.commands.is({
 *   type: 'request.remove-personal-data',
 *   exchangeId: 'x-1',
 *   reason: { text: "The data subject's erasure request of 2 March 2026, ref. DPO-2026-14.", language: 'en' },
 *   requestedBy: 'data-subject',
 * }) // true
 * ```
 * @category codecs
 */
export const earlyRemovalFields = {
  required: { reason: FreeTextCodec },
  optional: { requestedBy: EarlyRemovalRequesterCodec },
} as const

/**
 * An early removal as the state of an exchange records it.
 *
 * @category retention
 */
export interface EarlyRemoval {
  /** When the personal data was erased (ISO-8601 instant). */
  readonly at: string
  /** Who removed it. */
  readonly actor: Actor
  /** Why, in the language it was written in; not personal data. */
  readonly reason: FreeText
  /** Who asked, as a category. */
  readonly requestedBy?: EarlyRemovalRequester
  /** Whether the personal data was still within users' reach, or already blocked, when it was removed. */
  readonly removedFrom: 'available' | 'blocked'
}

/**
 * The early removal an erasure event records, or `undefined` for a scheduled erasure.
 *
 * @category retention
 */
export const earlyRemovalOf = (
  e: { readonly at: string; readonly actor: Actor; readonly payload: t.TypeOf<typeof ErasurePayloadCodec> },
  before: 'available' | 'blocked' | 'erased',
): EarlyRemoval | undefined =>
  e.payload.reason === undefined
    ? undefined
    : {
        at: e.at,
        actor: e.actor,
        reason: e.payload.reason,
        ...(e.payload.requestedBy === undefined ? {} : { requestedBy: e.payload.requestedBy }),
        removedFrom: before === 'blocked' ? 'blocked' : 'available',
      }

/**
 * The retention schedule of an exchange once its personal data was removed early (RET-EARLY-REMOVAL):
 * the erasure happened at the removal, and so did the blocking unless the data had already been
 * blocked on schedule. Without a removal the schedule is returned unchanged.
 *
 * @example
 * ```ts
 * import { scheduleAfterEarlyRemoval } from '@imi-kit/core'
 * const scheduled = { blockAt: '2027-03-01T10:00:00.000Z', eraseAt: '2029-09-01T10:00:00.000Z' }
 * const removal = { at: '2026-10-01T08:00:00.000Z', actor: { kind: 'system' as const }, reason: { text: 'Data subject request', language: 'en' as const }, removedFrom: 'available' as const }
 * scheduleAfterEarlyRemoval(scheduled, removal)
 * // { blockAt: '2026-10-01T08:00:00.000Z', eraseAt: '2026-10-01T08:00:00.000Z' }
 * ```
 * @category retention
 */
export const scheduleAfterEarlyRemoval = (schedule: RetentionSchedule, removal: EarlyRemoval | undefined): RetentionSchedule =>
  removal === undefined ? schedule : { blockAt: removal.removedFrom === 'blocked' ? (schedule.blockAt ?? removal.at) : removal.at, eraseAt: removal.at }
