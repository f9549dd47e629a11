/**
 * Laws of the lockout counter (spec §4.5, AMB-L3) over random sequences of attempts, resets and
 * password changes, checked against a plain model: blocked exactly when 5 failures followed each
 * other since the last success or reset, and blocked until a reset.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import type { LoginAccountState, LoginEvidence } from '../index.js'
import { DEFAULT_LOGIN_RULES, MAX_LOGIN_ATTEMPTS, attemptLogin, isBlocked, recordFailure, resetAccount } from '../index.js'

type Step =
  | { readonly kind: 'attempt'; readonly evidence: LoginEvidence }
  | { readonly kind: 'reauthentication-failed' }
  | { readonly kind: 'reset' }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({ passwordMatches: fc.boolean(), securityCode: fc.constantFrom<LoginEvidence['securityCode']>('match', 'mismatch', 'no-challenge') })
      .map((evidence) => ({ kind: 'attempt' as const, evidence })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'reauthentication-failed' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'reset' as const }) },
)

const T0 = new Date('2026-03-02T08:00:00.000Z')

describe('the lockout counter', () => {
  it('[LOGIN-ATTEMPTS-CONSECUTIVE] [LOGIN-FIVE-ATTEMPTS] [LOGIN-BLOCKED-RESET] agrees with the model over any sequence', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        // The model: failures since the last success or reset, and whether the 5th was reached.
        let modelFailures = 0
        let modelBlocked = false
        let state: LoginAccountState = { stage: 'active', consecutiveFailures: 0 }
        steps.forEach((s, i) => {
          const now = new Date(T0.getTime() + i * 60_000)
          if (s.kind === 'reset') {
            const r = resetAccount(state, now, DEFAULT_LOGIN_RULES)
            if (E.isLeft(r)) throw new Error('a reset of an opened account never fails')
            // play the first login at once, so that the account is active again
            state = { stage: 'active', consecutiveFailures: r.right.state.consecutiveFailures }
            modelFailures = 0
            modelBlocked = false
            return
          }
          const failure = s.kind === 'reauthentication-failed' || !s.evidence.passwordMatches || s.evidence.securityCode === 'mismatch'
          const noChallenge = s.kind === 'attempt' && s.evidence.passwordMatches && s.evidence.securityCode === 'no-challenge'
          const r = s.kind === 'attempt' ? attemptLogin(state, s.evidence, now) : { ...recordFailure(state, now), outcome: 'invalid-credentials' as const }
          if (modelBlocked) {
            // blocked: nothing changes, the right password only learns that the account is blocked
            expect(r.state).toEqual(state)
            if (s.kind === 'attempt' && s.evidence.passwordMatches) expect(r.outcome).toBe('blocked')
            else expect(r.outcome).toBe('invalid-credentials')
          } else if (failure) {
            modelFailures += 1
            modelBlocked = modelFailures >= MAX_LOGIN_ATTEMPTS
            expect(r.outcome).toBe('invalid-credentials')
            expect(r.effects.map((e) => e.type)).toEqual(modelBlocked ? ['end-sessions'] : [])
          } else if (noChallenge) {
            expect(r.outcome).toBe('challenge-expired')
          } else {
            modelFailures = 0
            expect(r.outcome).toBe('signed-in')
          }
          state = r.state
          expect(state.consecutiveFailures).toBe(modelFailures)
          expect(isBlocked(state)).toBe(modelBlocked)
          expect(state.consecutiveFailures).toBeLessThanOrEqual(MAX_LOGIN_ATTEMPTS)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('[LOGIN-FIVE-ATTEMPTS] any 5 consecutive failures block, whatever preceded them', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (prefix) => {
        let state: LoginAccountState = { stage: 'active', consecutiveFailures: 0 }
        for (const s of prefix) {
          if (s.kind === 'attempt') state = attemptLogin(state, s.evidence, T0).state
          else if (s.kind === 'reauthentication-failed') state = recordFailure(state, T0).state
        }
        for (let i = 0; i < MAX_LOGIN_ATTEMPTS; i++) state = attemptLogin(state, { passwordMatches: false, securityCode: 'match' }, T0).state
        expect(isBlocked(state)).toBe(true)
      }),
    )
  })
})
