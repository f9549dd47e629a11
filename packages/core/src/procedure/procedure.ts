/**
 * The shape every procedure of IMI takes: a pure decider over an xstate machine, with need-to-know
 * views, available actions, durable timers, notifications as data and a retention schedule.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import type { AnyStateMachine } from 'xstate'
import type { Actor, Viewer } from '../model/actor.js'
import type { Context } from '../model/context.js'
import type { DomainError } from '../model/errors.js'
import type { AuthorityId, ExchangeId, LegislativeAreaId, UserId } from '../model/ids.js'
import type { MemberState } from '../model/member-states.js'
import type { AlertUserRole } from '../model/users.js'
import type { ExchangeAudience } from './listing.js'
import type { EarlyRemovalRequester } from '../retention/early-removal.js'

/** Identifier of a procedure, e.g. `imi.request-for-information`. @category model */
export type ProcedureId = string

/** Identifier of an action (and of the command that performs it), e.g. `request.accept`. @category model */
export type ActionId = string

/**
 * The envelope of every event: who did what, when, from which status to which, in which version of
 * the procedure. History is read from these fields (REQ-EVENT-HISTORY).
 *
 * @category model
 */
export interface EventEnvelope<T extends string = string, P = unknown> {
  readonly type: T
  readonly exchangeId: ExchangeId
  readonly procedure: ProcedureId
  readonly procedureVersion: number
  /** ISO-8601 instant. */
  readonly at: string
  readonly actor: Actor
  /** Status before the event; absent for the event that creates the exchange. */
  readonly from?: string
  readonly to: string
  readonly payload: P
}

/**
 * What a command decides: events for the exchange's own stream, events that start new exchanges
 * (a split, a copy), or the erasure of a draft with no trace.
 *
 * @category model
 */
export interface Decision<E> {
  /** Events appended to the stream of the exchange the command addressed. */
  readonly events: ReadonlyArray<E>
  /** New exchanges started by the command, each with its first events. */
  readonly spawned: ReadonlyArray<{ readonly exchangeId: ExchangeId; readonly events: ReadonlyArray<E> }>
  /** The exchange is a draft deleted with no trace: its stream is removed. */
  readonly erase: boolean
}

/**
 * A durable deadline: at `dueAt` the worker runs `command` as the `system` actor. Timers are derived
 * from the state, never stored in xstate delays, so they survive restarts.
 *
 * @category model
 */
export interface Timer {
  /** Stable within the exchange; a later state with the same id replaces the timer. */
  readonly id: string
  readonly exchangeId: ExchangeId
  /** ISO-8601 instant. */
  readonly dueAt: string
  readonly command: { readonly type: ActionId; readonly exchangeId: ExchangeId }
  /** The rule that sets the deadline. */
  readonly ruleId: string
}

/**
 * Who a notification goes to. Recipients are symbolic, resolved against the directory at delivery
 * time, so that a notification names roles rather than copies of addresses.
 *
 * @category model
 */
export type Recipient =
  | { readonly kind: 'user'; readonly userId: UserId }
  | { readonly kind: 'authority-mailbox'; readonly authorityId: AuthorityId }
  | {
      readonly kind: 'users-with-role'
      readonly authorityId: AuthorityId
      readonly legislativeArea: LegislativeAreaId
      readonly role: 'request-handler' | 'allocator' | 'referee'
    }
  /** A new incoming request: the authority's allocators when it uses allocation, else its handlers (MAIL-INCOMING-ALLOC-*). */
  | { readonly kind: 'incoming-request'; readonly authorityId: AuthorityId; readonly legislativeArea: LegislativeAreaId }
  /**
   * The users of an authority holding one of these alert roles; alert messages go only to them, never
   * to the authority's mailbox (MAIL-ALERT-PROFILE-ONLY, MAIL-ALERT-NO-AUTHORITY-COPY).
   */
  | { readonly kind: 'alert-users'; readonly authorityId: AuthorityId; readonly roles: ReadonlyArray<AlertUserRole> }
  /** A first referral to a coordinator: its allocators when it uses allocation, else its mailbox alone (MAIL-COORD-ALLOC-*). */
  | { readonly kind: 'coordinator-referral'; readonly authorityId: AuthorityId; readonly legislativeArea: LegislativeAreaId }

