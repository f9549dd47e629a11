/**
 * The security-code challenge of subsequent logins (spec §4.4): 3 distinct positions among 1–12,
 * drawn uniformly at each attempt, and the check of the characters the user enters there.
 *
 * @module
 */
import { SECURITY_CODE_LENGTH, credentialCharacters } from './credentials.js'
import type { RandomInt } from './random.js'
import { draw } from './random.js'

/** How many characters of the security code a login asks for (LOGIN-CHALLENGE-THREE). @category constants */
export const SECURITY_CODE_CHALLENGE_COUNT = 3

/**
 * Three positions of the security code, 1-based, distinct, in increasing order: what the login page
 * asks for ("positions 1, 10 and 12").
 *
 * @category model
 */
export type ChallengePositions = readonly [number, number, number]

/**
 * Draws the positions of one login attempt: 3 distinct positions in 1..12, every one of the 220
 * possible sets with the same probability when `random` is uniform (LOGIN-CHALLENGE-DISTINCT). A
 * partial Fisher–Yates shuffle of the 12 positions takes exactly 3 draws, bounded by 12, 11 and 10.
 *
 * @example
 * ```ts
 * import { challengePositions } from '@imi-kit/core'
 * challengePositions(() => 0) // [1, 11, 12]
 * ```
 * @category constructors
 */
export const challengePositions = (random: RandomInt): ChallengePositions => {
  const positions = Array.from({ length: SECURITY_CODE_LENGTH }, (_, i) => i + 1)
  const chosen: number[] = []
  for (let k = 0; k < SECURITY_CODE_CHALLENGE_COUNT; k++) {
    const last = positions.length - 1 - k
    const j = draw(random, last + 1)
    const p = positions[j] as number
    positions[j] = positions[last] as number
    positions[last] = p
    chosen.push(p)
  }
  const [a, b, c] = chosen.sort((x, y) => x - y) as [number, number, number]
  return [a, b, c]
}

/**
 * True when `positions` are 3 distinct whole numbers in 1..12 in increasing order: the shape of a
 * challenge, for values read back from storage or a client.
 *
 * @category guards
 */
export const isChallengePositions = (u: unknown): u is ChallengePositions =>
  Array.isArray(u) &&
  u.length === SECURITY_CODE_CHALLENGE_COUNT &&
  u.every((p, i) => Number.isInteger(p) && p >= 1 && p <= SECURITY_CODE_LENGTH && (i === 0 || p > (u[i - 1] as number)))

/**
 * True when the characters entered are those of the code at each requested position, compared
 * case-sensitively (LOGIN-CHALLENGE-VERIFY, LOGIN-CASE-SENSITIVE). `characters[i]` answers
 * `positions[i]` and must be exactly one character. Every position is compared, whatever the
 * earlier ones gave, so that the work done does not depend on where the first mismatch is.
 *
 * @example
 * ```ts
 * import { verifySecurityCode } from '@imi-kit/core'
 * verifySecurityCode('Kx7#mP2!qR9z', [1, 10, 12], ['K', 'R', 'z']) // true
 * verifySecurityCode('Kx7#mP2!qR9z', [1, 10, 12], ['k', 'R', 'z']) // false
 * ```
 * @category queries
 */
export const verifySecurityCode = (code: string, positions: ReadonlyArray<number>, characters: ReadonlyArray<string>): boolean => {
  const chars = credentialCharacters(code)
  let ok = chars.length === SECURITY_CODE_LENGTH && isChallengePositions(positions) && characters.length === positions.length
  for (let i = 0; i < SECURITY_CODE_CHALLENGE_COUNT; i++) {
    const entered = credentialCharacters(characters[i] ?? '')
    const expected = chars[(positions[i] ?? 0) - 1]
    const same = entered.length === 1 && expected !== undefined && entered[0] === expected
    ok = same && ok
  }
  return ok
}
