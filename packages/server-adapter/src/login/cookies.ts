/**
 * Cookies of the built-in login: reading the `Cookie` header and building `Set-Cookie` values.
 *
 * @module
 */

/** The default name of the session cookie; the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain. @category login */
export const DEFAULT_SESSION_COOKIE = '__Host-imi-session'

/** The default name of the CSRF cookie, which the page's script reads and echoes in `x-imi-csrf`. @category login */
export const DEFAULT_CSRF_COOKIE = '__Host-imi-csrf'

/** The request header that must echo the CSRF token on unsafe cookie-authenticated requests. @category login */
export const CSRF_HEADER = 'x-imi-csrf'

// RFC 6265 cookie-name characters (a "token") and cookie-value characters.
const NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]*$/

/** True when a name can be used as a cookie name. @category login */
export const isCookieName = (name: string): boolean => NAME.test(name)

/**
 * The cookies of a `Cookie` header, by name; the first occurrence of a name wins, malformed pairs
 * are skipped.
 *
 * @category login
 */
export const parseCookies = (header: string | null): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  if (header === null) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    let value = part.slice(eq + 1).trim()
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    if (NAME.test(name) && VALUE.test(value) && !out.has(name)) out.set(name, value)
  }
  return out
}

const attributes = (httpOnly: boolean, maxAge?: number): string =>
  [...(httpOnly ? ['HttpOnly'] : []), 'Secure', 'SameSite=Strict', 'Path=/', ...(maxAge === undefined ? [] : [`Max-Age=${maxAge}`])].join('; ')

/**
 * The `Set-Cookie` value of the session cookie: `HttpOnly; Secure; SameSite=Strict; Path=/`, and no
 * expiry, so that the browser drops it when it closes; the server ends idle sessions itself.
 *
 * @example
 * ```ts
 * import { sessionCookie } from '@imi-kit/server-adapter'
 * sessionCookie('__Host-imi-session', 'abc') // '__Host-imi-session=abc; HttpOnly; Secure; SameSite=Strict; Path=/'
 * ```
 * @category login
 */
export const sessionCookie = (name: string, token: string): string => `${name}=${token}; ${attributes(true)}`

/**
 * The `Set-Cookie` value of the CSRF cookie: like the session cookie but readable by the page's
 * script (no `HttpOnly`), which sends it back in the `x-imi-csrf` header (double submit).
 *
 * @category login
 */
export const csrfCookie = (name: string, csrf: string): string => `${name}=${csrf}; ${attributes(false)}`

/**
 * A `Set-Cookie` value that removes a cookie (empty value, `Max-Age=0`), for logout.
 *
 * @category login
 */
export const expiredCookie = (name: string, httpOnly: boolean): string => `${name}=; ${attributes(httpOnly, 0)}`