/**
 * A notification as data: which message, about which exchange, to whom. Never the content of the
 * exchange, and so never personal data (MAIL-REQ-NO-CONTENT).
 *
 * @category model
 */
export interface Notification {
  /** The standard message, e.g. `request.incoming`; translated by the mailer. */
  readonly message: string
  readonly exchangeId: ExchangeId
  /** The exchange number, so the message can name the entry it links to. */
  readonly exchangeNumber: string
  readonly recipients: ReadonlyArray<Recipient>
  /** The rule that requires the message. */
  readonly ruleId: string
}

/**
 * One entry of an exchange's history, for the Management Information view.
 *
 * @category model
 */
export interface HistoryEntry {
  readonly at: string
  readonly action: string
  readonly actor: Actor
  readonly from?: string
  readonly to: string
  readonly justification?: { readonly text: string; readonly language: string }
  /** Who asked for an early removal of the personal data, as a category (RET-EARLY-REMOVAL). */
  readonly requestedBy?: EarlyRemovalRequester
}

/**
 * How much of an exchange a viewer may see.
 * - `full`: everything, personal data included;
 * - `no-personal-data`: content without the subject's personal data and without attachments;
 * - `metadata`: number, area, status, dates, countries and authorities only.
 *
 * @category model
 */
export type AccessLevel = 'full' | 'no-personal-data' | 'metadata'

/**
 * What a viewer sees of an exchange.
 *
 * @category model
 */
export interface ExchangeView<C = unknown> {
  readonly exchangeId: ExchangeId
  readonly procedure: ProcedureId
  readonly number: string
  readonly status: string
  /** The status as this viewer should see it (it may differ per viewer in procedures with many parties). */
  readonly displayedStatus: string
  readonly access: AccessLevel
  /** Whether personal data is still available, blocked (kept for administrators only) or erased. */
  readonly personalData: 'available' | 'blocked' | 'erased'
  readonly summary: ExchangeSummary
  /** Content redacted to the viewer's access; absent at `metadata` level. */
  readonly content?: C
  /** Every transition with its actor and instant; justifications only where the viewer sees content. */
  readonly history: ReadonlyArray<HistoryEntry>
}

/**
 * The summary of an exchange kept by the projections, behind dashboards, action lists and search.
 * It holds no personal data.
 *
 * @category model
 */
export interface ExchangeSummary {
  readonly exchangeId: ExchangeId
  readonly procedure: ProcedureId
  readonly number: string
  /** The status as most viewers see it; see `statusFor`. */
  readonly status: string
  /**
   * Statuses that some viewers see instead of `status`, by their member state or authority, the last
   * matching entry winning (in alerts, a closure proposal in its comment phase is known only in the
   * state proposing it). See `listedStatus`.
   */
  readonly statusFor?: ReadonlyArray<{ readonly status: string; readonly memberStates?: ReadonlyArray<MemberState>; readonly authorities?: ReadonlyArray<AuthorityId> }>
  readonly legislativeArea: LegislativeAreaId
  readonly authorities: ReadonlyArray<AuthorityId>
  readonly memberStates: ReadonlyArray<MemberState>
  readonly createdAt: string
  readonly updatedAt: string
  readonly sentAt?: string
  readonly closedAt?: string
  readonly deadline?: string
  /** The authority that started the exchange. */
  readonly requestingAuthority?: AuthorityId
  /** The authority addressed now, once the exchange is sent; absent before. */
  readonly respondingAuthority?: AuthorityId
  /**
   * The text free-text search looks in: the number and the case fields that hold no personal data
   * (never a field the area flags as personal), lower-cased, separated by spaces.
   */
  readonly searchText: string
  /** Columns a procedure adds to lists, never personal data (alerts: service activity, state of establishment). */
  readonly details?: Readonly<Record<string, string>>
  /** Who finds the exchange in lists; see `isListedFor`. */
  readonly audience: ExchangeAudience
}

