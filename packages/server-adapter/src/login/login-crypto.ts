/**
 * The cryptography of the built-in login, on `node:crypto` only:
 * - passwords hashed with scrypt, a fresh salt per hash, the parameters stored with the hash;
 * - the security code sealed with AES-256-GCM under a key derived from the server secret. It cannot
 *   be hashed as a whole, because a login checks 3 characters at positions drawn at each attempt:
 *   the server must read the code per position. Sealing keeps it unreadable to whoever reads the
 *   database or a backup without the server secret; the account's user id is bound in as associated
 *   data, so a sealed code copied onto another account does not open;
 * - random tokens for sessions, CSRF and first-login continuations, stored only as SHA-256 hashes;
 * - constant-time comparisons of secrets.
 *
 * @module
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto'
import * as t from 'io-ts'
import type { RandomInt } from '@imi-kit/core'

// ---------------------------------------------------------------------------------------------
// random source

/**
 * The randomness the login draws on: bytes for tokens and salts, integers for usernames, temporary
 * passwords and challenge positions. The default is `node:crypto`; tests pass a seeded one.
 *
 * @category login
 */
export interface LoginRandom {
  bytes(size: number): Uint8Array
  int: RandomInt
}

/** The cryptographic random source of `node:crypto`. @category login */
export const cryptoRandom: LoginRandom = {
  bytes: (size) => randomBytes(size),
  int: (bound) => randomInt(bound),
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url')

/** A fresh random token: 32 bytes, base64url (43 characters). */
export const randomToken = (random: LoginRandom): string => b64url(random.bytes(32))

/** The SHA-256 of a token, hex: what storage keeps instead of the token. */
export const tokenHash = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

/** Equality of two strings in time that depends only on their lengths. */
export const sameSecret = (a: string, b: string): boolean => {
  // Hashing first gives equal-length inputs to timingSafeEqual whatever the lengths of a and b.
  const ha = createHash('sha256').update(a, 'utf8').digest()
  const hb = createHash('sha256').update(b, 'utf8').digest()
  return timingSafeEqual(ha, hb)
}

// ---------------------------------------------------------------------------------------------
// passwords

/**
 * The cost of scrypt: `N` (CPU/memory cost, a power of two), `r` (block size), `p` (parallelism),
 * and the length of the derived key in bytes. Stored with every hash, so that raising the cost
 * later leaves old hashes verifiable.
 *
 * @category login
 */
export interface ScryptParameters {
  readonly N: number
  readonly r: number
  readonly p: number
  readonly keyLength: number
}

/**
 * The default cost: OWASP's minimum for scrypt (N = 2¹⁷, r = 8, p = 1), about 128 MiB and a tenth of
 * a second per hash. Tests and low-memory hosts may lower it through the login's configuration.
 *
 * @category login
 */
export const DEFAULT_SCRYPT_PARAMETERS: ScryptParameters = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 }

/** A stored password hash. */
export interface PasswordHash {
  readonly alg: 'scrypt'
  readonly N: number
  readonly r: number
  readonly p: number
  readonly salt: string
  readonly hash: string
}

const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0

/**
 * True when scrypt parameters are sane: bounded, so that a tampered record cannot make one
 * verification eat the server's memory.
 */
export const validScryptParameters = (p: { readonly N: number; readonly r: number; readonly p: number }): boolean =>
  isPowerOfTwo(p.N) && p.N <= 2 ** 20 && Number.isInteger(p.r) && p.r >= 1 && p.r <= 32 && Number.isInteger(p.p) && p.p >= 1 && p.p <= 16

/** Codec of {@link PasswordHash}; refuses out-of-bounds parameters. */
export const PasswordHashCodec = t.refinement(
  t.readonly(t.type({ alg: t.literal('scrypt'), N: t.number, r: t.number, p: t.number, salt: t.string, hash: t.string })),
  validScryptParameters,
  'PasswordHash',
)

const derive = (secret: string, salt: Buffer, p: { readonly N: number; readonly r: number; readonly p: number }, keyLength: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, keyLength, { N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r * p.p + 1024 * 1024 }, (err, key) =>
      err === null ? resolve(key) : reject(err),
    )
  })

