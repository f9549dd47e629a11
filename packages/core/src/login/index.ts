/**
 * The built-in IMI login as pure rules (spec §4): credentials, the security-code challenge, the
 * account lifecycle and who administers credentials. The server adapter runs them with real
 * randomness, hashing and storage.
 *
 * @module
 */
export type { RandomInt } from './random.js'
export type { CharacterClass, PasswordPolicy, PasswordRequirement, SecurityCodeProblem } from './credentials.js'
export {
  PASSWORD_MIN_LENGTH,
  SECURITY_CODE_LENGTH,
  TEMPORARY_PASSWORD_LENGTH,
  DEFAULT_PASSWORD_POLICY,
  characterClass,
  credentialCharacters,
  normalizeCredential,
  passwordPolicy,
  describePasswordPolicy,
  checkPassword,
  checkSecurityCode,
  generateTemporaryPassword,
} from './credentials.js'
export type { ChallengePositions } from './challenge.js'
export { SECURITY_CODE_CHALLENGE_COUNT, challengePositions, isChallengePositions, verifySecurityCode } from './challenge.js'
export type { RegistrationPath, UsernameChannel, UsernameDelivery } from './username.js'
export { USERNAME_LENGTH, generateUsername, usernameDelivery, mentionsUsername } from './username.js'
export type {
  LoginRules,
  AccountStage,
  LoginAccountState,
  AccountEffect,
  AccountTransition,
  LoginEvidence,
  LoginOutcome,
  LoginAttemptResult,
} from './account.js'
export {
  MAX_LOGIN_ATTEMPTS,
  TEMP_PASSWORD_SEND_MAX_DELAY_HOURS,
  DEFAULT_TEMP_PASSWORD_VALIDITY_DAYS,
  DEFAULT_LOGIN_RULES,
  LoginAccountStateCodec,
  loginRules,
  isBlocked,
  isTemporaryPasswordExpired,
  openAccount,
  validateAccount,
  resetAccount,
  recordFailure,
  attemptLogin,
  changeAccountPassword,
  setAccountSecurityCode,
} from './account.js'
export type { CredentialAdministration, CredentialAction, RecoveryContacts } from './permissions.js'
export { responsibleCoordinators, mayAdministerCredentials, recoveryContacts } from './permissions.js'
