/**
 * The entry of the browser bundle the element tests load: every element defined, and a helper that
 * gives a provider an HTTP client naming the test caller (the test server trusts an `x-test-user`
 * header; a real portal signs in instead).
 *
 * @module
 */
import '../define.js'
import { createHttpImiClient } from '@imi-kit/server-adapter/client'
import type { ImiProvider } from '../provider/provider.js'

declare global {
  interface Window {
    /** Gives every provider of the page a client acting as `userId`. */
    imiUseTestUser(userId: string): void
  }
}

window.imiUseTestUser = (userId: string) => {
  const client = createHttpImiClient({
    baseUrl: '/api',
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers)
      headers.set('x-test-user', userId)
      return fetch(input, { ...init, headers })
    }) as typeof fetch,
  })
  for (const p of document.querySelectorAll<ImiProvider>('imi-provider')) p.client = client
}
