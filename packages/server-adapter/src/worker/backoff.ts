/**
 * How long the outbox worker waits before trying a failed delivery again.
 *
 * @module
 */

/**
 * The delay, in milliseconds, before the next try of a delivery whose attempt number `attempt`
 * (1 for the first) failed.
 *
 * @category worker
 */
export type Backoff = (attempt: number) => number

/**
 * The options of {@link exponentialBackoff}.
 *
 * @category worker
 */
export interface ExponentialBackoffOptions {
  /** The delay after the first failure. Default 30 seconds. */
  readonly initialMs?: number
  /** The growth from one failure to the next. Default 2. */
  readonly factor?: number
  /** The longest delay. Default 1 hour. */
  readonly maxMs?: number
  /**
   * A source of numbers in [0, 1): each delay is shortened by up to `jitterRatio` of itself, by this
   * source's draw, so that messages failing together are not retried together. Without it the delays
   * are exact.
   */
  readonly jitter?: () => number
  /** The largest share of a delay the jitter removes. Default 0.2. */
  readonly jitterRatio?: number
}

/**
 * Exponential back-off with a cap: `initialMs × factor^(attempt − 1)`, at most `maxMs`, shortened
 * by the jitter where one is given. Deterministic given the attempt number and the jitter's draw.
 *
 * @example
 * ```ts
 * import { exponentialBackoff } from '@imi-kit/server-adapter'
 * const backoff = exponentialBackoff({ initialMs: 1_000, maxMs: 10_000 })
 * ;[1, 2, 3, 4, 5].map(backoff) // [1000, 2000, 4000, 8000, 10000]
 * ```
 * @category worker
 */
export const exponentialBackoff = (options: ExponentialBackoffOptions = {}): Backoff => {
  const initial = options.initialMs ?? 30_000
  const factor = options.factor ?? 2
  const max = options.maxMs ?? 3_600_000
  const ratio = Math.min(Math.max(options.jitterRatio ?? 0.2, 0), 1)
  return (attempt) => {
    const n = Math.max(1, Math.floor(attempt))
    // Computed in the exponent's domain, so that a large attempt number never overflows to Infinity.
    const exact = n - 1 >= Math.log(max / initial) / Math.log(factor) ? max : Math.min(max, initial * factor ** (n - 1))
    if (options.jitter === undefined) return Math.round(exact)
    const draw = Math.min(Math.max(options.jitter(), 0), 1)
    return Math.round(exact * (1 - ratio * draw))
  }
}
