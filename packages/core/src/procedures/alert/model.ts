/**
 * The state of a Services Directive alert (spec §7): one initiating authority, a selected and then a
 * broadcasting coordinator, recipients in many member states with their own acknowledgement and
 * forwarding, additional information, withdrawal, and closure through a comment period in one state
 * and an objection period in all.
 *
 * @module
 */
import * as t from 'io-ts'
import type { Actor } from '../../model/actor.js'
import type { AuthorityId, ExchangeId } from '../../model/ids.js'
import type { MemberState } from '../../model/member-states.js'
import { MemberStateCodec } from '../../model/member-states.js'
import type { DraftFreeText, FreeText, LocalizedText } from '../../i18n/languages.js'
import { DraftFreeTextCodec, FreeTextCodec } from '../../i18n/languages.js'
import type { MaybeRedacted } from '../../model/personal-data.js'
import { personalData } from '../../model/personal-data.js'
import type { EarlyRemoval, EarlyRemovalRequester } from '../../retention/early-removal.js'

/** The id of the alert procedure. @category constants */
export const ALERT_PROCEDURE_ID = 'services.alert'

/**
 * Every status of an alert (spec §7.4). "Awaiting acknowledgement" is not among them: it is what a
 * recipient state's mailbox sees of a broadcast alert (ALERT-ACK-PER-MS), see `displayedAlertStatus`.
 *
 * @category constants
 */
export const ALERT_STATUSES = [
  'draft',
  'submitted-for-broadcast',
  'awaiting-broadcast',
  'broadcast',
  'withdrawal-to-be-broadcast',
  'withdrawn',
  'closure-open-for-comments',
  'closure-awaiting-broadcast',
  'closure-open-for-objections',
  'closed',
] as const

/** A status of an alert. @category model */
export type AlertStatus = (typeof ALERT_STATUSES)[number]

/** A status as a viewer sees it: a status, or a recipient mailbox's "awaiting acknowledgement". @category model */
export type DisplayedAlertStatus = AlertStatus | 'awaiting-acknowledgement'

/** The statuses of a broadcast alert that is still active, before any withdrawal. @category constants */
export const LIVE_ALERT_STATUSES: ReadonlyArray<AlertStatus> = [
  'broadcast',
  'closure-open-for-comments',
  'closure-awaiting-broadcast',
  'closure-open-for-objections',
]

/** The statuses in which a closure proposal is pending (ALERT-CHANGE-MSE-NO-PROPOSAL). @category constants */
export const CLOSURE_ALERT_STATUSES: ReadonlyArray<AlertStatus> = [
  'closure-open-for-comments',
  'closure-awaiting-broadcast',
  'closure-open-for-objections',
]

/**
 * One item of the alert-criteria checklist. The criteria are set by Commission guidelines outside
 * the sources, so the list is configuration (ALERT-CHECKLIST-CONFIG).
 *
 * @category model
 */
export interface AlertCriterion {
  readonly id: string
  readonly text: LocalizedText
}

/**
 * A duration in calendar days, counted in the reference time zone.
 *
 * @category model
 */
export interface PeriodDays {
  readonly days: number
}

/**
 * The configuration of the alert procedure. The comment and objection periods are "agreed by all
 * member states" and have no value in the sources, so they must be given (ALERT-PERIODS-CONFIGURED).
 *
 * @category model
 */
export interface AlertPolicy {
  /** The comment period inside the state proposing closure. */
  readonly commentPeriod: PeriodDays
  /** The objection period across the states concerned. */
  readonly objectionPeriod: PeriodDays
  /** The criteria to confirm before submitting; {@link ALERT_CRITERIA} when absent. */
  readonly checklist?: ReadonlyArray<AlertCriterion>
  /**
   * Whether the other authorities of the state proposing closure are told they may comment when the
   * closure coordinator itself made the proposal. Off by default (MAIL-ALERT-CC-PROPOSAL); on
   * reproduces the reading of AMB-AL4.
   */
  readonly notifyWhenProposedByClosureCoordinator?: boolean
}

/**
 * The alert criteria of Articles 29(3) and 32(1) of Directive 2006/123/EC, as shipped: serious
 * damage to health or safety of persons or to the environment, by a service activity.
 *
 * @category data
 */
