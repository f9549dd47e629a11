/**
 * The background worker of a server: it fires the durable timers that are due, as commands of the
 * `system` actor, and delivers the notification outbox by e-mail, with retries and dead letters.
 * Any number of workers may run against one storage: timers and outbox messages are claimed, so
 * each timer fires at most once and each message is handled by one worker at a time.
 *
 * @module
 */
import { createHash } from 'node:crypto'
import * as E from 'fp-ts/lib/Either.js'
import type { ApplicationService, Clock, Directory, OutboxMessage, Storage } from '@imi-kit/core'
import type { Mailer, MailError, MailMessage } from '../mail/mailer.js'
import { mailError } from '../mail/mailer.js'
import { notificationMails } from '../mail/notification-mails.js'
import type { Backoff } from './backoff.js'
import { exponentialBackoff } from './backoff.js'

/**
 * The options of {@link createWorker}.
 *
 * @category worker
 */
export interface WorkerOptions {
  /** Fires the due timers; the application service of the server. */
  readonly app: Pick<ApplicationService, 'fireDueTimers'>
  /** The outbox is read from here; expired reports are swept from `reports`, where the storage keeps them. */
  readonly storage: Pick<Storage, 'outbox'> & Partial<Pick<Storage, 'reports'>>
  /** The directory at delivery time: recipients are resolved against it, so that a change of roles since the event counts. */
  readonly directory: () => Directory
  readonly mailer: Mailer
  /** The clock of retries. */
  readonly clock: Clock
  /** The address of the IMI front end; messages link to `${baseUrl}/exchanges/${exchangeId}`. */
  readonly baseUrl: string
  /** Attempts of one message before it becomes a dead letter. Default 8. */
  readonly maxAttempts?: number
  /** The delay before each retry. Default: {@link exponentialBackoff} with its defaults. */
  readonly backoff?: Backoff
  /** Timers fired per run. Default 100. */
  readonly timerBatchSize?: number
  /** Outbox messages claimed per run. Default 50. */
  readonly outboxBatchSize?: number
  /**
   * Give a message up at once when the mail server refuses it for good (a 5xx reply), rather than
   * retrying what will be refused again. Default `true`.
   */
  readonly deadLetterPermanentFailures?: boolean
  /** The domain of the `Message-ID` of each e-mail. Default: the host of `baseUrl`. */
  readonly messageIdDomain?: string
  /** Told of an error that stopped a run started by `start`. Default: written to the console. */
  readonly onError?: (error: unknown) => void
}

/**
 * What one run of the worker did.
 *
 * @category worker
 */
export interface WorkerRun {
  /** Timers whose command ran. */
  readonly timersFired: number
  /** Outbox messages delivered to every recipient (or that had none left to reach). */
  readonly delivered: number
  /** Outbox messages that failed and will be tried again later. */
  readonly retried: number
  /** Outbox messages given up: failed `maxAttempts` times, or refused for good. */
  readonly deadLettered: number
  /** E-mails accepted by the mailer. */
  readonly mailsSent: number
  /** Generated reports deleted because their 30 days had passed (SRCH-REPORT-EXPIRED-DELETED). */
  readonly reportsDeleted: number
}

/**
 * The worker of {@link createWorker}.
 *
 * @category worker
 */
export interface Worker {
  /** Fires one batch of due timers, handles one batch of the outbox, then deletes the expired reports. */
  runOnce(): Promise<WorkerRun>
  /** Runs `runOnce` every `intervalMs` milliseconds, never two runs at once, until `stop`. */
  start(intervalMs: number): void
  /** Stops the runs started by `start`, waiting for the one under way. */
  stop(): Promise<void>
}

/** The outcome of one message. */
type Outcome = 'delivered' | 'retried' | 'dead-lettered'

// E-mails already accepted for a message that failed for another recipient, kept so that the next
// attempt by this worker (a retry, or a requeued dead letter) does not send them again; bounded,
// oldest first out. Another worker, or this one after a restart, may send them again: the
// Message-ID of the copy is the same.
const SENT_MEMORY = 10_000

/**
 * Creates the worker of a server.
 *
 * @example
 * ```ts
 * import { createApplicationService, createProcedureRegistry, requestForInformation, sequentialIds } from '@imi-kit/core'
 * import { createMemoryStorage } from '@imi-kit/storage-adapters'
 * import { world } from '@imi-kit/core/testing'
 * import { createRecordingMailer, createWorker } from '@imi-kit/server-adapter'
 * const storage = createMemoryStorage()
 * const clock = { now: () => new Date() }
 * const directory = world()
 * const app = createApplicationService({ registry: createProcedureRegistry([requestForInformation]), storage, clock, ids: sequentialIds('demo'), directory })
 * const worker = createWorker({ app, storage, directory: () => directory, mailer: createRecordingMailer(), clock, baseUrl: 'https://imi.example.org' })
 * await worker.runOnce() // { timersFired: 0, delivered: 0, retried: 0, deadLettered: 0, mailsSent: 0, reportsDeleted: 0 }
 * ```
 * @category worker
 */
