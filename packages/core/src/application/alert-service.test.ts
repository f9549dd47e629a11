/**
 * The alert procedure through the application service, over the memory storage: action lists read
 * from stored summaries and folded streams, and views per member state.
 */
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import type { Actor, AlertContentView, ApplicationService, ExchangeId, ExchangeSummary, ExchangeView, UserId } from '../index.js'
import { createApplicationService, createProcedureRegistry, fixedClock, listedStatus, listingScope, requestForInformation, sequentialIds, viewerOf } from '../index.js'
import { A, ALERT_START, DAY, TEST_ALERT_POLICY, U, alertDraft, testAlertProcedure, world } from '../testing/index.js'

const directory = world()
const as = (id: UserId): Actor => ({ kind: 'user', userId: id, authorityId: directory.user(id)?.authorityId ?? A.frCa })
const en = (text: string) => ({ text, language: 'en' }) as const

const setup = () => {
  const clock = fixedClock(ALERT_START)
  const storage = createMemoryStorage({ clock })
  const app = createApplicationService({
    registry: createProcedureRegistry([requestForInformation, testAlertProcedure]),
    storage,
    clock,
    ids: sequentialIds('svc'),
    directory,
  })
  const run = async (who: UserId | Actor, command: Record<string, unknown>) => {
    const r = await app.execute(typeof who === 'string' ? as(who) : who, command)
    if (E.isLeft(r)) throw new Error(`${String(command.type)} refused: ${r.left.code} (${r.left.ruleId ?? 'no rule'})`)
    clock.advance(60_000)
    return r.right
  }
  return { app, clock, run }
}

const listed = async (app: ApplicationService, who: UserId): Promise<ReadonlyArray<ExchangeId>> => {
  const r = await app.actionList(as(who))
  if (E.isLeft(r)) throw new Error(r.left.code)
  return r.right.map((s: ExchangeSummary) => s.exchangeId)
}

const viewOf = async (app: ApplicationService, who: UserId, id: ExchangeId): Promise<ExchangeView<AlertContentView> | undefined> => {
  const r = await app.view(as(who), id)
  return E.isRight(r) ? (r.right as ExchangeView<AlertContentView>) : undefined
}

/** Creates, submits, accepts and broadcasts an alert about a provider established in `establishment`. */
const broadcast = async (run: ReturnType<typeof setup>['run'], establishment = 'FR'): Promise<ExchangeId> => {
  const { exchangeId } = await run(U.frAlertHandler, alertDraft({ establishment }))
  await run(U.frAlertHandler, { type: 'alert.submit', exchangeId })
  await run(U.frNimicBroadcaster, { type: 'alert.accept', exchangeId })
  await run(U.frNimicBroadcaster, { type: 'alert.broadcast', exchangeId })
  return exchangeId
}