export const ALERT_CRITERIA: ReadonlyArray<AlertCriterion> = [
  {
    id: 'serious-damage',
    text: {
      en: 'The conduct or acts could cause serious damage to the health or safety of persons or to the environment',
      fr: "Le comportement ou les actes pourraient causer un préjudice grave pour la santé ou la sécurité des personnes ou pour l'environnement",
      de: 'Das Verhalten oder die Handlungen könnten die Gesundheit oder Sicherheit von Personen oder die Umwelt schwer schädigen',
    },
  },
  {
    id: 'service-activity',
    text: {
      en: 'The risk arises from a service activity covered by the Services Directive',
      fr: 'Le risque découle d’une activité de services relevant de la directive sur les services',
      de: 'Die Gefahr geht von einer Dienstleistungstätigkeit im Anwendungsbereich der Dienstleistungsrichtlinie aus',
    },
  },
  {
    id: 'other-states',
    text: {
      en: 'The provider operates, or may operate, in other member states',
      fr: 'Le prestataire exerce, ou pourrait exercer, dans d’autres États membres',
      de: 'Der Dienstleister ist in anderen Mitgliedstaaten tätig oder könnte dort tätig werden',
    },
  },
  {
    id: 'facts-established',
    text: {
      en: 'The facts are established with sufficient certainty and the information is correct and complete',
      fr: 'Les faits sont établis avec une certitude suffisante et les informations sont correctes et complètes',
      de: 'Die Tatsachen sind hinreichend gesichert und die Angaben sind richtig und vollständig',
    },
  },
]

/**
 * The service provider an alert is about. Its name, address and registration number identify it and
 * are personal data; the service activity and the state of establishment are not.
 *
 * @category model
 */
export interface ServiceProvider {
  readonly name: string
  readonly address?: string
  readonly registrationNumber?: string
}

const Short = /* @__NO_SIDE_EFFECTS__ */ (name: string, max: number) =>
  t.refinement(t.string, (s) => s.trim().length > 0 && s.length <= max, name)

/** Codec of {@link ServiceProvider}. @category codecs */
export const ServiceProviderCodec: t.Type<ServiceProvider> = /* @__PURE__ */ t.readonly(
  /* @__PURE__ */ t.intersection([
    /* @__PURE__ */ t.type({ name: Short('ProviderName', 500) }),
    /* @__PURE__ */ t.partial({ address: Short('Address', 1000), registrationNumber: Short('RegistrationNumber', 200) }),
  ]),
  'ServiceProvider',
)

/** The provider as stored: personal data, kept in the vault and erased on schedule. @category codecs */
export const PersonalProviderCodec = /* @__PURE__ */ personalData(ServiceProviderCodec)
/** A case description as stored: personal data (it describes the provider's conduct). @category codecs */
export const PersonalCaseDescriptionCodec = /* @__PURE__ */ personalData(DraftFreeTextCodec)
/** A free text of an alert step (information, comment, proposal, withdrawal) as stored: personal data. @category codecs */
export const PersonalFreeTextCodec = /* @__PURE__ */ personalData(FreeTextCodec)

/** The content of an alert that its initiating side writes. @category model */
export interface AlertContent {
  /** Ids of the confirmed criteria (ALERT-SUBMIT-CHECKLIST). */
  readonly checklist: ReadonlyArray<string>
  readonly provider?: MaybeRedacted<ServiceProvider>
  /** The service activity concerned; no personal data, shown in lists (SRCH-ALERT-LIST-COLUMNS). */
  readonly serviceActivity?: string
  /** The provider's member state of establishment; `null` when unknown (ALERT-CLOSURE-MSE-UNKNOWN). */
  readonly establishment?: MemberState | null
  readonly caseDescription?: MaybeRedacted<DraftFreeText>
  /** The member states the alert is to be broadcast to (ALERT-SUBMIT-RECIPIENT-MS). */
  readonly recipientStates: ReadonlyArray<MemberState>
  /** A free-text suggestion of authorities in the recipient states, for their mailboxes (spec §7.8). */
  readonly suggestedAuthorities?: DraftFreeText
}

