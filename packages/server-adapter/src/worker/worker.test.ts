/**
 * The worker over the memory storage: timers fired once however many workers run, and the outbox
 * delivered one e-mail per recipient, with retries, back-off and dead letters.
 */
import { describe, expect, it } from 'vitest'
import type { Directory, Storage, TimerStore } from '@imi-kit/core'
import { fixedClock } from '@imi-kit/core'
import { A, allocationOn, world, worldData } from '@imi-kit/core/testing'
import { createMemoryStorage } from '@imi-kit/storage-adapters'
import type { MailError, MailMessage } from '../mail/mailer.js'
import { createRecordingMailer, mailError } from '../mail/mailer.js'
import { exponentialBackoff } from './backoff.js'
import type { WorkerOptions } from './worker.js'
import { createWorker } from './worker.js'
import { DAY_MS, START, closureProposed, sentRequest, testApp } from './testing/worker-fixtures.js'

const BASE_URL = 'https://imi.example.org'
const backoff = exponentialBackoff({ initialMs: 60_000, maxMs: 600_000 })

/** One memory storage, its clock, an application that writes to it, and a directory that tests may change. */
const setup = () => {
  const clock = fixedClock(START)
  const storage = createMemoryStorage({ clock })
  let directory: Directory = world()
  const current = () => directory
  const app = testApp(storage, clock, current)
  return {
    clock,
    storage,
    app,
    directory: current,
    setDirectory: (d: Directory) => {
      directory = d
    },
  }
}
type Setup = ReturnType<typeof setup>

const workerOf = (s: Setup, mailer: WorkerOptions['mailer'], options: Partial<WorkerOptions> = {}) =>
  createWorker({ app: s.app, storage: s.storage, directory: s.directory, mailer, clock: s.clock, baseUrl: BASE_URL, backoff, ...options })

const to = (mails: ReadonlyArray<MailMessage>) => mails.map((m) => m.to).sort()

describe('timers', () => {
  it('fires each due timer exactly once as the system actor, with five workers running at once on one storage', async () => {
    const s = setup()
    const ids = []
    for (let i = 0; i < 8; i++) ids.push(await closureProposed(s.app, s.directory()))
    const mailer = createRecordingMailer()
    // Each worker has its own application, as separate processes would; the timers each one claims are recorded.
    const claimed: string[] = []
    const workers = Array.from({ length: 5 }, (_, w) => {
      const timers: TimerStore = {
        claimDue: async (now, limit) => {
          const due = await s.storage.timers.claimDue(now, limit)
          claimed.push(...due.map((t) => `${t.exchangeId}/${t.id}`))
          return due
        },
        complete: (exchangeId, id) => s.storage.timers.complete(exchangeId, id),
      }
      const storage: Storage = { ...s.storage, timers }
      return createWorker({ app: testApp(storage, s.clock, s.directory, `w${w}`), storage, directory: s.directory, mailer, clock: s.clock, baseUrl: BASE_URL })
    })
    // nothing is due before the end of the comment period
    await Promise.all(workers.map((w) => w.runOnce()))
    s.clock.advance(10 * DAY_MS - 1)
    expect((await Promise.all(workers.map((w) => w.runOnce()))).reduce((n, r) => n + r.timersFired, 0)).toBe(0)
    mailer.clear()
    // when it ends, the five workers together fire each timer once
    s.clock.advance(1)
    const runs = await Promise.all(workers.map((w) => w.runOnce()))
    expect(runs.reduce((n, r) => n + r.timersFired, 0)).toBe(8)
    // each timer was claimed by one worker only, so its command ran once
    expect(claimed).toHaveLength(8)
    expect(new Set(claimed)).toEqual(new Set(ids.map((id) => `${id}/closure.comments-end`)))
    for (const id of ids) {
      const ended = (await s.storage.events.read(id)).filter((e) => e.event.type === 'alert.comment-period-ended')
      expect(ended).toHaveLength(1)
      expect(ended[0]?.event.actor).toEqual({ kind: 'system' })
    }
    // and their messages go out once: the German NIMIC's broadcasters, one e-mail each per alert
    const ids8 = new Set(mailer.sent.map((m) => m.headers?.['Message-ID']))
    expect(ids8.size).toBe(mailer.sent.length)
    expect(mailer.sent.filter((m) => m.headers?.['X-IMI-Message'] === 'alert.comment-period-ended')).toHaveLength(8 * 2)
    // a later run finds nothing left
    const again = await Promise.all(workers.map((w) => w.runOnce()))
    expect(again.reduce((n, r) => n + r.timersFired + r.delivered, 0)).toBe(0)
  })
})

