/**
 * What the login keeps in an account record's `data`: the non-secret state of the core, and the
 * credentials in forms that cannot be read back (a scrypt hash of the password, the security code
 * sealed, hashes of the pending tokens). Never a password, temporary password or code in clear.
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import type { ChallengePositions, LoginAccountState } from '@imi-kit/core'
import { LoginAccountStateCodec, isChallengePositions } from '@imi-kit/core'
import type { PasswordHash, SealedCode } from './login-crypto.js'
import { PasswordHashCodec, SealedCodeCodec } from './login-crypto.js'

/** The positions of the pending security-code challenge and when they expire. */
export interface PendingChallenge {
  readonly positions: ChallengePositions
  readonly expiresAt: string
}

/** The hash of the token that continues a first login (password change, then code), and its expiry. */
export interface PendingContinuation {
  readonly hash: string
  readonly expiresAt: string
}

/** The login's data in an account record. */
export interface AccountData {
  readonly v: 1
  readonly state: LoginAccountState
  /** The password, or the temporary password in stage `temporary-password`; absent before validation. */
  readonly password?: PasswordHash
  /** The security code, sealed; absent until the first login sets it and after a reset. */
  readonly code?: SealedCode
  readonly challenge?: PendingChallenge
  readonly continuation?: PendingContinuation
}

const PositionsCodec = new t.Type<ChallengePositions, ChallengePositions, unknown>(
  'ChallengePositions',
  isChallengePositions,
  (u, c) => (isChallengePositions(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
)

const AccountDataCodec = t.intersection([
  t.type({ v: t.literal(1), state: LoginAccountStateCodec }),
  t.partial({
    password: PasswordHashCodec,
    code: SealedCodeCodec,
    challenge: t.type({ positions: PositionsCodec, expiresAt: t.string }),
    continuation: t.type({ hash: t.string, expiresAt: t.string }),
  }),
])

/** Reads the data of a stored record; `undefined` when it is not login data this version understands. */
export const decodeAccountData = (u: unknown): AccountData | undefined => {
  const r = AccountDataCodec.decode(u)
  return E.isRight(r) ? r.right : undefined
}

/** The JSON-safe form to store, without the absent optional fields. */
export const encodeAccountData = (d: AccountData): unknown => JSON.parse(JSON.stringify(d)) as unknown
