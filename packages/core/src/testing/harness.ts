/**
 * A pure, synchronous harness that runs commands through a procedure's decide and evolve, keeping
 * each exchange's events in memory. For given/when/then examples and property tests of procedures,
 * without any storage.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, Viewer } from '../model/actor.js'
import { viewerOf } from '../model/actor.js'
import type { Context, IdSource } from '../model/context.js'
import { sequentialIds } from '../model/context.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { decodeCommand } from '../application/decode.js'
import type { AuthorityId, ExchangeId, UserId } from '../model/ids.js'
import type { ActionId, AnyProcedure, EventEnvelope, ExchangeView, Notification } from '../procedure/procedure.js'

/**
 * What the harness holds about one exchange.
 *
 * @category testing
 */
export interface HarnessExchange<S> {
  readonly state: S
  readonly events: ReadonlyArray<EventEnvelope>
}

/**
 * The harness of {@link createHarness}.
 *
 * @category testing
 */
export interface Harness<S> {
  /** The current instant; tests move it with `advance`. */
  now: Date
  directory: Directory
  readonly ids: IdSource
  /** Runs a command as a user (by id) or as an actor; the command is decoded by the procedure's codec first. */
  exec(as: UserId | Actor, command: unknown): E.Either<DomainError, ReadonlyArray<EventEnvelope>>
  /** Like `exec`, but fails the test with the error's message when the command is refused. */
  ok(as: UserId | Actor, command: unknown): ReadonlyArray<EventEnvelope>
  /** The id of the exchange most recently created. */
  last(): ExchangeId
  state(id: ExchangeId): S
  events(id: ExchangeId): ReadonlyArray<EventEnvelope>
  exists(id: ExchangeId): boolean
  exchanges(): ReadonlyArray<ExchangeId>
  view(as: UserId | Viewer, id: ExchangeId): ExchangeView | undefined
  actions(as: UserId, id: ExchangeId): ReadonlyArray<ActionId>
  needsAction(as: UserId, id: ExchangeId): boolean
  /** Every notification caused so far, in order. */
  notifications(): ReadonlyArray<Notification>
  advance(ms: number): void
  context(as: UserId | Actor): Context
}

const actorOf = (directory: Directory, as: UserId | Actor): Actor => {
  if (typeof as !== 'string') return as
  const u = directory.user(as)
  return { kind: 'user', userId: as, authorityId: u?.authorityId ?? ('unknown' as AuthorityId) }
}

/**
 * Creates a harness for one procedure.
 *
 * @example
 * ```ts
 * import { requestForInformation } from '@imi-kit/core'
 * import { createHarness, world, U, PQ } from '@imi-kit/core/testing'
 * const h = createHarness(requestForInformation, world(), new Date('2026-03-02T09:00:00Z'))
 * h.ok(U.frHandler, { type: 'request.create', legislativeArea: PQ })
 * h.state(h.last()).status // 'draft'
 * ```
 * @category testing
 */
export const createHarness = <S>(procedure: AnyProcedure, directory: Directory, start: Date, ids: IdSource = sequentialIds('h')): Harness<S> => {
  const streams = new Map<ExchangeId, HarnessExchange<S>>()
  const notifications: Notification[] = []
  let last: ExchangeId | undefined
  const h: Harness<S> = {
    now: start,
    directory,
    ids,
    context: (as) => ({ now: h.now, actor: actorOf(h.directory, as), directory: h.directory, ids }),
    exec: (as, input) => {
      const decoded = decodeCommand(procedure, input)
      if (E.isLeft(decoded)) return decoded
      const command = decoded.right as { type: string; exchangeId?: ExchangeId }
      const current = command.exchangeId === undefined ? undefined : streams.get(command.exchangeId)
      const decided = procedure.decide(command, current?.state, h.context(as))
      if (E.isLeft(decided)) return decided
      const d = decided.right
      const apply = (id: ExchangeId, base: HarnessExchange<S> | undefined, events: ReadonlyArray<EventEnvelope>) => {
        let state = base?.state
        for (const e of events) {
          const next = procedure.evolve(state, e) as S
          notifications.push(...procedure.notifications(e, next, state))
          state = next
        }
        streams.set(id, { state: state as S, events: [...(base?.events ?? []), ...events] })
      }
      const ownId = command.exchangeId ?? d.events[0]?.exchangeId
      if (d.erase && ownId !== undefined) {
        // An erased exchange leaves no stream, but the events of its deletion still tell who must know.
        let state = streams.get(ownId)?.state
        for (const e of d.events) {
          const next = procedure.evolve(state, e) as S
          notifications.push(...procedure.notifications(e, next, state))
          state = next
        }
        streams.delete(ownId)
      }
      else if (ownId !== undefined && d.events.length > 0) apply(ownId, streams.get(ownId), d.events)
      if (command.exchangeId === undefined && ownId !== undefined) last = ownId
      for (const s of d.spawned) {
        apply(s.exchangeId, undefined, s.events)
        last = s.exchangeId
      }
      return E.right([...d.events, ...d.spawned.flatMap((s) => s.events)])
    },
    ok: (as, command) => {
      const r = h.exec(as, command)
      if (E.isLeft(r)) throw new Error(`${(command as { type?: string }).type ?? 'command'} refused: ${r.left.code} (${r.left.ruleId ?? 'no rule'}) ${r.left.message} ${JSON.stringify(r.left.details ?? {})}`)
      return r.right
    },
    last: () => {
      if (last === undefined) throw new Error('no exchange was created yet')
      return last
    },
    state: (id) => {
      const s = streams.get(id)
      if (s === undefined) throw new Error(`no exchange ${id}`)
      return s.state
    },
    events: (id) => streams.get(id)?.events ?? [],
    exists: (id) => streams.has(id),
    exchanges: () => [...streams.keys()],
    view: (as, id) => {
      const viewer = typeof as === 'string' ? viewerOf(h.directory, actorOf(h.directory, as)) : as
      return viewer === undefined ? undefined : (procedure.view(h.state(id), viewer) as ExchangeView | undefined)
    },
    actions: (as, id) => {
      const viewer = viewerOf(h.directory, actorOf(h.directory, as))
      return viewer === undefined ? [] : procedure.availableActions(h.state(id), viewer, h.context(as))
    },
    needsAction: (as, id) => {
      const viewer = viewerOf(h.directory, actorOf(h.directory, as))
      return viewer === undefined ? false : procedure.needsAction(h.state(id), viewer, h.context(as))
    },
    notifications: () => notifications,
    advance: (ms) => {
      h.now = new Date(h.now.getTime() + ms)
    },
  }
  return h
}