/**
 * When the personal data of an exchange is blocked (hidden from users, kept for administrators) and
 * when it is erased.
 *
 * @category model
 */
export interface RetentionSchedule {
  readonly blockAt?: string
  readonly eraseAt?: string
}

/**
 * A procedure of IMI: the one shape every form takes.
 *
 * @typeParam S - the state of one exchange
 * @typeParam C - the commands
 * @typeParam E - the events
 * @category model
 */
export interface Procedure<S, C extends { readonly type: string }, E extends EventEnvelope> {
  readonly id: ProcedureId
  /** Incremented when the events' meaning changes; stored in every event. */
  readonly version: number
  /** The legal act, e.g. `Regulation (EU) No 1024/2012 (IMI Regulation)`. */
  readonly legalBasis: string
  /** The only place where statuses and legal transitions live. */
  readonly machine: AnyStateMachine
  /** Every status of the machine. */
  readonly statuses: ReadonlyArray<string>
  /** Validates commands at the boundary. */
  readonly commands: t.Type<C, unknown, unknown>
  /** Validates stored events when they are read back. */
  readonly events: t.Type<E, unknown, unknown>
  /**
   * The walkable codec of one event type, whose `personalData` marks say where the personal data of
   * an event is, so that storage can keep it apart (a vault) and erase it.
   */
  eventCodec(type: string): t.Mixed | undefined
  /** True for the event after which an exchange's personal data must be erased from storage. */
  erasesPersonalData(event: E): boolean
  /** Actions that start a new exchange (no state yet). */
  readonly creationActions: ReadonlyArray<ActionId>
  /** Every action the procedure accepts as a command, creation actions included. */
  readonly actions: ReadonlyArray<ActionId>
  decide(command: C, state: S | undefined, ctx: Context): Either<DomainError, Decision<E>>
  evolve(state: S | undefined, event: E): S
  view(state: S, viewer: Viewer): ExchangeView | undefined
  availableActions(state: S, viewer: Viewer, ctx: Context): ReadonlyArray<ActionId>
  /** True when the exchange waits for an action by this viewer (action lists). */
  needsAction(state: S, viewer: Viewer, ctx: Context): boolean
  timers(state: S): ReadonlyArray<Timer>
  /** The notifications an event causes, given the state after it and, when there was one, before it. */
  notifications(event: E, state: S, before?: S): ReadonlyArray<Notification>
  retention(state: S): RetentionSchedule
  summary(state: S): ExchangeSummary
  /** The version of the state: the number of events folded into it. */
  stateVersion(state: S): number
}

/**
 * A procedure whose state, command and event types are hidden, as kept in a registry.
 *
 * @category model
 */
// The registry holds procedures of unrelated state types; `never`/`unknown` variance makes the
// erased form assignable from every concrete procedure.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProcedure = Procedure<any, any, any>

/**
 * The procedures an application knows, by id.
 *
 * @category model
 */
export interface ProcedureRegistry {
  get(id: ProcedureId): AnyProcedure | undefined
  all(): ReadonlyArray<AnyProcedure>
  /** The procedure that owns an action, by the action's prefix. */
  forAction(action: ActionId): AnyProcedure | undefined
}

/**
 * Builds a registry. A new policy area is a new procedure module passed here, not a change to the
 * engine.
 *
 * @example
 * ```ts
 * import { createProcedureRegistry, requestForInformation } from '@imi-kit/core'
 * const registry = createProcedureRegistry([requestForInformation])
 * registry.forAction('request.accept')?.id // 'imi.request-for-information'
 * ```
 * @category constructors
 */
export const createProcedureRegistry = (procedures: ReadonlyArray<AnyProcedure>): ProcedureRegistry => {
  const byId = new Map(procedures.map((p) => [p.id, p]))
  const byAction = new Map<string, AnyProcedure>()
  for (const p of procedures) for (const a of p.actions) byAction.set(a, p)
  return {
    get: (id) => byId.get(id),
    all: () => procedures,
    forAction: (a) => byAction.get(a),
  }
}