/** Fields of the content a command may set. @category codecs */
export const AlertContentPatchCodec = /* @__PURE__ */ t.partial({
  checklist: /* @__PURE__ */ t.readonlyArray(Short('CriterionId', 100)),
  provider: ServiceProviderCodec,
  serviceActivity: Short('ServiceActivity', 500),
  establishment: /* @__PURE__ */ t.union([MemberStateCodec, t.null]),
  caseDescription: DraftFreeTextCodec,
  recipientStates: /* @__PURE__ */ t.readonlyArray(MemberStateCodec),
  suggestedAuthorities: DraftFreeTextCodec,
})

/** A patch of {@link AlertContent}. @category model */
export type AlertContentPatch = t.TypeOf<typeof AlertContentPatchCodec>

/**
 * How an authority came to receive an alert (spec §7.8): the incoming mailbox of a recipient state,
 * the initiating state's own mailbox (ALERT-DELIVER-OWN-MAILBOX), or forwarded within its state.
 *
 * @category model
 */
export type RecipientKind = 'mailbox' | 'initiating-mailbox' | 'forwarded'

/** Where a recipient mailbox stands (ALERT-MAILBOX-STATES). @category model */
export type MailboxState = 'awaiting-acknowledgement' | 'acknowledged' | 'forwarded'

/**
 * One recipient authority of a broadcast alert.
 *
 * @category model
 */
export interface AlertRecipient {
  readonly authorityId: AuthorityId
  readonly memberState: MemberState
  readonly kind: RecipientKind
  /** The authority that forwarded the alert to this one, for forwarded recipients. */
  readonly addedBy?: AuthorityId
  readonly addedAt: string
  /** Set by the recipient's first recorded act (ALERT-ACTED-DEFINITION). */
  readonly hasActed: boolean
  /** Removed by its state's mailbox; it is told nothing more and loses personal data (ALERT-REMOVED-*). */
  readonly removed: boolean
  /** Present for mailboxes. */
  readonly mailboxState?: MailboxState
}

/** The kinds of additional information (spec §7.9). @category constants */
export const ALERT_INFORMATION_KINDS = ['general', 'clarification-request', 'closure-suggestion', 'objection'] as const

/** A kind of additional information; an objection is headed «Objection à une proposition de clôture». @category model */
export type AlertInformationKind = (typeof ALERT_INFORMATION_KINDS)[number]

/** Codec of {@link AlertInformationKind}. @category codecs */
export const AlertInformationKindCodec = /* @__PURE__ */ t.keyof({ general: null, 'clarification-request': null, 'closure-suggestion': null, objection: null })

/**
 * An item of additional information, submitted to a coordinator and broadcast by it (spec §7.9).
 *
 * @category model
 */
export interface AlertInformation {
  readonly id: string
  readonly kind: AlertInformationKind
  readonly submittingAuthority: AuthorityId
  readonly memberState: MemberState
  /** The coordinator it was submitted to, whose broadcasters broadcast it (ALERT-INFO-TARGET-COORD). */
  readonly coordinator: AuthorityId
  readonly text: MaybeRedacted<FreeText>
  readonly status: 'submitted' | 'broadcast'
  readonly submittedAt: string
  readonly broadcastAt?: string
}

/** A comment on a closure proposal, from an authority of the state proposing closure. @category model */
export interface AlertComment {
  readonly id: string
  readonly authorityId: AuthorityId
  readonly text: MaybeRedacted<FreeText>
  readonly at: string
}

/**
 * A closure proposal and its two periods (spec §7.10).
 *
 * @category model
 */
export interface ClosureProposal {
  /** 1 for the first proposal of the alert, and so on (ALERT-NEW-PROPOSAL-FRESH). */
  readonly round: number
  readonly proposingAuthority: AuthorityId
  /** The state proposing closure: the state of establishment, or the initiating state if unknown. */
  readonly memberState: MemberState
  /** The closure coordinator (ALERT-CLOSURE-COORDINATOR). */
  readonly coordinator: AuthorityId
  readonly text: MaybeRedacted<FreeText>
  readonly proposedAt: string
  readonly commentPeriodEndsAt: string
  readonly comments: ReadonlyArray<AlertComment>
  readonly broadcastAt?: string
  /** The comments broadcast with the proposal (ALERT-PROPOSAL-COMMENTS-SUBSET). */
  readonly includedComments?: ReadonlyArray<string>
  readonly objectionPeriodEndsAt?: string
  readonly objectionPeriodEnded: boolean
}

