import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  DEFAULT_PASSWORD_POLICY,
  PASSWORD_MIN_LENGTH,
  SECURITY_CODE_LENGTH,
  TEMPORARY_PASSWORD_LENGTH,
  characterClass,
  checkPassword,
  checkSecurityCode,
  credentialCharacters,
  describePasswordPolicy,
  generateTemporaryPassword,
  normalizeCredential,
  passwordPolicy,
} from '../index.js'

const requirements = (password: string, policy = DEFAULT_PASSWORD_POLICY) => checkPassword(password, policy).map((r) => r.requirement)

describe('password policy', () => {
  it('[LOGIN-PASSWORD-MIN-8] refuses a password of 7 characters and accepts one of 8', () => {
    // given the default policy, when a 7-character password meeting every class is checked
    expect(requirements('Ab1!xyz')).toEqual(['min-length'])
    // then one more character makes it acceptable
    expect(requirements('Ab1!xyzw')).toEqual([])
  })

  it('[LOGIN-PASSWORD-MIN-8] no configuration lowers the minimum below 8 characters', () => {
    expect(passwordPolicy({ minLength: 4 }).minLength).toBe(PASSWORD_MIN_LENGTH)
    expect(passwordPolicy({ minLength: Number.NaN }).minLength).toBe(PASSWORD_MIN_LENGTH)
    expect(passwordPolicy({ minLength: 12.2 }).minLength).toBe(13)
    const lax = passwordPolicy({ minLength: 1, lowerCase: false, upperCase: false, digit: false, special: false })
    expect(checkPassword('abcdefg', lax).map((r) => r.requirement)).toEqual(['min-length'])
    expect(checkPassword('abcdefgh', lax)).toEqual([])
  })

  it('[LOGIN-PASSWORD-MIN-8] counts characters, not UTF-16 units or combining sequences', () => {
    // 'é' typed as e + combining accent is one character
    expect(credentialCharacters('Ae\u0301!1xyz')).toHaveLength(7)
    expect(requirements('Ae\u0301!1xyz')).toEqual(['min-length'])
    // an astral symbol is one character too
    expect(requirements('Ab1😀xyz')).toEqual(['min-length'])
  })

  it('[LOGIN-PASSWORD-POLICY] requires each character class the policy names, and only those', () => {
    expect(requirements('abcdefgh')).toEqual(['upper-case', 'digit', 'special'])
    expect(requirements('ABCDEFGH')).toEqual(['lower-case', 'digit', 'special'])
    expect(requirements('Abcdefg1')).toEqual(['special'])
    expect(requirements('Abcdefg!')).toEqual(['digit'])
    const noSpecial = passwordPolicy({ special: false })
    expect(checkPassword('Abcdefg1', noSpecial)).toEqual([])
    const digitsOnly = passwordPolicy({ lowerCase: false, upperCase: false, special: false })
    expect(checkPassword('12345678', digitsOnly)).toEqual([])
    expect(checkPassword('abcdefgh', digitsOnly).map((r) => r.requirement)).toEqual(['digit'])
  })

  it('[LOGIN-PASSWORD-POLICY] states the requirements of the policy to the user as data', () => {
    expect(describePasswordPolicy(DEFAULT_PASSWORD_POLICY)).toEqual([
      { requirement: 'min-length', minLength: 8 },
      { requirement: 'lower-case' },
      { requirement: 'upper-case' },
      { requirement: 'digit' },
      { requirement: 'special' },
    ])
    expect(describePasswordPolicy(passwordPolicy({ minLength: 10, upperCase: false, special: false }))).toEqual([
      { requirement: 'min-length', minLength: 10 },
      { requirement: 'lower-case' },
      { requirement: 'digit' },
    ])
  })

  it('[LOGIN-PASSWORD-POLICY] classes letters of every script by case', () => {
    expect(characterClass('ß')).toBe('lower-case')
    expect(characterClass('Ä')).toBe('upper-case')
    expect(characterClass('Ω')).toBe('upper-case')
    expect(characterClass('中')).toBe('other-letter')
    expect(characterClass('7')).toBe('digit')
    expect(characterClass('€')).toBe('symbol')
    expect(characterClass(' ')).toBe('blank')
    expect(requirements('Äpfelß1€')).toEqual([])
  })
})

