/**
 * The credentials of the built-in IMI login (spec §4.1): the password policy, the composition of the
 * 12-character security code, and the generation of temporary passwords.
 *
 * Characters are Unicode code points of the NFC form: a user who types `é` on one keyboard and
 * `e` + combining accent on another enters the same credential, and the positions of the security
 * code (`challengePositions`) count what the user sees as one character. Nothing is case-folded:
 * every check is case-sensitive (LOGIN-CASE-SENSITIVE).
 *
 * @module
 */
import type { RandomInt } from './random.js'
import { pick, shuffle } from './random.js'

// ---------------------------------------------------------------------------------------------
// constants

/** The minimum length of a password, which no policy can lower (LOGIN-PASSWORD-MIN-8). @category constants */
export const PASSWORD_MIN_LENGTH = 8

/** The exact length of a security code (LOGIN-CODE-12-CHARS). @category constants */
export const SECURITY_CODE_LENGTH = 12

// ---------------------------------------------------------------------------------------------
// character classes

/**
 * The class of one character: a letter (any script), a decimal digit, whitespace or a control
 * character, or a symbol (everything else: punctuation, signs, currency, …).
 *
 * @category model
 */
export type CharacterClass = 'lower-case' | 'upper-case' | 'other-letter' | 'digit' | 'symbol' | 'blank'

/**
 * The class of one character (one code point).
 *
 * @example
 * ```ts
 * import { characterClass } from '@imi-kit/core'
 * characterClass('é') // 'lower-case'
 * characterClass('#') // 'symbol'
 * ```
 * @category queries
 */
export const characterClass = (c: string): CharacterClass => {
  if (/^\p{Ll}$/u.test(c)) return 'lower-case'
  if (/^\p{Lu}$/u.test(c)) return 'upper-case'
  if (/^\p{L}$/u.test(c)) return 'other-letter'
  if (/^\p{Nd}$/u.test(c)) return 'digit'
  if (/^[\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]$/u.test(c)) return 'blank'
  return 'symbol'
}

const isLetter = (k: CharacterClass): boolean => k === 'lower-case' || k === 'upper-case' || k === 'other-letter'

/**
 * The characters of a credential as the login counts them: the code points of its NFC form.
 *
 * @example
 * ```ts
 * import { credentialCharacters } from '@imi-kit/core'
 * credentialCharacters('e\u0301t\u00e9').length // 3
 * ```
 * @category queries
 */
export const credentialCharacters = (s: string): ReadonlyArray<string> => [...s.normalize('NFC')]

/**
 * A credential as it is hashed, sealed and compared: its NFC form, case preserved.
 *
 * @category queries
 */
export const normalizeCredential = (s: string): string => s.normalize('NFC')

// ---------------------------------------------------------------------------------------------
// password policy

/**
 * The password policy (spec §4.1, AMB-L2): a minimum length, never below 8, and which character
 * classes a password must contain. The system states these requirements to the user
 * (LOGIN-PASSWORD-POLICY); {@link describePasswordPolicy} gives them as data to translate.
 *
 * @category model
 */
export interface PasswordPolicy {
  /** At least {@link PASSWORD_MIN_LENGTH}; a lower value is raised to it. */
  readonly minLength: number
  /** At least one lower-case letter. */
  readonly lowerCase: boolean
  /** At least one upper-case letter. */
  readonly upperCase: boolean
  /** At least one decimal digit. */
  readonly digit: boolean
  /** At least one character that is neither a letter nor a digit. */
  readonly special: boolean
}

/**
 * The default policy: 8 characters with a lower-case letter, an upper-case letter, a digit and a
 * special character.
 *
 * @category constants
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: PASSWORD_MIN_LENGTH,
  lowerCase: true,
  upperCase: true,
  digit: true,
  special: true,
}

/**
 * Builds a policy from the defaults and a patch; a minimum length below 8 (or not a whole number)
 * is raised to 8, so that no configuration weakens LOGIN-PASSWORD-MIN-8.
 *
 * @example
 * ```ts
 * import { passwordPolicy } from '@imi-kit/core'
 * passwordPolicy({ minLength: 4, special: false }) // { minLength: 8, lowerCase: true, upperCase: true, digit: true, special: false }
 * ```
 * @category constructors
 */
export const passwordPolicy = (patch: Partial<PasswordPolicy> = {}): PasswordPolicy => {
  const merged = { ...DEFAULT_PASSWORD_POLICY, ...patch }
  const minLength = Number.isFinite(merged.minLength) ? Math.max(PASSWORD_MIN_LENGTH, Math.ceil(merged.minLength)) : PASSWORD_MIN_LENGTH
  return { ...merged, minLength }
}

/**
 * One requirement of a password policy, as shown to the user and as reported when it is not met.
 *
 * @category model
 */
export type PasswordRequirement =
  | { readonly requirement: 'min-length'; readonly minLength: number }
  | { readonly requirement: 'lower-case' | 'upper-case' | 'digit' | 'special' }