export const createWorker = (options: WorkerOptions): Worker => {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8)
  const backoff = options.backoff ?? exponentialBackoff()
  const timerBatch = options.timerBatchSize ?? 100
  const outboxBatch = options.outboxBatchSize ?? 50
  const deadLetterPermanent = options.deadLetterPermanentFailures ?? true
  const domain = options.messageIdDomain ?? hostOf(options.baseUrl)
  const onError = options.onError ?? ((error: unknown) => console.error('imi worker: a run failed', error))
  const { outbox } = options.storage
  const sentFor = new Map<number, Set<string>>()

  const remember = (id: number, key: string) => {
    const set = sentFor.get(id) ?? new Set<string>()
    set.add(key)
    sentFor.delete(id)
    sentFor.set(id, set)
    if (sentFor.size > SENT_MEMORY) sentFor.delete(sentFor.keys().next().value as number)
  }

  // The same Message-ID on every attempt for one message and one address: a copy delivered twice
  // (a worker that crashed after sending) is recognisable as the same e-mail.
  const messageIdOf = (id: number, to: string) => `<imi.${id}.${createHash('sha256').update(to.trim().toLowerCase()).digest('hex').slice(0, 16)}@${domain}>`

  const send = async (mail: MailMessage): Promise<E.Either<MailError, void>> => {
    try {
      return await options.mailer.send(mail)
    } catch (error) {
      // A mailer that throws breaks its contract; its message is retried like any transient failure.
      return E.left(mailError('transient', error instanceof Error ? error.message : String(error)))
    }
  }

  const handle = async (message: OutboxMessage, directory: Directory, counts: { mailsSent: number }): Promise<Outcome> => {
    const attempt = (message.attempts ?? 0) + 1
    const sent = sentFor.get(message.id)
    const failures: MailError[] = []
    for (const mail of notificationMails(message.notification, directory, { baseUrl: options.baseUrl })) {
      const key = mail.to.trim().toLowerCase()
      if (sent?.has(key) === true) continue
      const r = await send({ ...mail, headers: { ...mail.headers, 'Message-ID': messageIdOf(message.id, mail.to) } })
      if (E.isRight(r)) {
        counts.mailsSent++
        remember(message.id, key)
      } else failures.push(r.left)
    }
    if (failures.length === 0) {
      await outbox.markDelivered(message.id)
      sentFor.delete(message.id)
      return 'delivered'
    }
    const permanent = failures.some((f) => f.kind === 'permanent')
    const error = `${failures.length} e-mail(s) not sent: ${failures.map((f) => `${f.kind}${f.responseCode === undefined ? '' : ` ${f.responseCode}`} ${f.message}`).join('; ')}`.slice(0, 2_000)
    // A dead letter keeps the memory of whom it reached: once requeued, this worker sends only the rest.
    if (attempt >= maxAttempts || (permanent && deadLetterPermanent)) {
      await outbox.markFailed(message.id, { error })
      return 'dead-lettered'
    }
    const retryAt = new Date(options.clock.now().getTime() + backoff(attempt)).toISOString()
    await outbox.markFailed(message.id, { error, retryAt })
    return 'retried'
  }

  const runOnce = async (): Promise<WorkerRun> => {
    const timersFired = await options.app.fireDueTimers(timerBatch)
    const claimed = await outbox.claimPending(outboxBatch)
    const directory = options.directory()
    const counts = { delivered: 0, retried: 0, deadLettered: 0, mailsSent: 0 }
    for (const message of claimed) {
      const outcome = await handle(message, directory, counts)
      if (outcome === 'delivered') counts.delivered++
      else if (outcome === 'retried') counts.retried++
      else counts.deadLettered++
    }
    // Reports are available for 30 days, then deleted (SRCH-REPORT-30-DAYS, SRCH-REPORT-EXPIRED-DELETED).
    const reportsDeleted = options.storage.reports === undefined ? 0 : await options.storage.reports.deleteExpired(options.clock.now())
    return { timersFired, ...counts, reportsDeleted }
  }

  let timer: ReturnType<typeof setInterval> | undefined
  let running: Promise<unknown> | undefined
  const tick = () => {
    if (running !== undefined) return
    running = runOnce()
      .catch(onError)
      .finally(() => {
        running = undefined
      })
  }

  return {
    runOnce,
    start: (intervalMs) => {
      if (timer !== undefined) return
      timer = setInterval(tick, intervalMs)
      tick()
    },
    stop: async () => {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
      await running
    },
  }
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname || 'imi.invalid'
  } catch {
    return 'imi.invalid'
  }
}