describe('outbox delivery', () => {
  it('[MAIL-INCOMING-ALLOC-OFF] a new request reaches each handler of the addressee and its mailbox, one e-mail each in their language, once', async () => {
    const s = setup()
    const id = await sentRequest(s.app, s.directory())
    const mailer = createRecordingMailer()
    const worker = workerOf(s, mailer)
    expect(await worker.runOnce()).toEqual({ timersFired: 0, delivered: 1, retried: 0, deadLettered: 0, mailsSent: 3, reportsDeleted: 0 })
    expect(to(mailer.sent)).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-handler-2@users.example', 'de-ca-handler@users.example'])
    for (const m of mailer.sent) {
      expect(m.subject).toBe('IMI: neues Ersuchen REQ-000001 wartet auf Annahme')
      expect(m.text).toContain(`${BASE_URL}/exchanges/${id}`)
    }
    expect(await worker.runOnce()).toEqual({ timersFired: 0, delivered: 0, retried: 0, deadLettered: 0, mailsSent: 0, reportsDeleted: 0 })
    expect(s.storage.pendingOutbox()).toEqual([])
  })

  it('[MAIL-INCOMING-ALLOC-ON] recipients are resolved at delivery: allocation switched on meanwhile sends the request to the allocators', async () => {
    const s = setup()
    await sentRequest(s.app, s.directory())
    s.setDirectory(world(allocationOn(worldData(), A.deCa)))
    const mailer = createRecordingMailer()
    await workerOf(s, mailer).runOnce()
    expect(to(mailer.sent)).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-allocator@users.example', 'de-ca-lda@users.example'])
  })

  it('retries only the e-mails that failed, with back-off, the same Message-ID each time, and no duplicate to those already reached', async () => {
    const s = setup()
    await sentRequest(s.app, s.directory())
    const tries: MailMessage[] = []
    let refusals = 2
    const mailer = createRecordingMailer((m) => {
      if (m.to !== 'de-ca-handler-2@users.example') return undefined
      tries.push(m)
      return refusals-- > 0 ? mailError('transient', '451 4.3.0 Try again later', { responseCode: 451 }) : undefined
    })
    const worker = workerOf(s, mailer)
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 1, mailsSent: 2 })
    // not before its retry instant: one minute after the first failure
    s.clock.advance(backoff(1) - 1)
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 0, mailsSent: 0 })
    s.clock.advance(1)
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 1, mailsSent: 0 })
    expect(s.storage.pendingOutbox()[0]).toMatchObject({ attempts: 2, lastError: expect.stringContaining('451 4.3.0 Try again later') })
    // two minutes after the second
    s.clock.advance(backoff(2))
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, retried: 0, mailsSent: 1 })
    expect(to(mailer.sent)).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-handler-2@users.example', 'de-ca-handler@users.example'])
    expect(tries).toHaveLength(3)
    expect(new Set(tries.map((m) => m.headers?.['Message-ID'])).size).toBe(1)
    expect(tries[0]?.headers?.['Message-ID']).toMatch(/^<imi\.\d+\.[0-9a-f]{16}@imi\.example\.org>$/)
  })

  it('gives a message up after maxAttempts failed attempts: a dead letter with its last error, which an administrator can requeue', async () => {
    const s = setup()
    await sentRequest(s.app, s.directory())
    let down = true
    const mailer = createRecordingMailer(() => (down ? mailError('transient', 'connect ECONNREFUSED 127.0.0.1:25', { code: 'ESOCKET' }) : undefined))
    const worker = workerOf(s, mailer, { maxAttempts: 3 })
    const outcomes = []
    for (let attempt = 1; attempt <= 3; attempt++) {
      outcomes.push(await worker.runOnce())
      s.clock.advance(backoff(attempt))
    }
    expect(outcomes.map((r) => [r.retried, r.deadLettered])).toEqual([[1, 0], [1, 0], [0, 1]])
    const dead = await s.storage.outbox.deadLetters(10)
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({ attempts: 3, notification: { message: 'request.incoming' } })
    expect(dead[0]?.lastError).toContain('ECONNREFUSED')
    // a dead letter is not tried again
    s.clock.advance(DAY_MS)
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 0, deadLettered: 0 })
    // until it is requeued
    down = false
    await s.storage.outbox.requeue(dead[0]?.id ?? -1)
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, mailsSent: 3 })
    expect(await s.storage.outbox.deadLetters(10)).toEqual([])
  })

  it('gives a message up at once when the server refuses it for good, unless told to retry those too', async () => {
    const refuse = (m: MailMessage): MailError | undefined => (m.to === 'de-ca-handler@users.example' ? mailError('permanent', '550 5.1.1 No such user', { responseCode: 550 }) : undefined)
    const s = setup()
    await sentRequest(s.app, s.directory())
    expect(await workerOf(s, createRecordingMailer(refuse)).runOnce()).toMatchObject({ delivered: 0, retried: 0, deadLettered: 1, mailsSent: 2 })
    expect((await s.storage.outbox.deadLetters(10))[0]?.lastError).toContain('permanent 550 550 5.1.1 No such user')

    const t = setup()
    await sentRequest(t.app, t.directory())
    expect(await workerOf(t, createRecordingMailer(refuse), { deadLetterPermanentFailures: false }).runOnce()).toMatchObject({ retried: 1, deadLettered: 0 })
  })

  it('treats a mailer that throws as a transient failure', async () => {
    const s = setup()
    await sentRequest(s.app, s.directory())
    const worker = workerOf(s, {
      send: async () => {
        throw new Error('socket hang up')
      },
    })
    expect(await worker.runOnce()).toMatchObject({ retried: 1, deadLettered: 0 })
    expect(s.storage.pendingOutbox()[0]?.lastError).toContain('transient socket hang up')
  })
})

