/**
 * The request lifecycle (create, send, accept, message, reply, close) as data, shared by the crash
 * test, its writer process, the storage benchmarks and the seeding script. Not exported from the
 * package.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, ApplicationService, Clock, Directory, ExchangeId, IdSource } from '@imi-kit/core'
import { A, PQ, REQUEST_START, U } from '@imi-kit/core/testing'

/** Which side runs a step. */
export type LifecycleSide = 'requesting' | 'responding'

/** One command of the lifecycle, and the event type that shows it was done. */
export interface LifecycleStep {
  readonly side: LifecycleSide
  readonly doneBy: string
  command(exchangeId: ExchangeId | undefined, n: number): Readonly<Record<string, unknown>>
}

/** The six commands, in order; `request.create` takes no exchange id. */
export const LIFECYCLE: ReadonlyArray<LifecycleStep> = [
  {
    side: 'requesting',
    doneBy: 'request.created',
    command: (_id, n) => ({
      type: 'request.create',
      legislativeArea: PQ,
      questionSetId: 'pq.general',
      addressee: A.deCa,
      caseData: { name: `Subject ${n}`, profession: 'Médecin' },
      questions: [{ questionId: 'pq.establishment.legally-established', parameters: { profession: 'Médecin' } }],
      deadline: '2026-04-01',
    }),
  },
  { side: 'requesting', doneBy: 'request.sent', command: (exchangeId) => ({ type: 'request.send', exchangeId }) },
  { side: 'responding', doneBy: 'request.accepted', command: (exchangeId) => ({ type: 'request.accept', exchangeId }) },
  {
    side: 'responding',
    doneBy: 'request.message-added',
    command: (exchangeId) => ({ type: 'request.add-message', exchangeId, text: { text: 'Wir prüfen den Fall.', language: 'de' } }),
  },
  {
    side: 'responding',
    doneBy: 'request.replied',
    command: (exchangeId) => ({ type: 'request.reply', exchangeId, answers: [{ questionId: 'pq.establishment.legally-established', answerId: 'yes' }] }),
  },
  { side: 'requesting', doneBy: 'request.closed', command: (exchangeId) => ({ type: 'request.close', exchangeId }) },
]

/** The step that comes after the events of a stream, or undefined when the lifecycle is over. */
export const nextStep = (eventTypes: ReadonlyArray<string>): LifecycleStep | undefined => {
  const done = new Set(eventTypes)
  return LIFECYCLE.find((s) => !done.has(s.doneBy))
}

/** The acting users of both sides in the fixture directory. */
export const lifecycleActors = (directory: Directory): Readonly<Record<LifecycleSide, Actor>> => {
  const as = (id: (typeof U)[keyof typeof U]): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
  return { requesting: as(U.frHandler), responding: as(U.deHandler) }
}

/** Runs one step, throwing on a refusal: the lifecycle is valid, so a refusal is a bug. */
export const runStep = async (
  app: ApplicationService,
  actors: Readonly<Record<LifecycleSide, Actor>>,
  step: LifecycleStep,
  exchangeId: ExchangeId | undefined,
  n: number,
): Promise<ExchangeId> => {
  const r = await app.execute(actors[step.side], step.command(exchangeId, n))
  if (E.isLeft(r)) throw new Error(`${r.left.code}: ${r.left.message}`)
  return r.right.exchangeId
}

/** Runs whole lifecycles; `onCommand` is called after each command. */
export const runLifecycles = async (
  app: ApplicationService,
  actors: Readonly<Record<LifecycleSide, Actor>>,
  lifecycles: number,
  onCommand: () => void = () => undefined,
): Promise<void> => {
  for (let i = 0; i < lifecycles; i++) {
    let id: ExchangeId | undefined
    for (const step of LIFECYCLE) {
      id = await runStep(app, actors, step, id, i)
      onCommand()
    }
  }
}

/** Ids that differ from one run to the next, numbers included, so that several runs can share a database. */
export const taggedIds = (tag: string): IdSource => {
  let exchanges = 0
  let numbers = 0
  let items = 0
  return {
    exchangeId: () => `${tag}-x${++exchanges}` as ExchangeId,
    exchangeNumber: (p) => `${p}-${tag}-${String(++numbers).padStart(6, '0')}`,
    itemId: () => `${tag}-i${++items}`,
  }
}

/** A clock that starts on the fixtures' date (before the lifecycle's deadline) and moves a second per reading. */
export const tickingClock = (start: Date = REQUEST_START): Clock => {
  let ticks = 0
  return { now: () => new Date(start.getTime() + 1000 * ticks++) }
}