describe('alerts through the application service', () => {
  it('[MAIL-ALERT-SUBMITTED][ALERT-ACCEPT-SUBMITTED] lists a submitted alert for the broadcasters of the selected coordinator, not yet for the recipients', async () => {
    const { app, run } = setup()
    const { exchangeId } = await run(U.frAlertHandler, alertDraft())
    await run(U.frAlertHandler, { type: 'alert.submit', exchangeId })
    expect(await listed(app, U.frNimicBroadcaster)).toEqual([exchangeId])
    expect(await listed(app, U.deNimicBroadcaster)).toEqual([])
    expect(await listed(app, U.frAlertHandler)).toEqual([])
  })

  it('[ALERT-ACK-PER-MS][ALERT-MAILBOX-ACKNOWLEDGE][SRCH-ALERT-LIST-SCOPE] lists a broadcast alert for the German mailbox until it is acknowledged and forwarded', async () => {
    const { app, run } = setup()
    const exchangeId = await broadcast(run)
    // Broadcast: the German mailbox has an alert awaiting acknowledgement.
    expect(await listed(app, U.deNimicBroadcaster)).toEqual([exchangeId])
    expect(await listed(app, U.itNimicBroadcaster)).toEqual([exchangeId])
    const incoming = await viewOf(app, U.deNimicBroadcaster, exchangeId)
    expect(incoming?.status).toBe('broadcast')
    expect(incoming?.displayedStatus).toBe('awaiting-acknowledgement')
    // The list shows the mailbox the same status as the view.
    const viewer = viewerOf(directory, as(U.deNimicBroadcaster))
    const scope = viewer === undefined ? undefined : listingScope(viewer)
    const loaded = await app.load(exchangeId)
    const summary = E.isRight(loaded) ? loaded.right.procedure.summary(loaded.right.state) : undefined
    expect(summary !== undefined && scope !== undefined && listedStatus(summary, scope)).toBe('awaiting-acknowledgement')
    const actions = await app.availableActions(as(U.deNimicBroadcaster), exchangeId)
    expect(E.isRight(actions) && actions.right).toContain('alert.acknowledge')

    await run(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId })
    await run(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId, authorities: [A.deCa, A.deCa2] })
    // Acknowledged and forwarded: nothing waits for the German mailbox any more, nor for the authorities it forwarded to.
    expect(await listed(app, U.deNimicBroadcaster)).toEqual([])
    expect(await listed(app, U.deAlertHandler)).toEqual([])
    expect((await viewOf(app, U.deNimicBroadcaster, exchangeId))?.displayedStatus).toBe('broadcast')
    // Italy has not acknowledged yet: the alert still waits for its mailbox.
    expect(await listed(app, U.itNimicBroadcaster)).toEqual([exchangeId])
    // The alert is still found, and readable, by the German handlers it was forwarded to.
    expect((await viewOf(app, U.deAlertHandler, exchangeId))?.access).toBe('full')
  })

  it('[ALERT-DISPLAY-OTHER-MS][ALERT-COMMENT-WHO] hides a closure proposal from Italy until it is broadcast', async () => {
    const { app, clock, run } = setup()
    const exchangeId = await broadcast(run, 'DE')
    await run(U.deNimicBroadcaster, { type: 'alert.acknowledge', exchangeId })
    await run(U.deNimicBroadcaster, { type: 'alert.forward-within-state', exchangeId, authorities: [A.deCa] })
    await run(U.itNimicBroadcaster, { type: 'alert.acknowledge', exchangeId })
    await run(U.deAlertHandler, { type: 'alert.propose-closure', exchangeId, coordinator: A.deNimic, text: en('The provider ceased trading.') })

    // Germany, the state proposing closure, sees the proposal; the German mailbox may comment on it.
    const german = await viewOf(app, U.deNimicBroadcaster, exchangeId)
    expect(german?.displayedStatus).toBe('closure-open-for-comments')
    expect(german?.content?.closure?.text).toEqual(en('The provider ceased trading.'))
    const germanActions = await app.availableActions(as(U.deNimicBroadcaster), exchangeId)
    expect(E.isRight(germanActions) && germanActions.right).toContain('alert.comment')

    // Italy sees a broadcast alert: no proposal, no history entry of it, no status that gives it away.
    const italian = await viewOf(app, U.itNimicBroadcaster, exchangeId)
    expect(italian?.access).toBe('full')
    expect(italian?.status).toBe('broadcast')
    expect(italian?.displayedStatus).toBe('broadcast')
    expect(italian?.content?.closure).toBeUndefined()
    expect(italian?.history.map((e) => e.action)).not.toContain('alert.closure-proposed')
    expect(italian?.history.flatMap((e) => [e.from, e.to])).not.toContain('closure-open-for-comments')
    const italianActions = await app.availableActions(as(U.itNimicBroadcaster), exchangeId)
    expect(E.isRight(italianActions) && italianActions.right).not.toContain('alert.comment')
    // An Italian authority that did not receive the alert finds nothing at all.
    const outsider = await app.view(as(U.itAlertHandler), exchangeId)
    expect(E.isLeft(outsider) && outsider.left.code).toBe('exchange.not-found')

    // Once the closure coordinator broadcasts the proposal, Italy sees it and its history.
    clock.advance(TEST_ALERT_POLICY.commentPeriod.days * DAY)
    expect(await app.fireDueTimers()).toBe(1)
    await run(U.deNimicBroadcaster, { type: 'alert.broadcast-closure-proposal', exchangeId, includedComments: [] })
    const revealed = await viewOf(app, U.itNimicBroadcaster, exchangeId)
    expect(revealed?.displayedStatus).toBe('closure-open-for-objections')
    expect(revealed?.content?.closure?.text).toEqual(en('The provider ceased trading.'))
    expect(revealed?.history.map((e) => e.action)).toEqual(expect.arrayContaining(['alert.closure-proposed', 'alert.comment-period-ended', 'alert.closure-proposal-broadcast']))
  })
})
