/**
 * The application service: runs a command of any registered procedure against the ports — load the
 * stream, fold, decide, and commit events, timers, notifications and summaries in one unit.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, Viewer } from '../model/actor.js'
import { viewerOf } from '../model/actor.js'
import { listingScope } from '../procedure/listing.js'
import type { Context, IdSource } from '../model/context.js'
import type { Directory } from '../model/directory.js'
import type { DomainError } from '../model/errors.js'
import { domainError } from '../model/errors.js'
import { extractPersonalData } from '../model/personal-data.js'
import type { ExchangeId } from '../model/ids.js'
import type { ActionId, AnyProcedure, EventEnvelope, ExchangeSummary, ExchangeView, Notification, ProcedureRegistry, Timer } from '../procedure/procedure.js'
import type { Changes, Clock, Storage, StoredEvent } from './ports.js'
import { decodeRegisteredCommand } from './decode.js'

/**
 * What a command did.
 *
 * @category application
 */
export interface ExecutionResult {
  /** The exchange the command addressed or created. */
  readonly exchangeId: ExchangeId
  /** Its version after the command; 0 when the command erased it. */
  readonly version: number
  readonly events: ReadonlyArray<EventEnvelope>
  /** Exchanges the command started (split, copy). */
  readonly spawned: ReadonlyArray<ExchangeId>
  readonly notifications: ReadonlyArray<Notification>
}

/**
 * The options of {@link createApplicationService}.
 *
 * @category application
 */
export interface ApplicationOptions {
  readonly registry: ProcedureRegistry
  readonly storage: Storage
  readonly clock: Clock
  readonly ids: IdSource
  /** The directory to decide against; a function, so that callers can hand a fresh snapshot each time. */
  readonly directory: Directory | (() => Directory)
  /** How often a command is decided again after a concurrent write, before giving up. Default 3. */
  readonly retries?: number
  /** How many folded exchange states to keep between commands. Default 10,000. */
  readonly cacheSize?: number
}

/**
 * A loaded exchange: its procedure, state and stored events.
 *
 * @category application
 */
export interface LoadedExchange {
  readonly procedure: AnyProcedure
  readonly state: unknown
  readonly events: ReadonlyArray<StoredEvent>
}

/**
 * The application service of imi-kit.
 *
 * @category application
 */
export interface ApplicationService {
  /** Validates and runs a command as `actor`. Never throws on bad input: it returns a {@link DomainError}. */
  execute(actor: Actor, command: unknown): Promise<E.Either<DomainError, ExecutionResult>>
  /** Loads and folds an exchange, whoever asks (for trusted back-office code). */
  load(exchangeId: ExchangeId): Promise<E.Either<DomainError, LoadedExchange>>
  /** What `actor` may see of an exchange; `exchange.not-found` when nothing. */
  view(actor: Actor, exchangeId: ExchangeId): Promise<E.Either<DomainError, ExchangeView>>
  /** The actions `actor` may take on an exchange now. */
  availableActions(actor: Actor, exchangeId: ExchangeId): Promise<E.Either<DomainError, ReadonlyArray<ActionId>>>
  /** The exchanges waiting for an action by `actor`, drafts of their authority included. */
  actionList(actor: Actor): Promise<E.Either<DomainError, ReadonlyArray<ExchangeSummary>>>
  /** Fires the timers due now as commands of the `system` actor; returns how many fired. */
  fireDueTimers(limit?: number): Promise<number>
}

const directoryOf = (d: ApplicationOptions['directory']): Directory => (typeof d === 'function' ? d() : d)

/** Takes an event's personal data out, by its procedure's schema, for the vault. */
const vaultOut = (procedure: AnyProcedure, e: EventEnvelope): { readonly event: EventEnvelope; readonly personal: ReadonlyArray<unknown> } => {
  const codec = procedure.eventCodec(e.type)
  if (codec === undefined) return { event: e, personal: [] }
  const { value, personal } = extractPersonalData(codec, e)
  return { event: value as EventEnvelope, personal }
}

/**
 * Runs a storage call; a rejection (a lost connection, a row that cannot be read) becomes a
 * DomainError, so that no command or query of the service throws.
 */
const guarded = async <A>(call: () => Promise<A>): Promise<E.Either<DomainError, A>> => {
  try {
    return E.right(await call())
  } catch (error) {
    const tagged = error as { _tag?: unknown; streamId?: unknown; version?: unknown; position?: unknown; message?: unknown }
    return E.left(
      tagged._tag === 'CorruptEvent'
        ? domainError('exchange.corrupt-event', String(tagged.message), undefined, { exchangeId: tagged.streamId, version: tagged.version, position: tagged.position })
        : domainError('storage.unavailable', 'The storage did not answer; nothing was changed by this call'),
    )
  }
}

const notFound = (id: ExchangeId) => domainError('exchange.not-found', `There is no exchange ${id} you may see`, undefined, { exchangeId: id })