describe('running in the background', () => {
  const until = async (check: () => boolean, ms = 3_000) => {
    const end = Date.now() + ms
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out')
      await new Promise((r) => setTimeout(r, 5))
    }
  }

  it('runs on an interval until stopped, one run at a time', async () => {
    const s = setup()
    await sentRequest(s.app, s.directory())
    let inFlight = 0
    let overlap = false
    const recording = createRecordingMailer()
    const worker = workerOf(s, {
      send: async (m) => {
        inFlight++
        if (inFlight > 1) overlap = true
        await new Promise((r) => setTimeout(r, 15))
        inFlight--
        return recording.send(m)
      },
    })
    worker.start(2)
    worker.start(2)
    await until(() => recording.sent.length === 3)
    await worker.stop()
    expect(overlap).toBe(false)
    // stopped: a new message stays in the outbox
    await sentRequest(s.app, s.directory())
    await new Promise((r) => setTimeout(r, 30))
    expect(recording.sent).toHaveLength(3)
    expect(s.storage.pendingOutbox()).toHaveLength(1)
  })

  it('reports a run that failed and keeps running', async () => {
    const s = setup()
    const errors: unknown[] = []
    let calls = 0
    const storage: Pick<Storage, 'outbox'> = {
      outbox: {
        claimPending: async () => {
          calls++
          throw new Error('connection terminated')
        },
        markDelivered: async () => undefined,
        markFailed: async () => undefined,
        deadLetters: async () => [],
        requeue: async () => undefined,
      },
    }
    const worker = workerOf(s, createRecordingMailer(), { storage, onError: (e) => errors.push(e) })
    await expect(worker.runOnce()).rejects.toThrow('connection terminated')
    worker.start(2)
    await until(() => errors.length >= 2)
    await worker.stop()
    expect(calls).toBeGreaterThanOrEqual(3)
    expect(String(errors[0])).toContain('connection terminated')
  })
})
