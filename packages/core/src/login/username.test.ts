import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { USERNAME_LENGTH, generateUsername, mentionsUsername, usernameDelivery } from '../index.js'

describe('usernames', () => {
  it('[LOGIN-USERNAME-GENERATED] the system generates the username from a random source', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: USERNAME_LENGTH, maxLength: USERNAME_LENGTH }), (draws) => {
        let i = 0
        const username = generateUsername((bound) => (draws[i++] ?? 0) % bound)
        expect(username).toHaveLength(USERNAME_LENGTH)
        // starts with a letter, no look-alikes, one case: easy to dictate over the telephone
        expect(username).toMatch(/^[a-km-np-z][a-km-np-z2-9]{9}$/)
      }),
    )
  })

  it('[LOGIN-USERNAME-UNIQUE] distinct draws give distinct usernames, so duplicates only come from chance, which the store refuses', () => {
    const seen = new Set<string>()
    // a deterministic stand-in for a uniform source (mulberry32)
    let seed = 42
    const prng = (bound: number) => {
      seed = (seed + 0x6d2b79f5) | 0
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
      return Math.floor((((x ^ (x >>> 14)) >>> 0) / 4294967296) * bound)
    }
    for (let i = 0; i < 5000; i++) seen.add(generateUsername(prng))
    expect(seen.size).toBe(5000)
  })

  it('[LOGIN-USERNAME-FIRST-USER] the registering coordinator hands the first user\'s username over by telephone, encrypted message or in person', () => {
    expect(usernameDelivery('registered-by-coordinator')).toEqual({
      communicatedBy: 'registering-coordinator',
      channels: ['telephone', 'encrypted-message', 'in-person'],
      emailed: false,
    })
  })

  it('[LOGIN-USERNAME-OTHER-USERS] a local data administrator hands the username of a later user over, outside IMI', () => {
    const d = usernameDelivery('additional-user')
    expect(d.communicatedBy).toBe('local-data-administrator')
    expect(d.channels).toEqual(['telephone', 'in-person'])
  })

  it('[LOGIN-USERNAME-IN-SUMMARY] a self-registered first user reads the generated username in the end-of-registration summary', () => {
    expect(usernameDelivery('self-registration')).toEqual({ communicatedBy: 'registration-summary', channels: ['registration-summary'], emailed: false })
  })

  it('[LOGIN-USERNAME-NEVER-EMAILED] no registration path sends the username by e-mail, and mail texts can be checked for it', () => {
    for (const path of ['registered-by-coordinator', 'self-registration', 'additional-user'] as const) {
      expect(usernameDelivery(path).emailed).toBe(false)
      expect(usernameDelivery(path).channels).not.toContain('email')
    }
    expect(mentionsUsername('Your temporary password is attached. Your username is frk7qz2m9x.', 'frk7qz2m9x')).toBe(true)
    expect(mentionsUsername('YOUR USERNAME: FRK7QZ2M9X', 'frk7qz2m9x')).toBe(true)
    expect(mentionsUsername('Your temporary password: Xy7#…', 'frk7qz2m9x')).toBe(false)
    expect(mentionsUsername('anything', '')).toBe(false)
  })
})
