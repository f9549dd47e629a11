/**
 * The client the browser test hands each framework: the HTTP client of
 * `@imi-kit/server-adapter/client`, naming the test caller in the `x-test-user` header that the test
 * server trusts (a real portal signs in instead, or sends a bearer token).
 *
 * @module
 */
import { createHttpImiClient } from '@imi-kit/server-adapter/client'
import type { ImiClient } from '@imi-kit/core'

/** An HTTP client on `/api` acting as `userId`. */
export const testClient = (userId: string): ImiClient =>
  createHttpImiClient({
    baseUrl: '/api',
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers)
      headers.set('x-test-user', userId)
      return fetch(input, { ...init, headers })
    }) as typeof fetch,
  })
