// A back-office system runs a Services Directive alert through the core's application service.
import * as E from 'fp-ts/lib/Either.js'
import { ALERT_CRITERIA, createAlertProcedure, createApplicationService, createProcedureRegistry, fixedClock, sequentialIds } from '@imi-kit/core'
import type { Actor, ApplicationService, ExchangeId } from '@imi-kit/core'
import { A, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'

// 1. The comment and objection periods are agreed by the member states: the procedure has no default.
const alerts = createAlertProcedure({ commentPeriod: { days: 10 }, objectionPeriod: { days: 15 } })
const clock = fixedClock(new Date('2026-03-02T09:00:00Z'))
export const app: ApplicationService = createApplicationService({
  registry: createProcedureRegistry([alerts]),
  storage: createMemoryStorage(),
  clock,
  ids: sequentialIds('guide-alert'),
  directory: world(),
})

const user = (userId: (typeof U)[keyof typeof U], authorityId: (typeof A)[keyof typeof A]): Actor => ({ kind: 'user', userId, authorityId })
const sarah = user(U.frAlertHandler, A.frCa) // alert handler of a French authority
const adele = user(U.frNimicBroadcaster, A.frNimic) // broadcaster of the French coordinator and mailbox
const greta = user(U.deNimicBroadcaster, A.deNimic) // broadcaster of the German mailbox
const clara = user(U.deAlertHandler, A.deCa) // alert handler of a German authority
const luca = user(U.itNimicBroadcaster, A.itNimic) // broadcaster of the Italian mailbox

const run = async (actor: Actor, command: Record<string, unknown>): Promise<ExchangeId> => {
  const r = await app.execute(actor, command)
  if (E.isLeft(r)) throw new Error(`${r.left.code} [${r.left.ruleId ?? '-'}] ${r.left.message}`)
  return r.right.exchangeId
}
const statusSeenBy = async (actor: Actor, id: ExchangeId): Promise<string> => {
  const v = await app.view(actor, id)
  return E.isRight(v) ? v.right.displayedStatus : v.left.code
}

/** Launches, broadcasts and closes an alert; returns what each party saw on the way. */
export const alertFromLaunchToClosure = async (): Promise<Record<string, string>> => {
  // 2. Launch: a draft gets its number at once; submitting checks the criteria, provider, case,
  //    coordinator and recipient states. Submitting and broadcasting are distinct steps.
  const id = await run(sarah, {
    type: 'alert.create',
    checklist: ALERT_CRITERIA.map((c) => c.id),
    provider: { name: 'Ambulanzdienst Schnell GmbH' },
    serviceActivity: 'Non-emergency patient transport',
    establishment: 'DE',
    caseDescription: { text: 'Vehicles operated without valid sanitary certification.', language: 'en' },
    recipientStates: ['DE', 'IT'],
    coordinator: A.frNimic,
  })
  await run(sarah, { type: 'alert.submit', exchangeId: id })
  await run(adele, { type: 'alert.accept', exchangeId: id })
  await run(adele, { type: 'alert.broadcast', exchangeId: id })
  const seen: Record<string, string> = { 'Italian mailbox, after broadcast': await statusSeenBy(luca, id) }

  // 3. Each recipient state acknowledges and routes inside itself.
  await run(greta, { type: 'alert.acknowledge', exchangeId: id })
  await run(greta, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa] })
  await run(luca, { type: 'alert.acknowledge', exchangeId: id })

  // 4. Closure: proposed in the state of establishment; only that state sees it while it comments.
  await run(clara, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: 'Activity ceased.', language: 'en' } })
  seen['Germany, during comments'] = await statusSeenBy(clara, id)
  seen['Italy, during comments'] = await statusSeenBy(luca, id)

  // 5. Periods end by durable timers, fired by a worker as commands of the system actor.
  clock.advance(10 * 24 * 60 * 60 * 1000)
  await app.fireDueTimers()
  await run(greta, { type: 'alert.broadcast-closure-proposal', exchangeId: id, includedComments: [] })
  clock.advance(15 * 24 * 60 * 60 * 1000)
  await app.fireDueTimers()
  await run(greta, { type: 'alert.close', exchangeId: id })
  seen['Italy, after closure'] = await statusSeenBy(luca, id)
  return seen
}
