import * as E from 'fp-ts/lib/Either.js'
import { createApplicationService, createAlertProcedure, createProcedureRegistry, fixedClock, requestForInformation, sequentialIds, ALERT_CRITERIA } from '@imi-kit/core'
import type { Actor, ApplicationService, DomainError, ExchangeId, UserId, Viewer } from '@imi-kit/core'
import { A, U, world } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'

const DAY = 24 * 60 * 60 * 1000

/** What the alert demo did: the printed lines and the statuses each party saw, for the example's own test. */
export interface AlertDemoResult {
  readonly lines: ReadonlyArray<string>
  readonly finalStatus: string
  /** The status each party saw while Germany, the state of establishment, was commenting on the closure proposal. */
  readonly duringComments: Readonly<Record<string, string>>
  readonly exchangeId: ExchangeId
}

/**
 * Runs an alert from launch to closure: the French medical council warns Germany and Italy about a
 * patient-transport provider established in Germany; Germany proposes closure once the risk is gone.
 */
export const runAlertDemo = async (): Promise<AlertDemoResult> => {
  const directory = world()
  const clock = fixedClock(new Date('2026-03-02T08:30:00Z'))
  const app: ApplicationService = createApplicationService({
    registry: createProcedureRegistry([requestForInformation, createAlertProcedure({ commentPeriod: { days: 10 }, objectionPeriod: { days: 15 } })]),
    storage: createMemoryStorage(),
    clock,
    ids: sequentialIds('alert-demo'),
    directory,
  })
  const lines: string[] = []
  const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
  const name = (id: UserId) => {
    const u = directory.user(id)
    return u === undefined ? id : `${u.firstName} ${u.lastName} (${directory.authority(u.authorityId)?.name ?? u.authorityId})`
  }
  const run = async (who: UserId, command: Record<string, unknown>, days = 1): Promise<ExchangeId> => {
    const r = await app.execute(as(who), command)
    if (E.isLeft(r)) throw new Error(describe(r.left))
    lines.push(`${clock.now().toISOString().slice(0, 16)}  ${String(command.type).padEnd(32)} by ${name(who)}`)
    clock.advance(days * DAY)
    return r.right.exchangeId
  }
  const seenBy = async (who: UserId | 'commission', id: ExchangeId): Promise<string> => {
    if (who === 'commission') {
      const loaded = await app.load(id)
      if (E.isLeft(loaded)) return loaded.left.code
      const viewer: Viewer = { kind: 'commission' }
      return loaded.right.procedure.view(loaded.right.state, viewer)?.displayedStatus ?? 'nothing'
    }
    const v = await app.view(as(who), id)
    return E.isLeft(v) ? v.left.code : v.right.displayedStatus
  }

  const id = await run(U.frAlertHandler, {
    type: 'alert.create',
    checklist: ALERT_CRITERIA.map((c) => c.id),
    provider: { name: 'Ambulanzdienst Schnell GmbH', address: 'Hauptstraße 1, Berlin' },
    serviceActivity: 'Non-emergency patient transport',
    establishment: 'DE',
    caseDescription: { text: 'Vehicles operated without valid sanitary certification.', language: 'en' },
    recipientStates: ['DE', 'IT'],
    coordinator: A.frNimic,
  }, 0)
  await run(U.frAlertHandler, { type: 'alert.submit', exchangeId: id }, 0)
  await run(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId: id }, 0)
  await run(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId: id }, 0)
  lines.push(`  the Italian mailbox sees: ${await seenBy(U.itNimicBroadcaster, id)}`)
  await run(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id }, 0)
  await run(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId: id, authorities: [A.deCa, A.deCa2] })
  await run(U.itNimicBroadcaster, { type: 'alert.acknowledge', exchangeId: id }, 30)
  await run(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId: id, coordinator: A.deNimic, text: { text: 'Der Anbieter hat seine Tätigkeit eingestellt.', language: 'de' } }, 2)
  await run(U.de2AlertHandler, { type: 'alert.comment', exchangeId: id, text: { text: 'Bestätigt durch Vor-Ort-Kontrolle.', language: 'de' } }, 0)
  const duringComments = {
    'Germany (proposing closure)': await seenBy(U.deAlertHandler, id),
    'France (initiating)': await seenBy(U.frAlertHandler, id),
    Italy: await seenBy(U.itNimicBroadcaster, id),
    Commission: await seenBy('commission', id),
  }
  lines.push('  while Germany comments, the status seen by:')
  for (const [who, status] of Object.entries(duringComments)) lines.push(`    ${who.padEnd(28)} ${status}`)
  clock.advance(8 * DAY)
  lines.push(`${clock.now().toISOString().slice(0, 16)}  the worker fired ${await app.fireDueTimers()} timer (end of the comment period)`)
  const loaded = await app.load(id)
  const comments = E.isRight(loaded) ? ((loaded.right.state as { closure?: { comments: ReadonlyArray<{ id: string }> } }).closure?.comments ?? []) : []
  await run(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId: id, includedComments: comments.map((c) => c.id) }, 15)
  lines.push(`${clock.now().toISOString().slice(0, 16)}  the worker fired ${await app.fireDueTimers()} timer (end of the objection period)`)
  await run(U.deNimicBroadcaster, { type: 'alert.close', exchangeId: id }, 0)

  const final = await app.view(as(U.itNimicBroadcaster), id)
  if (E.isLeft(final)) throw new Error(describe(final.left))
  lines.push('')
  lines.push(`Alert ${final.right.number}: ${final.right.status}; Italy now sees it ${final.right.access === 'full' ? 'in full' : 'without personal data'}`)
  lines.push('')
  lines.push('Management information — history, as Italy sees it:')
  for (const h of final.right.history) {
    const who = h.actor.kind === 'user' ? name(h.actor.userId) : 'system'
    lines.push(`  ${h.at.slice(0, 16)}  ${h.action.padEnd(34)} ${(h.from ?? '—').padEnd(28)} → ${h.to.padEnd(28)} ${who}`)
  }
  return { lines, finalStatus: final.right.status, duringComments, exchangeId: id }
}

const describe = (e: DomainError) => `${e.code}${e.ruleId === undefined ? '' : ` [${e.ruleId}]`}: ${e.message}`
