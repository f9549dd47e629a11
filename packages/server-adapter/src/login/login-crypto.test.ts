import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCRYPT_PARAMETERS, cryptoRandom, hashPassword, loginKeys, sameSecret, seededRandom, tokenHash, verifyPassword } from './login-crypto.js'
import { Secret } from './secret.js'

const CHEAP = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 }
const SECRET = 'test secret of the login, 32 bytes or more'

describe('password hashing', () => {
  it('[LOGIN-CASE-SENSITIVE] verifies the exact password only, case included', async () => {
    const hash = await hashPassword('Tr0ub4dor&3', CHEAP, cryptoRandom)
    expect(await verifyPassword('Tr0ub4dor&3', hash)).toBe(true)
    expect(await verifyPassword('tr0ub4dor&3', hash)).toBe(false)
    expect(await verifyPassword('Tr0ub4dor&3 ', hash)).toBe(false)
    // the stored form holds the parameters and salt, not the password
    expect(hash).toMatchObject({ alg: 'scrypt', N: CHEAP.N, r: 8, p: 1 })
    expect(JSON.stringify(hash)).not.toContain('Tr0ub4dor')
  })

  it('salts every hash, so equal passwords give different hashes', async () => {
    const a = await hashPassword('Same-passw0rd', CHEAP, cryptoRandom)
    const b = await hashPassword('Same-passw0rd', CHEAP, cryptoRandom)
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
  })

  it('hashes with the default cost (OWASP minimum) too, and refuses tampered parameters', async () => {
    const hash = await hashPassword('Default-c0st!', DEFAULT_SCRYPT_PARAMETERS, cryptoRandom)
    expect(hash.N).toBe(2 ** 17)
    expect(await verifyPassword('Default-c0st!', hash)).toBe(true)
    expect(await verifyPassword('Default-c0st!', { ...hash, N: 2 ** 30 })).toBe(false)
    expect(await verifyPassword('Default-c0st!', { ...hash, N: 1000 })).toBe(false)
  })

  it('[LOGIN-CASE-SENSITIVE] normalizes to NFC, so the same visible password matches however it was typed', async () => {
    const hash = await hashPassword('Caf\u00e9-2026!', CHEAP, cryptoRandom)
    expect(await verifyPassword('Cafe\u0301-2026!', hash)).toBe(true)
  })
})

describe('the sealed security code', () => {
  it('opens for the same account only, and never holds the code in clear', () => {
    const keys = loginKeys(SECRET)
    const sealed = keys.seal('Kx7#mP2!qR9z', 'fr-ca-handler')
    expect(JSON.stringify(sealed)).not.toContain('Kx7#mP2!qR9z')
    expect(keys.open(sealed, 'fr-ca-handler')).toBe('Kx7#mP2!qR9z')
    // copied onto another account, it does not open
    expect(keys.open(sealed, 'fr-ca-handler-2')).toBeUndefined()
    // tampered, it does not open
    const data = Buffer.from(sealed.data, 'base64')
    data[0] = (data[0] ?? 0) ^ 1
    expect(keys.open({ ...sealed, data: data.toString('base64') }, 'fr-ca-handler')).toBeUndefined()
    // two seals of the same code differ (fresh nonce)
    expect(keys.seal('Kx7#mP2!qR9z', 'fr-ca-handler').data).not.toBe(sealed.data)
  })

  it('survives a rotation of the server secret, and does not open under another secret', () => {
    const old = loginKeys(SECRET)
    const sealed = old.seal('Kx7#mP2!qR9z', 'u1')
    const rotated = loginKeys('a brand new server secret of 32+ bytes', [SECRET])
    expect(rotated.open(sealed, 'u1')).toBe('Kx7#mP2!qR9z')
    expect(rotated.seal('x', 'u1').kid).not.toBe(sealed.kid)
    expect(loginKeys('a brand new server secret of 32+ bytes').open(sealed, 'u1')).toBeUndefined()
  })

  it('a seeded source is stable for one seed and differs across seeds', () => {
    const keys = loginKeys(SECRET)
    const draws = (seed: string) => {
      const r = seededRandom(keys, seed)
      return Array.from({ length: 20 }, () => r(12))
    }
    expect(draws('a')).toEqual(draws('a'))
    expect(draws('a')).not.toEqual(draws('b'))
    expect(draws('a').every((n) => Number.isInteger(n) && n >= 0 && n < 12)).toBe(true)
  })
})

describe('tokens and secrets', () => {
  it('[LOGIN-TEMP-PASSWORD-HIDDEN] a Secret never shows its value in strings, JSON or inspection', () => {
    const s = new Secret('Xy7#kQ2mPw9!aB3c')
    expect(String(s)).toBe('[secret]')
    expect(`${s}`).toBe('[secret]')
    expect(JSON.stringify({ s })).toBe('{"s":"[secret]"}')
    expect(inspect({ s })).not.toContain('Xy7#')
    expect(Object.keys(s)).toEqual([])
    expect(s.reveal()).toBe('Xy7#kQ2mPw9!aB3c')
  })

  it('[LOGIN-CASE-SENSITIVE] compares secrets exactly', () => {
    expect(sameSecret('abc', 'abc')).toBe(true)
    expect(sameSecret('abc', 'ABC')).toBe(false)
    expect(sameSecret('abc', 'abcd')).toBe(false)
    expect(tokenHash('abc')).toMatch(/^[0-9a-f]{64}$/)
  })
})
