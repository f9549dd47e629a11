/**
 * A server for the browser tests of the elements: the elements' bundle, test pages, and the real API
 * (`createImiHandler` over the memory storage) under `/api`.
 *
 * @module
 */
import { createServer } from 'node:http'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { createNodeListener } from '@imi-kit/server-adapter'
import type { TestServer } from '../../../server-adapter/src/testing/test-server.js'
import { createTestServer } from '../../../server-adapter/src/testing/test-server.js'

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))

let bundle: Promise<string> | undefined

/** Bundles the test entry once per process, as a browser would load the published bundle. */
export const testBundle = (): Promise<string> => {
  bundle ??= build({
    entryPoints: [here('./test-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    minify: false,
    tsconfig: here('../../tsconfig.json'),
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]?.text ?? '')
  return bundle
}

/** A running page server. */
export interface PageServer {
  readonly url: string
  readonly api: TestServer
  /** Registers a page at `/pages/{name}` whose body is `body`. */
  page(name: string, body: string, lang?: string): string
  close(): Promise<void>
}

/** The options of {@link startPageServer}. */
export interface PageServerOptions {
  /**
   * Serves `/api/*` instead of the test server's handler, e.g. a `createImiHandler` with the built-in
   * login. `api` is still the test server, for fixtures.
   */
  readonly handler?: (request: Request) => Promise<Response>
}

/**
 * `createNodeListener` copies a response's headers one `setHeader` call at a time, so that a second
 * `Set-Cookie` replaces the first: of the built-in login's two cookies (session, CSRF) only the last
 * would reach the browser. This keeps every `Set-Cookie` of a response; it changes nothing once the
 * binding writes them together.
 */
const keepEverySetCookie = (res: ServerResponse): ServerResponse => {
  const setHeader = res.setHeader.bind(res)
  res.setHeader = ((name: string, value: number | string | ReadonlyArray<string>) => {
    if (name.toLowerCase() !== 'set-cookie') return setHeader(name, value)
    const before = res.getHeader('set-cookie')
    const kept = before === undefined ? [] : Array.isArray(before) ? before.map(String) : [String(before)]
    return setHeader(name, [...kept, ...(Array.isArray(value) ? value.map(String) : [String(value)])])
  }) as typeof res.setHeader
  return res
}

/** Starts a page server on a free port. */
export const startPageServer = async (options: PageServerOptions = {}): Promise<PageServer> => {
  const api = createTestServer()
  const listener = createNodeListener(options.handler ?? api.handler)
  const pages = new Map<string, string>()
  const code = await testBundle()
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path.startsWith('/api/')) return listener(req, options.handler === undefined ? res : keepEverySetCookie(res))
    if (path === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
      res.end(code)
      return
    }
    const page = pages.get(path)
    if (page === undefined) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(page)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    api,
    page: (name, body, lang = 'en') => {
      pages.set(`/pages/${name}`, `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${name}</title><script type="module" src="/bundle.js"></script></head><body><main>${body}</main></body></html>`)
      return `${url}/pages/${name}`
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
