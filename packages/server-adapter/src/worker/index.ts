/**
 * The background worker: due timers fired as commands of the `system` actor, and the notification
 * outbox delivered by e-mail with retries, back-off and dead letters.
 *
 * @module
 */
export type { Backoff, ExponentialBackoffOptions } from './backoff.js'
export { exponentialBackoff } from './backoff.js'
export type { WorkerOptions, WorkerRun, Worker } from './worker.js'
export { createWorker } from './worker.js'