describe('security code', () => {
  it('[LOGIN-CODE-12-CHARS] accepts exactly 12 characters, not 11 nor 13', () => {
    expect(checkSecurityCode('Kx7#mP2!qR9z')).toEqual([])
    expect(checkSecurityCode('Kx7#mP2!qR9')).toEqual(['length'])
    expect(checkSecurityCode('Kx7#mP2!qR9zz')).toEqual(['length'])
    expect(SECURITY_CODE_LENGTH).toBe(12)
  })

  it('[LOGIN-CODE-12-CHARS] counts characters as the user sees them', () => {
    // 11 visible characters, one of them written e + combining accent: 12 UTF-16 units, 11 characters
    expect(checkSecurityCode('Kx7#mP2!qRe\u0301')).toEqual(['length'])
    expect(checkSecurityCode('Kx7#mP2!qR9e\u0301')).toEqual([])
  })

  it('[LOGIN-CODE-COMPOSITION] requires at least one letter, one digit and one symbol', () => {
    expect(checkSecurityCode('123456789#!$')).toEqual(['letter'])
    expect(checkSecurityCode('abcdefghij#!')).toEqual(['digit'])
    expect(checkSecurityCode('abcdefghij12')).toEqual(['symbol'])
    expect(checkSecurityCode('abcdefghijkl')).toEqual(['digit', 'symbol'])
    expect(checkSecurityCode('a1#aaaaaaaaa')).toEqual([])
  })

  it('[LOGIN-CODE-COMPOSITION] refuses spaces and invisible characters, which cannot be typed back reliably', () => {
    expect(checkSecurityCode('Kx7#mP2 qR9z')).toEqual(['blank'])
    expect(checkSecurityCode('Kx7#mP2\u200bqR9z')).toEqual(['blank'])
  })

  it('[LOGIN-CODE-COMPOSITION] every string of 12 characters with a letter, a digit and a symbol and no blank is accepted', () => {
    const letter = fc.constantFrom(...'aZéΩж')
    const digit = fc.constantFrom(...'0123456789')
    const symbol = fc.constantFrom(...'!#$%&*+-/<=>?@[]^_{}~€§')
    const any = fc.oneof(letter, digit, symbol)
    fc.assert(
      fc.property(letter, digit, symbol, fc.array(any, { minLength: 9, maxLength: 9 }), fc.nat(), (l, d, s, rest, seed) => {
        const chars = [l, d, s, ...rest]
        const rotated = [...chars.slice(seed % 12), ...chars.slice(0, seed % 12)]
        expect(checkSecurityCode(rotated.join(''))).toEqual([])
      }),
    )
  })
})

describe('case sensitivity and normalization', () => {
  it('[LOGIN-CASE-SENSITIVE] normalization keeps the case of every character', () => {
    expect(normalizeCredential('PassWord1!')).toBe('PassWord1!')
    expect(normalizeCredential('PassWord1!')).not.toBe(normalizeCredential('password1!'))
    expect(normalizeCredential('Ae\u0301')).toBe('Aé')
  })
})

describe('temporary passwords', () => {
  it('a generated temporary password satisfies the strictest policy, whatever the random source', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.integer({ min: 8, max: 24 }), (draws, minLength) => {
        let i = 0
        const random = (bound: number) => (draws[i++ % draws.length] ?? 0) % bound
        const policy = passwordPolicy({ minLength })
        const password = generateTemporaryPassword(random, policy)
        expect(checkPassword(password, policy)).toEqual([])
        expect(credentialCharacters(password)).toHaveLength(Math.max(TEMPORARY_PASSWORD_LENGTH, minLength))
        // no look-alike characters: it is read from an e-mail and typed by hand
        expect(password).not.toMatch(/[0O1lI]/)
      }),
    )
  })

  it('different random draws give different temporary passwords', () => {
    let a = 0
    let b = 1000
    const p1 = generateTemporaryPassword((bound) => a++ % bound)
    const p2 = generateTemporaryPassword((bound) => (b += 7) % bound)
    expect(p1).not.toBe(p2)
  })
})