/** Hashes a password (or a temporary password) with a fresh 16-byte salt. */
export const hashPassword = async (password: string, params: ScryptParameters, random: LoginRandom): Promise<PasswordHash> => {
  const salt = Buffer.from(random.bytes(16))
  const key = await derive(password, salt, params, params.keyLength)
  return { alg: 'scrypt', N: params.N, r: params.r, p: params.p, salt: salt.toString('base64'), hash: key.toString('base64') }
}

/** True when the password is the one hashed; compared in constant time. */
export const verifyPassword = async (password: string, stored: PasswordHash): Promise<boolean> => {
  if (!validScryptParameters(stored)) return false
  const expected = Buffer.from(stored.hash, 'base64')
  if (expected.length < 16) return false
  const key = await derive(password, Buffer.from(stored.salt, 'base64'), stored, expected.length)
  return timingSafeEqual(key, expected)
}

// ---------------------------------------------------------------------------------------------
// server keys and the sealed security code

/** A stored, sealed security code. */
export interface SealedCode {
  readonly alg: 'A256GCM'
  /** Which server key sealed it, so that keys can be rotated. */
  readonly kid: string
  readonly iv: string
  readonly tag: string
  readonly data: string
}

/** Codec of {@link SealedCode}. */
export const SealedCodeCodec = t.readonly(t.type({ alg: t.literal('A256GCM'), kid: t.string, iv: t.string, tag: t.string, data: t.string }))

/** The keys derived from the server secrets: the first seals, all of them open. */
export interface LoginKeys {
  readonly seal: (plain: string, userId: string) => SealedCode
  readonly open: (sealed: SealedCode, userId: string) => string | undefined
  /** A keyed hash, for values that must be stable but unpredictable (the challenge of an unknown username). */
  readonly mac: (message: string) => Buffer
}

/** The shortest server secret accepted, in bytes. */
export const MIN_SECRET_BYTES = 32

const secretBytes = (s: string | Uint8Array): Buffer => (typeof s === 'string' ? Buffer.from(s, 'utf8') : Buffer.from(s))

const hkdf = (secret: Buffer, info: string): Buffer => Buffer.from(hkdfSync('sha256', secret, 'imi-kit login', info, 32))

/** True when a server secret is long enough. */
export const strongSecret = (s: string | Uint8Array): boolean => secretBytes(s).length >= MIN_SECRET_BYTES

/**
 * Derives the login's keys from the current server secret and any previous ones (still accepted to
 * open codes sealed before a rotation).
 */
export const loginKeys = (current: string | Uint8Array, previous: ReadonlyArray<string | Uint8Array> = []): LoginKeys => {
  const ring = [current, ...previous].map((s) => {
    const key = hkdf(secretBytes(s), 'security-code/aes-256-gcm/v1')
    return { key, kid: createHash('sha256').update(key).digest('hex').slice(0, 16) }
  })
  const sealing = ring[0] as { key: Buffer; kid: string }
  const macKey = hkdf(secretBytes(current), 'challenge/hmac-sha256/v1')
  const aad = (userId: string) => Buffer.from(`imi-kit security code\0${userId}`, 'utf8')
  return {
    seal: (plain, userId) => {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', sealing.key, iv)
      cipher.setAAD(aad(userId))
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return { alg: 'A256GCM', kid: sealing.kid, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') }
    },
    open: (sealed, userId) => {
      const entry = ring.find((k) => k.kid === sealed.kid)
      if (entry === undefined) return undefined
      try {
        const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(sealed.iv, 'base64'))
        decipher.setAAD(aad(userId))
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'))
        return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8')
      } catch (_tampered) {
        // A wrong tag, key or user id: the code does not open, which verifies nothing.
        return undefined
      }
    },
    mac: (message) => createHmac('sha256', macKey).update(message, 'utf8').digest(),
  }
}

/**
 * A deterministic {@link RandomInt} from a keyed hash of a seed: the same seed gives the same draws.
 * Each draw takes 32 bits of `HMAC(key, seed ‖ index)`; the modulo bias for bounds of at most 12
 * is below 10⁻⁸.
 */
export const seededRandom = (keys: LoginKeys, seed: string): RandomInt => {
  let index = 0
  return (bound) => keys.mac(`${seed}\0${index++}`).readUInt32BE(0) % bound
}
