/**
 * The personal-data vault of the SQL storage: the personal data the core takes out of each event is
 * sealed with AES-256-GCM under a key of its own exchange, and erasing the exchange's personal data
 * deletes that key and the sealed rows (crypto-shredding). Plain personal data never reaches a table,
 * a dump or the write-ahead log. Keys are themselves sealed under a key-encryption key when the
 * operator gives one.
 *
 * Web Crypto, so that the same code runs in Node and in a browser (PGlite in a page).
 *
 * @module
 */

// The subset of Web Crypto the vault needs, declared here rather than taken from a DOM or Node
// library, so that the package type-checks in either.
interface CryptoLike {
  getRandomValues(array: Uint8Array): Uint8Array
  readonly subtle: {
    importKey(format: 'raw', keyData: Uint8Array, algorithm: { name: 'AES-GCM' }, extractable: false, usages: ReadonlyArray<'encrypt' | 'decrypt'>): Promise<unknown>
    encrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>
    decrypt(algorithm: { name: 'AES-GCM'; iv: Uint8Array }, key: unknown, data: Uint8Array): Promise<ArrayBuffer>
  }
}

const webCrypto = (): CryptoLike => (globalThis as unknown as { crypto: CryptoLike }).crypto

const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string): Uint8Array => new Uint8Array((hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16)))

const aesKey = (raw: Uint8Array) => webCrypto().subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])

/** Seals bytes under a raw 256-bit key: hex of a fresh 96-bit IV followed by the ciphertext and tag. */
const sealBytes = async (raw: Uint8Array, plain: Uint8Array): Promise<string> => {
  const iv = webCrypto().getRandomValues(new Uint8Array(12))
  const sealed = new Uint8Array(await webCrypto().subtle.encrypt({ name: 'AES-GCM', iv }, await aesKey(raw), plain))
  return toHex(iv) + toHex(sealed)
}

const openBytes = async (raw: Uint8Array, sealed: string): Promise<Uint8Array> => {
  const bytes = fromHex(sealed)
  return new Uint8Array(await webCrypto().subtle.decrypt({ name: 'AES-GCM', iv: bytes.slice(0, 12) }, await aesKey(raw), bytes.slice(12)))
}

/**
 * Seals and opens the personal data of exchanges.
 *
 * @category sql
 */
export interface Vault {
  /** A new exchange key, as stored: sealed under the key-encryption key, or plain hex without one. */
  newKey(): Promise<string>
  seal(storedKey: string, personal: ReadonlyArray<unknown>): Promise<string>
  open(storedKey: string, sealed: string): Promise<ReadonlyArray<unknown>>
}

/**
 * Creates the vault. `keyEncryptionKey`, 32 bytes, seals every exchange key at rest; keep it outside
 * the database (a secret store, an HSM-backed file). Without it, exchange keys are stored plain and
 * erasure still shreds, but a copy of the database taken before erasure can be read.
 *
 * @category sql
 */
export const createVault = (keyEncryptionKey?: Uint8Array): Vault => {
  if (keyEncryptionKey !== undefined && keyEncryptionKey.length !== 32) throw new RangeError('The key-encryption key must be 32 bytes')
  const rawKey = async (stored: string): Promise<Uint8Array> =>
    stored.startsWith('k:') ? openBytes(keyEncryptionKey ?? new Uint8Array(32), stored.slice(2)) : fromHex(stored.slice(2))
  return {
    newKey: async () => {
      const raw = webCrypto().getRandomValues(new Uint8Array(32))
      return keyEncryptionKey === undefined ? `p:${toHex(raw)}` : `k:${await sealBytes(keyEncryptionKey, raw)}`
    },
    seal: async (storedKey, personal) => sealBytes(await rawKey(storedKey), new TextEncoder().encode(JSON.stringify(personal))),
    open: async (storedKey, sealed) => JSON.parse(new TextDecoder().decode(await openBytes(await rawKey(storedKey), sealed))) as ReadonlyArray<unknown>,
  }
}
