/**
 * Fixtures for the worker's suites: an application over a given storage with the request and alert
 * procedures and the fixture world, and the steps that take exchanges to where the worker has work.
 * Not exported from the package.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Actor, ApplicationService, Clock, Directory, ExchangeId, Storage, UserId } from '@imi-kit/core'
import { createApplicationService, createProcedureRegistry, requestForInformation, sequentialIds } from '@imi-kit/core'
import { A, ALERT_START, U, alertDraft, pqDraft, testAlertProcedure } from '@imi-kit/core/testing'

/** The procedures the worker suites run. */
export const registry = createProcedureRegistry([requestForInformation, testAlertProcedure])

/** An application over `storage`; `name` keeps the ids of several applications on one storage apart. */
export const testApp = (storage: Storage, clock: Clock, directory: () => Directory, name = 'app'): ApplicationService =>
  createApplicationService({ registry, storage, clock, ids: sequentialIds(name), directory })

/** The actor of a fixture user. */
export const actor = (directory: Directory, userId: UserId): Actor => {
  const u = directory.user(userId)
  if (u === undefined) throw new Error(`no user ${userId}`)
  return { kind: 'user', userId, authorityId: u.authorityId }
}

/** Runs a command as a fixture user; fails the test when it is refused. */
export const run = async (app: ApplicationService, directory: Directory, userId: UserId, command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await app.execute(actor(directory, userId), command)
  if (E.isLeft(r)) throw new Error(`${String(command.type)} refused: ${r.left.code} ${r.left.message}`)
  return r.right.exchangeId
}

/** A request from the French competent authority, sent to the German one; returns its id. */
export const sentRequest = async (app: ApplicationService, directory: Directory): Promise<ExchangeId> => {
  const id = await run(app, directory, U.frHandler, pqDraft())
  await run(app, directory, U.frHandler, { type: 'request.send', exchangeId: id })
  return id
}

/**
 * An alert about a provider established in Germany, broadcast, forwarded in Germany and with a
 * closure proposed to the German NIMIC: its comment period runs, ending by a timer 10 days later.
 */
export const closureProposed = async (app: ApplicationService, directory: Directory): Promise<ExchangeId> => {
  const id = await run(app, directory, U.frAlertHandler, alertDraft({ establishment: 'DE' }))
  await run(app, directory, U.frAlertHandler, { type: 'alert.submit', exchangeId: id })
  await run(app, directory, U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id })
  await run(app, directory, U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id })
  await run(app, directory, U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id })
  await run(app, directory, U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
  await run(app, directory, U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: 'Mr Dupont has ceased his activity.', language: 'en' } })
  return id
}

/** The instant the worker suites start at. */
export const START = ALERT_START

/** A day, in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000