/** A pending withdrawal proposal (spec §7.7). @category model */
export interface WithdrawalProposal {
  /** The status to return to if it is cancelled (ALERT-WITHDRAW-CANCEL). */
  readonly from: AlertStatus
  readonly reason: MaybeRedacted<FreeText>
  readonly proposedAt: string
}

/**
 * Who may see one history entry: everybody who sees the alert, unless restricted to some states
 * until a later step reveals it (a closure proposal is hidden from other states until broadcast).
 *
 * @category model
 */
export interface HistoryAudience {
  readonly memberStates: ReadonlyArray<MemberState>
  /** The step whose broadcast reveals the entry to everybody, e.g. `closure-1`, `withdrawal-2`, `info-…`. */
  readonly revealedBy?: string
}

/**
 * What decides how a status shows to viewers outside the states that know a pending step: the
 * closure proposal and the withdrawal proposal pending at that moment, if any.
 *
 * @category model
 */
export interface StatusContext {
  readonly closure?: { readonly memberState: MemberState; readonly revealedBy: string }
  readonly withdrawal?: { readonly from: AlertStatus; readonly revealedBy: string }
}

/** One entry of an alert's history (ALERT-EVENT-HISTORY). @category model */
export interface AlertHistoryEntry {
  readonly at: string
  readonly action: string
  readonly actor: Actor
  /** The authority the acting user acted for. */
  readonly authorityId?: AuthorityId
  readonly from?: string
  readonly to: string
  readonly audience?: HistoryAudience
  /** The reason given for the step, where it has one that is no personal data (an early removal's, RET-EARLY-REMOVAL). */
  readonly justification?: { readonly text: string; readonly language: string }
  /** Who asked for an early removal of the personal data (RET-EARLY-REMOVAL). */
  readonly requestedBy?: EarlyRemovalRequester
  /** The pending steps before and after the event, to show `from` and `to` per viewer. */
  readonly context: { readonly from: StatusContext; readonly to: StatusContext }
}

/**
 * The state of one alert: the fold of its events.
 *
 * @category model
 */
export interface AlertState {
  readonly exchangeId: ExchangeId
  readonly procedure: typeof ALERT_PROCEDURE_ID
  /** Given at the first save (ALERT-NUMBER-FIRST-SAVE). */
  readonly number: string
  readonly version: number
  readonly status: AlertStatus
  readonly createdAt: string
  readonly updatedAt: string
  readonly initiatingAuthority: AuthorityId
  readonly initiatingMemberState: MemberState
  readonly content: AlertContent
  /** The coordinator the alert is submitted to (ALERT-SUBMIT-COORDINATOR). */
  readonly selectedCoordinator?: AuthorityId
  /** Coordinators that forwarded the alert to another before broadcast. */
  readonly formerCoordinators: ReadonlyArray<AuthorityId>
  /** The coordinator that broadcast the alert (ALERT-ADD-MS-AFTER-BROADCAST, ALERT-CHANGE-MSE-WHO). */
  readonly broadcastingCoordinator?: AuthorityId
  readonly broadcastAt?: string
  readonly recipients: ReadonlyArray<AlertRecipient>
  /** Coordinators brought in by a step (information, closure), who see the alert to act on it. */
  readonly involved: ReadonlyArray<AuthorityId>
  readonly information: ReadonlyArray<AlertInformation>
  readonly withdrawal?: WithdrawalProposal
  readonly withdrawnAt?: string
  readonly closure?: ClosureProposal
  /** How many closure proposals were made; the round of the next is one more. */
  readonly closureRounds: number
  /** How many withdrawal proposals were made. */
  readonly withdrawalRounds: number
  readonly closedAt?: string
  readonly personalData: 'available' | 'blocked' | 'erased'
  /** The early removal of the personal data, when it was removed before its scheduled date (RET-EARLY-REMOVAL). */
  readonly earlyRemoval?: EarlyRemoval
  readonly history: ReadonlyArray<AlertHistoryEntry>
  /** Steps broadcast so far, which reveal the history entries they guard. */
  readonly revealed: ReadonlyArray<string>
}
