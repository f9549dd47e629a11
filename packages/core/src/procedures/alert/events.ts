/**
 * The events of the alert procedure. Each carries the envelope of every event (actor, instant, from
 * and to status, procedure version) and a payload; the payload codecs double as the schema of what is
 * stored, and their `personalData` marks say what the vault keeps apart.
 *
 * @module
 */
import * as t from 'io-ts'
import { ActorCodec } from '../../model/actor.js'
import { AuthorityIdCodec, ExchangeIdCodec } from '../../model/ids.js'
import { MemberStateCodec } from '../../model/member-states.js'
import { DraftFreeTextCodec } from '../../i18n/languages.js'
import type { EventEnvelope } from '../../procedure/procedure.js'
import { ErasurePayloadCodec } from '../../retention/early-removal.js'
import {
  ALERT_PROCEDURE_ID,
  ALERT_STATUSES,
  AlertInformationKindCodec,
  PersonalCaseDescriptionCodec,
  PersonalFreeTextCodec,
  PersonalProviderCodec,
} from './model.js'

const Status = t.keyof(Object.fromEntries(ALERT_STATUSES.map((s) => [s, null])) as Record<(typeof ALERT_STATUSES)[number], null>)

/** Content as stored: the provider and the case description go to the vault. */
const StoredContent = t.partial({
  checklist: t.readonlyArray(t.string),
  provider: PersonalProviderCodec,
  serviceActivity: t.string,
  establishment: t.union([MemberStateCodec, t.null]),
  caseDescription: PersonalCaseDescriptionCodec,
  recipientStates: t.readonlyArray(MemberStateCodec),
  suggestedAuthorities: DraftFreeTextCodec,
})

const Delivery = t.readonly(
  t.type({ authorityId: AuthorityIdCodec, memberState: MemberStateCodec, kind: t.keyof({ mailbox: null, 'initiating-mailbox': null, forwarded: null }) }),
)

const none = t.type({})

/** The payload codec of every alert event type. @category codecs */
export const ALERT_EVENT_PAYLOADS = {
  'alert.created': t.readonly(
    t.intersection([
      t.type({ number: t.string, initiatingAuthority: AuthorityIdCodec, initiatingMemberState: MemberStateCodec, content: StoredContent }),
      t.partial({ coordinator: AuthorityIdCodec }),
    ]),
  ),
  'alert.edited': t.readonly(t.intersection([t.type({ content: StoredContent }), t.partial({ coordinator: AuthorityIdCodec })])),
  'alert.deleted': t.readonly(t.type({ notify: t.keyof({ coordinator: null, initiating: null, none: null }) })),
  'alert.submitted': t.readonly(t.type({ coordinator: AuthorityIdCodec })),
  'alert.forwarded-to-coordinator': t.readonly(t.type({ coordinator: AuthorityIdCodec })),
  'alert.accepted': none,
  'alert.recipient-states-added': t.readonly(t.type({ memberStates: t.readonlyArray(MemberStateCodec), deliveries: t.readonlyArray(Delivery) })),
  'alert.broadcast': t.readonly(t.type({ deliveries: t.readonlyArray(Delivery) })),
  'alert.acknowledged': t.readonly(t.type({ authorityId: AuthorityIdCodec })),
  'alert.forwarded-within-state': t.readonly(t.type({ by: AuthorityIdCodec, deliveries: t.readonlyArray(Delivery) })),
  'alert.recipient-removed': t.readonly(t.type({ by: AuthorityIdCodec, authorityId: AuthorityIdCodec })),
  'alert.modified': t.readonly(t.type({ content: StoredContent })),
  'alert.establishment-changed': t.readonly(t.type({ establishment: t.union([MemberStateCodec, t.null]) })),
  'alert.information-submitted': t.readonly(
    t.type({
      informationId: t.string,
      kind: AlertInformationKindCodec,
      submittingAuthority: AuthorityIdCodec,
      memberState: MemberStateCodec,
      coordinator: AuthorityIdCodec,
      text: PersonalFreeTextCodec,
    }),
  ),
  'alert.information-edited': t.readonly(t.type({ informationId: t.string, text: PersonalFreeTextCodec })),
  'alert.information-deleted': t.readonly(t.type({ informationId: t.string })),
  'alert.information-broadcast': t.readonly(t.type({ informationId: t.string })),
  'alert.withdrawal-proposed': t.readonly(t.type({ reason: PersonalFreeTextCodec })),
  'alert.withdrawal-cancelled': none,
  'alert.withdrawal-broadcast': none,
  'alert.closure-proposed': t.readonly(
    t.type({
      round: t.number,
      proposingAuthority: AuthorityIdCodec,
      memberState: MemberStateCodec,
      coordinator: AuthorityIdCodec,
      text: PersonalFreeTextCodec,
      commentPeriodEndsAt: t.string,
    }),
  ),
  'alert.closure-proposal-edited': t.readonly(t.type({ text: PersonalFreeTextCodec })),
  'alert.closure-proposal-cancelled': none,
  'alert.commented': t.readonly(t.type({ commentId: t.string, authorityId: AuthorityIdCodec, text: PersonalFreeTextCodec })),
  'alert.comment-period-ended': none,
  'alert.closure-proposal-broadcast': t.readonly(t.type({ includedComments: t.readonlyArray(t.string), objectionPeriodEndsAt: t.string })),
  'alert.objection-period-ended': none,
  'alert.closed': none,
  'alert.personal-data-blocked': none,
  // Scheduled erasure ({}), or early removal with its reason (RET-EARLY-REMOVAL).
  'alert.personal-data-erased': ErasurePayloadCodec,
} as const

