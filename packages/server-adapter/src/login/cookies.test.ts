import { describe, expect, it } from 'vitest'
import { csrfCookie, expiredCookie, isCookieName, parseCookies, sessionCookie } from './cookies.js'

describe('login cookies', () => {
  it('the session cookie is HttpOnly, Secure, SameSite=Strict and for the whole site', () => {
    const v = sessionCookie('__Host-imi-session', 'tok')
    expect(v).toBe('__Host-imi-session=tok; HttpOnly; Secure; SameSite=Strict; Path=/')
    expect(v).not.toMatch(/Domain=|Expires=|Max-Age=/)
  })

  it('the CSRF cookie is readable by the page, strict otherwise; logout removes both', () => {
    expect(csrfCookie('__Host-imi-csrf', 'c')).toBe('__Host-imi-csrf=c; Secure; SameSite=Strict; Path=/')
    expect(expiredCookie('__Host-imi-session', true)).toBe('__Host-imi-session=; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=0')
    expect(expiredCookie('__Host-imi-csrf', false)).toBe('__Host-imi-csrf=; Secure; SameSite=Strict; Path=/; Max-Age=0')
  })

  it('reads cookies leniently, first occurrence wins, malformed pairs skipped', () => {
    const c = parseCookies('a=1; __Host-imi-session=abc_-9; a=2; broken; =x; q="quoted"; bad=va lue')
    expect(c.get('a')).toBe('1')
    expect(c.get('__Host-imi-session')).toBe('abc_-9')
    expect(c.get('q')).toBe('quoted')
    expect(c.has('bad')).toBe(false)
    expect(c.has('broken')).toBe(false)
    expect(parseCookies(null).size).toBe(0)
    expect(isCookieName('__Host-imi-session')).toBe(true)
    expect(isCookieName('bad name')).toBe(false)
  })
})
