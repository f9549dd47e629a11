/**
 * The context of a decision: everything impure comes in here, so the procedures stay pure.
 *
 * @module
 */
import type { Actor } from './actor.js'
import type { Directory } from './directory.js'
import type { ExchangeId } from './ids.js'

/**
 * A source of fresh identifiers. Production uses random UUIDs; tests use counters, so that runs are
 * reproducible.
 *
 * @category ports
 */
export interface IdSource {
  /** A new exchange id. */
  exchangeId(): ExchangeId
  /** A new human-readable exchange number, such as `REQ-2026-000042`. */
  exchangeNumber(prefix: string): string
  /** A new id for an item inside an exchange (attachment, message). */
  itemId(): string
}

/**
 * Everything a decision may depend on besides the exchange itself.
 *
 * @category model
 */
export interface Context {
  readonly now: Date
  readonly actor: Actor
  readonly directory: Directory
  readonly ids: IdSource
}

/**
 * A deterministic {@link IdSource} counting from 1, for tests, examples and replays.
 *
 * @example
 * ```ts
 * import { sequentialIds } from '@imi-kit/core'
 * const ids = sequentialIds('t')
 * ids.exchangeId() // 't-x1'
 * ids.exchangeNumber('REQ') // 'REQ-000001'
 * ```
 * @category constructors
 */
export const sequentialIds = (prefix = 'id'): IdSource => {
  let exchanges = 0
  let numbers = 0
  let items = 0
  return {
    exchangeId: () => `${prefix}-x${++exchanges}` as ExchangeId,
    exchangeNumber: (p) => `${p}-${String(++numbers).padStart(6, '0')}`,
    itemId: () => `${prefix}-i${++items}`,
  }
}
