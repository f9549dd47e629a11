/**
 * What the two wizards (`<imi-request-form>`, `<imi-alert-form>`) share: the keyboard of their tab
 * lists (which `<imi-exchange>` uses too, for its tabs and toolbar), the walk through their steps,
 * and the problems a refusal to send lists.
 *
 * @module
 */
import type { SendProblem } from '@imi-kit/core'

/** The problems a refusal carries in `details.problems` (what is missing, and where), if any. @internal */
export const problemsOf = (details: Readonly<Record<string, unknown>> | undefined): ReadonlyArray<SendProblem> => {
  const list = details?.problems
  return Array.isArray(list)
    ? list.filter((p): p is SendProblem => typeof p === 'object' && p !== null && typeof (p as SendProblem).code === 'string' && typeof (p as SendProblem).message === 'string')
    : []
}

/**
 * The tab a key moves to in a tab list (the WAI-ARIA tabs pattern): the arrow keys move to the next
 * or previous tab, wrapping around, and Home and End to the first and last. For those keys the
 * browser's own action (scrolling) is prevented; any other key gives `undefined`.
 *
 * @internal
 */
export const tabForKey = <T>(e: KeyboardEvent, tabs: ReadonlyArray<T>, current: T): T | undefined => {
  const n = tabs.length
  const i = tabs.indexOf(current)
  const to = e.key === 'ArrowRight' ? tabs[(i + 1) % n] : e.key === 'ArrowLeft' ? tabs[(i + n - 1) % n] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[n - 1] : undefined
  if (to !== undefined) e.preventDefault()
  return to
}

/** The step `delta` steps away from `current` (−1 for Previous, 1 for Next), if there is one. @internal */
export const stepFrom = <T>(tabs: ReadonlyArray<T>, current: T, delta: number): T | undefined => tabs[tabs.indexOf(current) + delta]