/** The type of an alert event. @category model */
export type AlertEventType = keyof typeof ALERT_EVENT_PAYLOADS

/** The payloads of the alert events, by type. @category model */
export type AlertEventPayloads = { readonly [K in AlertEventType]: t.TypeOf<(typeof ALERT_EVENT_PAYLOADS)[K]> }

/** One alert event of a given type. @category model */
export interface AlertEventOf<K extends AlertEventType> extends EventEnvelope<K, AlertEventPayloads[K]> {
  readonly procedure: typeof ALERT_PROCEDURE_ID
  readonly from?: (typeof ALERT_STATUSES)[number]
  readonly to: (typeof ALERT_STATUSES)[number]
}

/** Any alert event. @category model */
export type AlertEvent = { [K in AlertEventType]: AlertEventOf<K> }[AlertEventType]

const envelope = <K extends AlertEventType>(type: K) =>
  t.intersection([
    t.type({
      type: t.literal(type),
      exchangeId: ExchangeIdCodec,
      procedure: t.literal(ALERT_PROCEDURE_ID),
      procedureVersion: t.number,
      at: t.string,
      actor: ActorCodec,
      to: Status,
      payload: ALERT_EVENT_PAYLOADS[type],
    }),
    t.partial({ from: Status }),
  ])

const eventTypes = Object.keys(ALERT_EVENT_PAYLOADS) as AlertEventType[]

/**
 * The walkable codec of one type of alert event; `undefined` for a type the procedure does not have.
 *
 * @category codecs
 */
export const alertEventCodecOf = (type: string): t.Mixed | undefined =>
  (eventTypes as string[]).includes(type) ? envelope(type as AlertEventType) : undefined

/**
 * Validates a stored alert event.
 *
 * @category codecs
 */
export const AlertEventCodec = new t.Type<AlertEvent, unknown, unknown>(
  'AlertEvent',
  (u): u is AlertEvent => typeof u === 'object' && u !== null && eventTypes.includes((u as { type: AlertEventType }).type),
  (u, c) => {
    const type = (u as { type?: unknown } | null)?.type
    if (typeof type !== 'string' || !(eventTypes as string[]).includes(type)) return t.failure(u, c, 'an event of the alert procedure')
    return envelope(type as AlertEventType).validate(u, c) as t.Validation<AlertEvent>
  },
  (a) => a,
)

/** The current version of the alert procedure's events. @category constants */
export const ALERT_PROCEDURE_VERSION = 1
