/**
 * Randomness as a parameter. The core draws nothing itself: the server passes a cryptographic
 * source (`crypto.randomInt`), tests pass a seeded or enumerating one.
 *
 * @module
 */

/**
 * A source of uniformly distributed integers: `random(bound)` returns an integer in `[0, bound)`,
 * each value with probability `1 / bound`, independently of previous draws. `crypto.randomInt` of
 * Node.js is one.
 *
 * @category ports
 */
export type RandomInt = (bound: number) => number

/**
 * One draw in `[0, bound)`. A source that breaks its contract (a fraction, a negative number, a value
 * out of range, NaN) is reduced into the range, so that the functions built on it stay total; a
 * broken source still gives a biased result, so production must pass a correct one.
 *
 * @category constructors
 */
export const draw = (random: RandomInt, bound: number): number => {
  const r = Math.trunc(random(bound))
  return Number.isFinite(r) ? ((r % bound) + bound) % bound : 0
}

/** One character of an alphabet, drawn uniformly. @category constructors */
export const pick = (random: RandomInt, alphabet: string): string => {
  const chars = [...alphabet]
  return chars[draw(random, chars.length)] ?? ''
}

/** A uniformly random permutation (Fisher–Yates). @category constructors */
export const shuffle = <A>(random: RandomInt, items: ReadonlyArray<A>): ReadonlyArray<A> => {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = draw(random, i + 1)
    const a = out[i] as A
    out[i] = out[j] as A
    out[j] = a
  }
  return out
}