/**
 * The requirements of a policy, in the order the user reads them (LOGIN-PASSWORD-POLICY).
 *
 * @category queries
 */
export const describePasswordPolicy = (policy: PasswordPolicy): ReadonlyArray<PasswordRequirement> => {
  const p = passwordPolicy(policy)
  const classes = (['lower-case', 'upper-case', 'digit', 'special'] as const).filter((k) =>
    k === 'lower-case' ? p.lowerCase : k === 'upper-case' ? p.upperCase : k === 'digit' ? p.digit : p.special,
  )
  return [{ requirement: 'min-length', minLength: p.minLength }, ...classes.map((requirement) => ({ requirement }))]
}

/**
 * The requirements of the policy a password does not meet; empty when it is acceptable
 * (LOGIN-PASSWORD-MIN-8, LOGIN-PASSWORD-POLICY).
 *
 * @example
 * ```ts
 * import { checkPassword, DEFAULT_PASSWORD_POLICY } from '@imi-kit/core'
 * checkPassword('Tr0ub4dor&3', DEFAULT_PASSWORD_POLICY) // []
 * checkPassword('short', DEFAULT_PASSWORD_POLICY).map((r) => r.requirement) // ['min-length', 'upper-case', 'digit', 'special']
 * ```
 * @category queries
 */
export const checkPassword = (password: string, policy: PasswordPolicy): ReadonlyArray<PasswordRequirement> => {
  const chars = credentialCharacters(password)
  const classes = new Set(chars.map(characterClass))
  const has = {
    'lower-case': classes.has('lower-case'),
    'upper-case': classes.has('upper-case'),
    digit: classes.has('digit'),
    // Anything that is neither a letter nor a digit, a space included, is "special".
    special: classes.has('symbol') || classes.has('blank'),
  }
  return describePasswordPolicy(policy).filter((r) =>
    r.requirement === 'min-length' ? chars.length < r.minLength : !has[r.requirement],
  )
}

// ---------------------------------------------------------------------------------------------
// security code

/**
 * A way in which a proposed security code is not acceptable.
 * - `length`: not exactly 12 characters (LOGIN-CODE-12-CHARS);
 * - `letter`, `digit`, `symbol`: no character of that kind (LOGIN-CODE-COMPOSITION);
 * - `blank`: a space or an invisible character, which a user could not type back reliably.
 *
 * @category model
 */
export type SecurityCodeProblem = 'length' | 'letter' | 'digit' | 'symbol' | 'blank'

/**
 * What is wrong with a proposed security code; empty when it is acceptable: exactly 12 characters,
 * at least one letter, one digit and one symbol, no blanks (spec §4.1, AMB-L7).
 *
 * @example
 * ```ts
 * import { checkSecurityCode } from '@imi-kit/core'
 * checkSecurityCode('Kx7#mP2!qR9z') // []
 * checkSecurityCode('abcdefghijkl') // ['digit', 'symbol']
 * ```
 * @category queries
 */
export const checkSecurityCode = (code: string): ReadonlyArray<SecurityCodeProblem> => {
  const chars = credentialCharacters(code)
  const classes = chars.map(characterClass)
  const problems: SecurityCodeProblem[] = []
  if (chars.length !== SECURITY_CODE_LENGTH) problems.push('length')
  if (!classes.some(isLetter)) problems.push('letter')
  if (!classes.includes('digit')) problems.push('digit')
  if (!classes.includes('symbol')) problems.push('symbol')
  if (classes.includes('blank')) problems.push('blank')
  return problems
}

// ---------------------------------------------------------------------------------------------
// temporary passwords

const LOWER = 'abcdefghijkmnpqrstuvwxyz'
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const SPECIAL = '!#$%+-=?@_'

/** The length of a generated temporary password. @category constants */
export const TEMPORARY_PASSWORD_LENGTH = 16

/**
 * A temporary password: 16 characters (or the policy's minimum length, if longer) from an alphabet
 * without look-alike characters (no `0`/`O`, `1`/`l`/`I`), with at least one character of every
 * class, so that it satisfies any policy. Randomness is a parameter; the server passes a
 * cryptographic source.
 *
 * @example
 * ```ts
 * import { generateTemporaryPassword, DEFAULT_PASSWORD_POLICY, checkPassword } from '@imi-kit/core'
 * let i = 0
 * const random = (bound: number) => (i++ * 7) % bound
 * checkPassword(generateTemporaryPassword(random, DEFAULT_PASSWORD_POLICY), DEFAULT_PASSWORD_POLICY) // []
 * ```
 * @category constructors
 */
export const generateTemporaryPassword = (random: RandomInt, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string => {
  const length = Math.max(TEMPORARY_PASSWORD_LENGTH, passwordPolicy(policy).minLength)
  const all = LOWER + UPPER + DIGITS + SPECIAL
  const required = [LOWER, UPPER, DIGITS, SPECIAL].map((alphabet) => pick(random, alphabet))
  const rest = Array.from({ length: length - required.length }, () => pick(random, all))
  return shuffle(random, [...required, ...rest]).join('')
}
