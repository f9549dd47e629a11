/**
 * The worker end to end: commands through the application service, timers fired by the worker, the
 * outbox delivered to a real SMTP server on loopback, refusals retried with back-off or given up as
 * dead letters, and several workers cooperating on one PostgreSQL database.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ApplicationService, Directory, ExchangeId, Storage } from '@imi-kit/core'
import { fixedClock } from '@imi-kit/core'
import { U, standardAnswers, world } from '@imi-kit/core/testing'
import type { MemoryStorage, SqlStorageHandle } from '@imi-kit/storage-adapters'
import { createMemoryStorage, createPostgresStorage } from '@imi-kit/storage-adapters'
// The storage package's helper for throwaway databases on the test server (not part of its public API).
import type { TestDatabase } from '../../../storage-adapters/src/postgres/postgres-test-database.js'
import { createTestDatabase } from '../../../storage-adapters/src/postgres/postgres-test-database.js'
import type { SmtpMailer } from '../mail/smtp-mailer.js'
import { createSmtpMailer } from '../mail/smtp-mailer.js'
import type { ReceivedMail, TestSmtpOptions, TestSmtpServer } from '../mail/testing/smtp-test-server.js'
import { startSmtpServer } from '../mail/testing/smtp-test-server.js'
import { exponentialBackoff } from './backoff.js'
import type { Worker, WorkerOptions } from './worker.js'
import { createWorker } from './worker.js'
import { DAY_MS, START, closureProposed, run, sentRequest, testApp } from './testing/worker-fixtures.js'

const BASE_URL = 'https://imi.example.org'
const backoff = exponentialBackoff({ initialMs: 60_000, maxMs: 600_000 })
const closing: Array<{ close(): unknown }> = []

afterEach(async () => {
  // Mailers before servers: a server waits for the connections still open before it closes.
  for (const c of closing.splice(0).reverse()) await c.close()
})

const smtpServer = async (options?: TestSmtpOptions): Promise<TestSmtpServer> => {
  const s = await startSmtpServer(options)
  closing.push(s)
  return s
}

const smtpMailer = (port: number): SmtpMailer => {
  const m = createSmtpMailer({ host: '127.0.0.1', port, from: 'IMI <no-reply@imi.example.org>', connectionTimeoutMs: 2_000, greetingTimeoutMs: 2_000, socketTimeoutMs: 5_000 })
  closing.push(m)
  return m
}

interface Setup {
  readonly clock: ReturnType<typeof fixedClock>
  readonly storage: MemoryStorage
  readonly app: ApplicationService
  readonly directory: Directory
  readonly smtp: TestSmtpServer
  readonly worker: Worker
}

const setup = async (smtp: TestSmtpOptions = {}, options: Partial<WorkerOptions> = {}): Promise<Setup> => {
  const clock = fixedClock(START)
  const storage = createMemoryStorage({ clock })
  const directory = world()
  const app = testApp(storage, clock, () => directory)
  const server = await smtpServer(smtp)
  const worker = createWorker({ app, storage, directory: () => directory, mailer: smtpMailer(server.port), clock, baseUrl: BASE_URL, backoff, ...options })
  return { clock, storage, app, directory, smtp: server, worker }
}

const recipients = (mails: ReadonlyArray<ReceivedMail>) => mails.flatMap((m) => m.envelope.to).sort()
const of = (mails: ReadonlyArray<ReceivedMail>, message: string) => mails.filter((m) => m.headers.get('x-imi-message') === message)

describe('the worker delivering to a real SMTP server', () => {
  it('[MAIL-REQ-NO-CONTENT] a request\'s messages arrive one per recipient, in each reader\'s language, naming the number, linking to the entry, without content', async () => {
    const s = await setup()
    const id = await sentRequest(s.app, s.directory)
    expect(await s.worker.runOnce()).toEqual({ timersFired: 0, delivered: 1, retried: 0, deadLettered: 0, mailsSent: 3, reportsDeleted: 0 })
    await run(s.app, s.directory, U.deHandler, { type: 'request.accept', exchangeId: id })
    await run(s.app, s.directory, U.deHandler, { type: 'request.reply', exchangeId: id, answers: standardAnswers })
    expect(await s.worker.runOnce()).toMatchObject({ delivered: 2, mailsSent: 4 })

    const incoming = of(s.smtp.received, 'request.incoming')
    expect(recipients(incoming)).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-handler-2@users.example', 'de-ca-handler@users.example'])
    expect(incoming.map((m) => m.subject)).toEqual(Array(3).fill('IMI: neues Ersuchen REQ-000001 wartet auf Annahme'))
    const accepted = of(s.smtp.received, 'request.accepted')
    expect(recipients(accepted)).toEqual(['fr-ca-handler@users.example', 'fr-ordre-medecins@authorities.example'])
    expect(accepted.map((m) => m.subject)).toEqual(Array(2).fill('IMI : demande REQ-000001 acceptée'))
    expect(recipients(of(s.smtp.received, 'request.reply-received'))).toEqual(['fr-ca-handler@users.example', 'fr-ordre-medecins@authorities.example'])
    for (const m of s.smtp.received) {
      expect(m.envelope.from).toBe('no-reply@imi.example.org')
      expect(m.text).toContain('REQ-000001')
      expect(m.text).toContain(`${BASE_URL}/exchanges/${id}`)
      expect(m.html).toContain(`href="${BASE_URL}/exchanges/${id}"`)
      for (const secret of ['Jean Dupont', '1980-05-17', 'Médecin', 'DOS-42', 'diplome.pdf', 'Keine Untersagung', 'Camille', 'Martin', 'Lena', 'Müller', 'Ärztekammer', 'Ordre national'])
        expect(m.raw).not.toContain(secret)
    }
    // one Message-ID per e-mail
    expect(new Set(s.smtp.received.map((m) => m.headers.get('message-id'))).size).toBe(7)
  })

  it('[MAIL-ALERT-COMMENT-END] the worker ends a comment period by its timer, and the closure coordinator\'s broadcasters get the message in German', async () => {
    const s = await setup()
    const id = await closureProposed(s.app, s.directory)
    await s.worker.runOnce()
    const before = s.smtp.received.length
    s.clock.advance(10 * DAY_MS)
    expect(await s.worker.runOnce()).toMatchObject({ timersFired: 1, delivered: 1, mailsSent: 2 })
    const ended = s.smtp.received.slice(before)
    expect(recipients(ended)).toEqual(['de-nimic-allocator@users.example', 'de-nimic-broadcaster@users.example'])
    for (const m of ended) {
      expect(m.subject).toBe('IMI: Frist für Stellungnahmen zur Vorwarnung ALERT-000001 abgelaufen')
      expect(m.headers.get('content-language')).toBe('de')
      expect(m.text).toContain(`${BASE_URL}/exchanges/${id}`)
      for (const secret of ['Dupont', 'Ambulances', 'rue de la Paix', 'patient transport', 'ceased']) expect(m.raw).not.toContain(secret)
    }
    expect((await s.storage.events.read(id)).filter((e) => e.event.type === 'alert.comment-period-ended')).toHaveLength(1)
    expect(await s.worker.runOnce()).toMatchObject({ timersFired: 0, delivered: 0 })
  })

  it('retries a recipient the server refuses with a 4xx, after the back-off, without sending again to those already reached', async () => {
    const s = await setup({ refuse: (address, offered) => (address === 'de-ca-handler-2@users.example' && offered <= 2 ? { code: 451, message: 'Greylisted, try again later' } : undefined) })
    await sentRequest(s.app, s.directory)
    expect(await s.worker.runOnce()).toMatchObject({ delivered: 0, retried: 1, mailsSent: 2 })
    // before the back-off has passed, nothing is tried
    s.clock.advance(backoff(1) - 1_000)
    expect(await s.worker.runOnce()).toMatchObject({ retried: 0, delivered: 0 })
    s.clock.advance(1_000)
    expect(await s.worker.runOnce()).toMatchObject({ retried: 1, mailsSent: 0 })
    expect((await s.storage.pendingOutbox())[0]?.lastError).toContain('451')
    s.clock.advance(backoff(2))
    expect(await s.worker.runOnce()).toMatchObject({ delivered: 1, mailsSent: 1 })
    expect(s.smtp.offered.filter((a) => a === 'de-ca-handler-2@users.example')).toHaveLength(3)
    expect(s.smtp.offered.filter((a) => a === 'de-ca-handler@users.example')).toHaveLength(1)
    expect(recipients(s.smtp.received)).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-handler-2@users.example', 'de-ca-handler@users.example'])
  })

  it('makes a dead letter of a message refused with a 5xx at once, and of one refused with a 4xx maxAttempts times', async () => {
    const gone = await setup({ refuse: (address) => (address === 'de-ca-handler@users.example' ? { code: 550, message: 'Mailbox unavailable' } : undefined) })
    await sentRequest(gone.app, gone.directory)
    expect(await gone.worker.runOnce()).toMatchObject({ deadLettered: 1, retried: 0, mailsSent: 2 })
    const [dead] = await gone.storage.outbox.deadLetters(10)
    expect(dead).toMatchObject({ attempts: 1, notification: { message: 'request.incoming' } })
    expect(dead?.lastError).toContain('550')

    const busy = await setup({ refuse: (address) => (address === 'de-ca-handler@users.example' ? { code: 450, message: 'Mailbox busy' } : undefined) }, { maxAttempts: 4 })
    await sentRequest(busy.app, busy.directory)
    const outcomes = []
    for (let attempt = 1; attempt <= 4; attempt++) {
      outcomes.push(await busy.worker.runOnce())
      busy.clock.advance(backoff(attempt))
    }
    expect(outcomes.map((o) => o.deadLettered)).toEqual([0, 0, 0, 1])
    expect(busy.smtp.offered.filter((a) => a === 'de-ca-handler@users.example')).toHaveLength(4)
    expect((await busy.storage.outbox.deadLetters(10))[0]).toMatchObject({ attempts: 4, lastError: expect.stringContaining('450') })
    // given up: not offered again
    busy.clock.advance(DAY_MS)
    await busy.worker.runOnce()
    expect(busy.smtp.offered.filter((a) => a === 'de-ca-handler@users.example')).toHaveLength(4)
  })
})

// ---------------------------------------------------------------------------------------------
// many workers, one PostgreSQL database

describe('many workers on one PostgreSQL database', () => {
  let db: TestDatabase | undefined
  const handles: SqlStorageHandle[] = []

  beforeAll(async () => {
    db = await createTestDatabase()
  })

  afterAll(async () => {
    for (const h of handles) await h.close()
    await db?.drop()
  })

  it('fire each due timer exactly once, and deliver each message once, running at the same time', async () => {
    if (db === undefined) throw new Error('no database')
    const url = db.url
    const clock = fixedClock(START)
    const directory = world()
    const connect = async () => {
      const h = await createPostgresStorage({ connectionString: url, clock })
      handles.push(h)
      return h.storage
    }
    // given 10 alerts whose comment periods end together
    const seeding = testApp(await connect(), clock, () => directory, 'seed')
    const ids: ExchangeId[] = []
    for (let i = 0; i < 10; i++) ids.push(await closureProposed(seeding, directory))
    const smtp = await smtpServer()
    const mailer = smtpMailer(smtp.port)
    // and four workers, each with its own connections and application, as four processes would have
    const claimed: string[] = []
    const workers: Worker[] = []
    for (let w = 0; w < 4; w++) {
      const base = await connect()
      const storage: Storage = {
        ...base,
        timers: {
          claimDue: async (now, limit) => {
            const due = await base.timers.claimDue(now, limit)
            claimed.push(...due.map((t) => `${t.exchangeId}/${t.id}`))
            return due
          },
          complete: (exchangeId, id) => base.timers.complete(exchangeId, id),
        },
      }
      workers.push(createWorker({ app: testApp(storage, clock, () => directory, `w${w}`), storage, directory: () => directory, mailer, clock, baseUrl: BASE_URL, outboxBatchSize: 5 }))
    }
    // the messages of the launches go out first, each once
    let drained = 0
    for (let round = 0; round < 20; round++) {
      const runs = await Promise.all(workers.map((w) => w.runOnce()))
      const delivered = runs.reduce((n, r) => n + r.delivered, 0)
      drained += delivered
      if (delivered === 0) break
    }
    expect(drained).toBe(10 * 4)
    const launched = smtp.received.length
    expect(new Set(smtp.received.map((m) => m.headers.get('message-id'))).size).toBe(launched)

    // when the comment periods end, the four workers run at the same time
    clock.advance(10 * DAY_MS)
    const runs = await Promise.all(workers.map((w) => w.runOnce()))
    const more = await Promise.all(workers.map((w) => w.runOnce()))
    // then each timer was claimed once and its command ran once
    expect(runs.reduce((n, r) => n + r.timersFired, 0)).toBe(10)
    expect(claimed.sort()).toEqual(ids.map((id) => `${id}/closure.comments-end`).sort())
    const reader = await connect()
    for (const id of ids) expect((await reader.events.read(id)).filter((e) => e.event.type === 'alert.comment-period-ended')).toHaveLength(1)
    // and each of their messages reached the German NIMIC's two broadcasters once
    const ended = of(smtp.received.slice(launched), 'alert.comment-period-ended')
    expect([...runs, ...more].reduce((n, r) => n + r.delivered, 0)).toBe(10)
    expect(ended).toHaveLength(20)
    expect(new Set(ended.map((m) => m.headers.get('message-id'))).size).toBe(20)
    expect(new Set(ended.map((m) => `${m.envelope.to[0]} ${m.text.match(/ALERT-\d+/)?.[0]}`)).size).toBe(20)
    expect(recipients(ended).filter((a) => a === 'de-nimic-broadcaster@users.example')).toHaveLength(10)
    expect(recipients(ended).filter((a) => a === 'de-nimic-allocator@users.example')).toHaveLength(10)
  })

  it('keep attempts and the last error in the database between runs, list dead letters, and deliver a requeued one to whom it missed', async () => {
    if (db === undefined) throw new Error('no database')
    const clock = fixedClock(START)
    const directory = world()
    const handle = await createPostgresStorage({ connectionString: db.url, clock })
    handles.push(handle)
    const { storage } = handle
    const app = testApp(storage, clock, () => directory, 'retry')
    let refusing = true
    const smtp = await smtpServer({ refuse: (address) => (refusing && address === 'de-ca-handler@users.example' ? { code: 450, message: 'Mailbox busy' } : undefined) })
    const worker = createWorker({ app, storage, directory: () => directory, mailer: smtpMailer(smtp.port), clock, baseUrl: BASE_URL, backoff, maxAttempts: 2 })
    await sentRequest(app, directory)
    expect(await worker.runOnce()).toMatchObject({ retried: 1, mailsSent: 2 })
    clock.advance(backoff(1))
    expect(await worker.runOnce()).toMatchObject({ deadLettered: 1, mailsSent: 0 })
    const dead = await storage.outbox.deadLetters(10)
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({ attempts: 2, notification: { message: 'request.incoming' } })
    expect(dead[0]?.lastError).toContain('450')
    clock.advance(DAY_MS)
    expect(await worker.runOnce()).toMatchObject({ delivered: 0, retried: 0, deadLettered: 0 })
    // an administrator requeues it once the mailbox is back: only the missing e-mail goes out
    refusing = false
    await storage.outbox.requeue(dead[0]?.id ?? -1)
    expect(await worker.runOnce()).toMatchObject({ delivered: 1, mailsSent: 1 })
    expect(recipients(smtp.received)).toEqual(['de-aerztekammer-berlin@authorities.example', 'de-ca-handler-2@users.example', 'de-ca-handler@users.example'])
    expect(await storage.outbox.deadLetters(10)).toEqual([])
  })
})
