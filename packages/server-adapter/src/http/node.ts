/**
 * The Node `http` binding: turns an `IncomingMessage` into a web `Request` (the body streamed, never
 * buffered whole) and writes the web `Response` back.
 *
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/**
 * A Node request listener serving a web-standard handler.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createNodeListener } from '@imi-kit/server-adapter'
 * createServer(createNodeListener(async () => new Response('ok'))).listen(0)
 * ```
 * @category http
 */
export const createNodeListener =
  (handler: (request: Request) => Promise<Response>, options: { readonly origin?: string } = {}) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      try {
        const origin = options.origin ?? `http://${req.headers.host ?? 'localhost'}`
        const headers = new Headers()
        for (const [k, v] of Object.entries(req.headers)) {
          if (v === undefined) continue
          for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value)
        }
        const method = req.method ?? 'GET'
        const hasBody = method !== 'GET' && method !== 'HEAD'
        let url: string
        try {
          url = new URL(req.url ?? '/', origin).toString()
        } catch {
          url = `${origin}/__invalid__`
        }
        const request = new Request(url, {
          method,
          headers,
          ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
        } as RequestInit)
        const response = await handler(request)
        res.statusCode = response.status
        // Set-Cookie must stay separate headers: setHeader per value would keep only the last cookie.
        response.headers.forEach((value, key) => {
          if (key !== 'set-cookie') res.setHeader(key, value)
        })
        const cookies = response.headers.getSetCookie()
        if (cookies.length > 0) res.setHeader('set-cookie', cookies)
        // A body the handler did not read to its end (refused early: too large, unauthenticated, of
        // the wrong type) still occupies the connection, and the next request on it would wait behind
        // it until the socket times out. Close the connection after this response and discard the rest.
        if (hasBody && !req.complete) {
          res.setHeader('connection', 'close')
          res.on('finish', () => {
            req.removeAllListeners('data')
            req.resume()
          })
        }
        if (response.body === null) {
          res.end()
          return
        }
        const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)
        body.on('error', () => res.destroy())
        body.pipe(res)
      } catch {
        if (!res.headersSent) {
          res.statusCode = 400
          res.setHeader('content-type', 'application/json; charset=utf-8')
          res.end(JSON.stringify({ error: { code: 'http.bad-request', message: 'The request could not be read' } }))
        } else res.destroy()
      }
    })()
  }
