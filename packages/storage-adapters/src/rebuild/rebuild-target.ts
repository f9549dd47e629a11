/**
 * What the rebuild command needs of a storage.
 *
 * @module
 */
import type { EventStore, ExchangeSummary } from '@imi-kit/core'

/**
 * A storage whose summaries can be replaced as a whole.
 *
 * @category rebuild
 */
export interface SummaryReplacement {
  /**
   * Replaces every summary with these, atomically; summaries of streams that do not exist are
   * dropped, as in a commit.
   */
  replaceSummaries(summaries: ReadonlyArray<ExchangeSummary>): Promise<void>
}

/**
 * What {@link rebuildProjections} works on: a storage's events and the replacement of its summaries.
 *
 * @category rebuild
 */
export interface RebuildTarget extends SummaryReplacement {
  readonly events: EventStore
}