/**
 * Builds the application service over the given ports.
 *
 * @example
 * ```ts
 * import { createApplicationService, createProcedureRegistry, requestForInformation, sequentialIds, fixedClock, createDirectory, LEGISLATIVE_AREAS, QUESTION_SETS } from '@imi-kit/core'
 * import { createMemoryStorage } from '@imi-kit/storage-adapters'
 * const app = createApplicationService({
 *   registry: createProcedureRegistry([requestForInformation]),
 *   storage: createMemoryStorage(),
 *   clock: fixedClock(new Date('2026-03-02T09:00:00Z')),
 *   ids: sequentialIds('demo'),
 *   directory: createDirectory({ authorities: [], users: [], legislativeAreas: LEGISLATIVE_AREAS, questionSets: QUESTION_SETS }),
 * })
 * ```
 * @category application
 */
export const createApplicationService = (options: ApplicationOptions): ApplicationService => {
  const { registry, storage, clock, ids } = options
  const retries = options.retries ?? 3

  // Events never change once stored, so a folded state stays valid for the prefix of the stream it
  // was folded from: later loads fold only the events appended since. Bounded, oldest out first.
  const folded = new Map<ExchangeId, { readonly version: number; readonly state: unknown }>()
  const remember = (id: ExchangeId, version: number, state: unknown) => {
    folded.delete(id)
    folded.set(id, { version, state })
    if (folded.size > (options.cacheSize ?? 10_000)) folded.delete(folded.keys().next().value as ExchangeId)
  }

  const load = async (exchangeId: ExchangeId): Promise<E.Either<DomainError, LoadedExchange>> => {
    const read = await guarded(() => storage.events.read(exchangeId))
    if (E.isLeft(read)) return read
    const stored = read.right
    const first = stored[0]
    if (first === undefined) {
      folded.delete(exchangeId)
      return E.left(notFound(exchangeId))
    }
    const procedure = registry.get(first.event.procedure)
    if (procedure === undefined)
      return E.left(domainError('exchange.procedure-unknown', `The procedure ${first.event.procedure} is not registered`, undefined, { exchangeId }))
    const cached = folded.get(exchangeId)
    const from = cached !== undefined && cached.version <= stored.length ? cached : { version: 0, state: undefined }
    let state = from.state
    // Every event is decoded by its procedure's codec before it is folded: a row that does not decode
    // is reported, naming where it is, and never folded into a state.
    for (const e of stored.slice(from.version)) {
      const decoded = procedure.events.decode(e.event)
      if (E.isLeft(decoded))
        return E.left(
          domainError('exchange.corrupt-event', `The stored event at version ${e.version} of exchange ${exchangeId} cannot be read`, undefined, {
            exchangeId,
            version: e.version,
            position: e.position,
          }),
        )
      state = procedure.evolve(state, decoded.right)
    }
    remember(exchangeId, stored.length, state)
    return E.right({ procedure, state, events: stored })
  }

  const viewerFor = (actor: Actor, directory: Directory): E.Either<DomainError, Viewer> => {
    const v = viewerOf(directory, actor)
    return v === undefined ? E.left(domainError('actor.unknown', 'The acting user is not registered with that authority')) : E.right(v)
  }

  const attempt = async (actor: Actor, command: { readonly type: string; readonly exchangeId?: ExchangeId }, procedure: AnyProcedure): Promise<E.Either<DomainError | 'conflict', ExecutionResult>> => {
    const creation = procedure.creationActions.includes(command.type)
    let before: unknown = undefined
    let version = 0
    if (!creation) {
      const id = command.exchangeId as ExchangeId
      const loaded = await load(id)
      if (E.isLeft(loaded)) return loaded
      if (loaded.right.procedure.id !== procedure.id)
        return E.left(domainError('exchange.wrong-procedure', `${command.type} does not apply to a ${loaded.right.procedure.id} exchange`))
      before = loaded.right.state
      version = loaded.right.events.length
    }
    const directory = directoryOf(options.directory)
    const ctx: Context = { now: clock.now(), actor, directory, ids }
    const decided = procedure.decide(command, before, ctx)
    if (E.isLeft(decided)) return decided
    const decision = decided.right
    const ownId = (creation ? decision.events[0]?.exchangeId : command.exchangeId) as ExchangeId | undefined
    const notifications: Notification[] = []
    const timers: Array<{ exchangeId: ExchangeId; timers: ReadonlyArray<Timer> }> = []
    const summaries: ExchangeSummary[] = []
    const fold = (start: unknown, events: ReadonlyArray<EventEnvelope>): unknown =>
      events.reduce<unknown>((s, e) => {
        const next = procedure.evolve(s, e)
        notifications.push(...procedure.notifications(e, next, s))
        return next
      }, start)
    const streams: Array<{ id: ExchangeId; expected: number; events: ReadonlyArray<EventEnvelope>; state: unknown }> = []
    // An erased exchange keeps no stream, but the events of its deletion still cause their notifications.
    if (ownId !== undefined && decision.events.length > 0 && decision.erase) fold(before, decision.events)
    else if (ownId !== undefined && decision.events.length > 0) streams.push({ id: ownId, expected: version, events: decision.events, state: fold(before, decision.events) })
    for (const s of decision.spawned) streams.push({ id: s.exchangeId, expected: 0, events: s.events, state: fold(undefined, s.events) })
    for (const s of streams) {
      timers.push({ exchangeId: s.id, timers: procedure.timers(s.state) })
      summaries.push(procedure.summary(s.state))
    }
    const vaulted = (events: ReadonlyArray<EventEnvelope>) => events.map((e) => vaultOut(procedure, e))
    const changes: Changes = {
      at: ctx.now.toISOString(),
      appends: streams.map((s) => {
        const v = vaulted(s.events)
        return { streamId: s.id, procedure: procedure.id, expectedVersion: s.expected, events: v.map((x) => x.event), personal: v.map((x) => x.personal) }
      }),
      erasePersonalData: streams.filter((s) => s.events.some((e) => procedure.erasesPersonalData(e))).map((s) => s.id),
      erase: decision.erase && ownId !== undefined ? [{ streamId: ownId, expectedVersion: version }] : [],
      timers,
      notifications,
      summaries,
    }
    const written = await guarded(() => storage.commit(changes))
    if (E.isLeft(written)) return written
    const committed = written.right
    if (E.isLeft(committed)) return E.left('conflict')
    for (const st of streams) remember(st.id, st.expected + st.events.length, st.state)
    if (decision.erase && ownId !== undefined) folded.delete(ownId)
    const own = streams.find((s) => s.id === ownId)
    return E.right({
      exchangeId: (ownId ?? decision.spawned[0]?.exchangeId) as ExchangeId,
      version: decision.erase ? 0 : own === undefined ? version : version + own.events.length,
      events: decision.events,
      spawned: decision.spawned.map((s) => s.exchangeId),
      notifications,
    })
  }

  const execute: ApplicationService['execute'] = async (actor, input) => {
    const decoded = decodeRegisteredCommand(registry, input)
    if (E.isLeft(decoded)) return decoded
    const { procedure, command } = decoded.right
    for (let i = 0; ; i++) {
      const r = await attempt(actor, command as { type: string; exchangeId?: ExchangeId }, procedure)
      if (E.isRight(r) || r.left !== 'conflict') return r as E.Either<DomainError, ExecutionResult>
      if (i >= retries) return E.left(domainError('exchange.concurrent-update', 'The exchange changed meanwhile; try again'))
    }
  }

  const withViewer = async <A>(actor: Actor, exchangeId: ExchangeId, f: (l: LoadedExchange, viewer: Viewer, directory: Directory) => E.Either<DomainError, A>) => {
    const directory = directoryOf(options.directory)
    const viewer = viewerFor(actor, directory)
    if (E.isLeft(viewer)) return viewer
    const loaded = await load(exchangeId)
    if (E.isLeft(loaded)) return loaded
    return f(loaded.right, viewer.right, directory)
  }

  return {
    execute,
    load,
    view: (actor, exchangeId) =>
      withViewer(actor, exchangeId, (l, viewer) => {
        const v = l.procedure.view(l.state, viewer)
        return v === undefined ? E.left(notFound(exchangeId)) : E.right(v)
      }),
    availableActions: (actor, exchangeId) =>
      withViewer(actor, exchangeId, (l, viewer, directory) =>
        l.procedure.view(l.state, viewer) === undefined
          ? E.left(notFound(exchangeId))
          : E.right(l.procedure.availableActions(l.state, viewer, { now: clock.now(), actor, directory, ids })),
      ),
    actionList: async (actor) => {
      const directory = directoryOf(options.directory)
      const viewer = viewerFor(actor, directory)
      if (E.isLeft(viewer)) return viewer
      const scope = listingScope(viewer.right)
      if (scope === undefined) return E.right([])
      const found = await guarded(() => storage.projections.find({ scope }))
      if (E.isLeft(found)) return found
      const candidates = found.right
      const out: ExchangeSummary[] = []
      for (const s of candidates) {
        const l = await load(s.exchangeId)
        if (E.isRight(l) && l.right.procedure.needsAction(l.right.state, viewer.right, { now: clock.now(), actor, directory, ids })) out.push(s)
      }
      return E.right(out)
    },
    fireDueTimers: async (limit = 100) => {
      const due = await storage.timers.claimDue(clock.now(), limit)
      let fired = 0
      for (const t of due) {
        const r = await execute({ kind: 'system' }, t.command)
        // A timer whose command is refused (already done, state moved on) is still complete: it must not fire again.
        if (E.isRight(r)) fired++
        await storage.timers.complete(t.exchangeId, t.id)
      }
      return fired
    },
  }
}
