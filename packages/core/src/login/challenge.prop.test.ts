/**
 * The security-code challenge (spec §4.4): the examples of the manual and the laws of the draw.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { RandomInt } from '../index.js'
import { SECURITY_CODE_CHALLENGE_COUNT, challengePositions, credentialCharacters, isChallengePositions, verifySecurityCode } from '../index.js'

const CODE = 'Kx7#mP2!qR9z'

/** A random source replaying a list of draws, as fast-check generates them. */
const replay = (draws: ReadonlyArray<number>): RandomInt => {
  let i = 0
  return (bound) => (draws[i++] ?? 0) % bound
}

/** Every sequence of in-range draws `challengePositions` can receive: 12 × 11 × 10 of them. */
const everyDrawSequence = (): ReadonlyArray<ReadonlyArray<number>> => {
  const out: number[][] = []
  for (let a = 0; a < 12; a++) for (let b = 0; b < 11; b++) for (let c = 0; c < 10; c++) out.push([a, b, c])
  return out
}

describe('challenge positions', () => {
  it('[LOGIN-CHALLENGE-THREE] asks for 3 positions among 1–12', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), (draws) => {
        const positions = challengePositions(replay(draws))
        expect(positions).toHaveLength(SECURITY_CODE_CHALLENGE_COUNT)
        for (const p of positions) {
          expect(Number.isInteger(p)).toBe(true)
          expect(p).toBeGreaterThanOrEqual(1)
          expect(p).toBeLessThanOrEqual(12)
        }
      }),
    )
  })

  it('[LOGIN-CHALLENGE-DISTINCT] the 3 positions are distinct and in increasing order, whatever the source returns', () => {
    // even a source that breaks its contract (negative, fractional, huge, NaN) yields a valid challenge
    const wild = fc.oneof(fc.integer(), fc.double(), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY))
    fc.assert(
      fc.property(fc.array(wild, { minLength: 3, maxLength: 3 }), (draws) => {
        let i = 0
        const positions = challengePositions(() => draws[i++] ?? 0)
        expect(new Set(positions).size).toBe(3)
        expect([...positions].sort((x, y) => x - y)).toEqual([...positions])
        expect(isChallengePositions(positions)).toBe(true)
      }),
    )
  })

  it('[LOGIN-CHALLENGE-DISTINCT] the draw is uniform: over every equally likely draw sequence, each of the 220 sets comes out exactly 6 times', () => {
    // A uniform source makes the 1,320 in-range draw sequences equally likely, so counting the sets
    // they give is an exact proof of uniformity rather than a statistical test.
    const counts = new Map<string, number>()
    for (const draws of everyDrawSequence()) {
      const key = challengePositions(replay(draws)).join(',')
      counts.set(key, (counts.get(key) ?? 0) + 1)
    }
    expect(counts.size).toBe(220)
    expect(new Set(counts.values())).toEqual(new Set([6]))
  })

  it('[LOGIN-CHALLENGE-DISTINCT] each position is asked with probability 1/4 over the draws', () => {
    const perPosition = new Array<number>(13).fill(0)
    for (const draws of everyDrawSequence()) for (const p of challengePositions(replay(draws))) perPosition[p] = (perPosition[p] ?? 0) + 1
    expect(perPosition.slice(1)).toEqual(new Array<number>(12).fill((1320 * 3) / 12))
  })

  it('[LOGIN-CHALLENGE-DISTINCT] a new draw is taken at each attempt: the positions follow the source', () => {
    const random = replay([0, 0, 0, 5, 5, 5])
    expect(challengePositions(random)).toEqual([1, 11, 12])
    expect(challengePositions(random)).toEqual([6, 11, 12])
  })

  it('[LOGIN-CHALLENGE-DISTINCT] recognises only well-formed challenges read back from storage', () => {
    expect(isChallengePositions([1, 10, 12])).toBe(true)
    expect(isChallengePositions([1, 1, 12])).toBe(false)
    expect(isChallengePositions([12, 10, 1])).toBe(false)
    expect(isChallengePositions([0, 10, 12])).toBe(false)
    expect(isChallengePositions([1, 10, 13])).toBe(false)
    expect(isChallengePositions([1, 10])).toBe(false)
    expect(isChallengePositions([1, 2.5, 12])).toBe(false)
    expect(isChallengePositions('1,10,12')).toBe(false)
  })
})

describe('verifying the characters entered', () => {
  it('[LOGIN-CHALLENGE-VERIFY] passes when the characters are those at the requested positions ("positions 1, 10 and 12")', () => {
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'R', 'z'])).toBe(true)
    expect(verifySecurityCode(CODE, [3, 4, 8], ['7', '#', '!'])).toBe(true)
  })

  it('[LOGIN-CHALLENGE-VERIFY] fails when any one character is wrong, missing, doubled or answers another position', () => {
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'R', 'x'])).toBe(false)
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'R'])).toBe(false)
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'R', 'zz'])).toBe(false)
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'z', 'R'])).toBe(false)
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'R', ''])).toBe(false)
    // a malformed challenge never verifies, even with matching characters
    expect(verifySecurityCode(CODE, [1, 1, 12], ['K', 'K', 'z'])).toBe(false)
    expect(verifySecurityCode(CODE, [0, 10, 12], ['K', 'R', 'z'])).toBe(false)
  })

  it('[LOGIN-CASE-SENSITIVE] the security-code check is case-sensitive', () => {
    expect(verifySecurityCode(CODE, [1, 10, 12], ['k', 'R', 'z'])).toBe(false)
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'r', 'z'])).toBe(false)
    expect(verifySecurityCode(CODE, [1, 10, 12], ['K', 'R', 'Z'])).toBe(false)
  })

  it('[LOGIN-CHALLENGE-VERIFY] law: the code\'s own characters always verify, and changing any one of them never does', () => {
    const code = fc.array(fc.constantFrom(...'aB3#éΩ9!zQ€_'), { minLength: 12, maxLength: 12 }).map((cs) => cs.join(''))
    fc.assert(
      fc.property(code, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), fc.nat({ max: 2 }), fc.constantFrom(...'xYk7%'), (c, draws, which, other) => {
        const chars = credentialCharacters(c)
        const positions = challengePositions(replay(draws))
        const answer = positions.map((p) => chars[p - 1] ?? '')
        expect(verifySecurityCode(c, positions, answer)).toBe(true)
        const wrong = answer.map((a, i) => (i === which ? (a === other ? 'w' : other) : a))
        expect(verifySecurityCode(c, positions, wrong)).toBe(false)
      }),
    )
  })
})
