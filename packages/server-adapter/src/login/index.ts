/**
 * The built-in IMI login: what `src/index.ts` re-exports.
 *
 * @module
 */
export type {
  AuthenticatedSession,
  ChangePasswordInput,
  ChangePasswordResult,
  ImiLogin,
  ImiLoginConfig,
  ImiLoginOptions,
  IssuedSession,
  LoginChallenge,
  LoginResult,
  PasswordReset,
  RegisteredAccount,
  TemporaryPasswordDelivery,
} from './imi-login.js'
export { createImiLogin } from './imi-login.js'
export type { LoginRandom, ScryptParameters } from './login-crypto.js'
export { DEFAULT_SCRYPT_PARAMETERS, cryptoRandom } from './login-crypto.js'
export { CSRF_HEADER, DEFAULT_CSRF_COOKIE, DEFAULT_SESSION_COOKIE, csrfCookie, expiredCookie, parseCookies, sessionCookie } from './cookies.js'
export { Secret } from './secret.js'
