/**
 * `npm start`: the national-portal demo. Starts the portal on http://localhost:8080 (or `PORT`),
 * with its data in `examples/portal/.data` (or `IMI_PORTAL_DATA`), seeded at first start, and prints
 * the URL and the demo logins. Ctrl+C stops it; the data stays for the next start.
 */
import { DEMO_PASSWORD, DEMO_SECURITY_CODE } from './seed.js'
import type { DemoLogin } from './seed.js'
import { startPortal } from './portal.js'

const port = Number(process.env.PORT ?? 8080)
const dataDir = process.env.IMI_PORTAL_DATA

/** The logins as a table, one line per user, grouped by member state and authority. */
const table = (logins: ReadonlyArray<DemoLogin>): string[] => {
  const rows = logins.map((l) => [l.memberState, l.authority, l.name, l.roles.join(', '), l.username])
  const head = ['MS', 'authority', 'user', 'roles', 'username']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: ReadonlyArray<string>) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)]
}

try {
  console.log('Starting the IMI national-portal demo…')
  const portal = await startPortal({ port, ...(dataDir === undefined ? {} : { dataDir }), log: (l) => console.log(`  ${l}`) })
  console.log(portal.seeded ? `Created and seeded ${portal.dataDir}` : `Opened ${portal.dataDir} (delete it to start afresh)`)
  console.log('')
  for (const l of table(portal.logins)) console.log(l)
  console.log('')
  console.log(`Every demo account signs in with the password ${DEMO_PASSWORD} and the security code ${DEMO_SECURITY_CODE}`)
  console.log('(the login asks for three of its twelve characters, by position). Demo only: never use these anywhere else.')
  console.log('Try: the French request handler (Camille Martin) creates and sends a request to the Ärztekammer Berlin;')
  console.log('     the German request handler (Lena Müller) accepts and replies; Camille closes it.')
  console.log('')
  console.log(`The portal is at ${portal.url}   (Ctrl+C stops it)`)

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n${signal}: stopping the portal…`)
    portal.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
} catch (error) {
  if ((error as { code?: unknown }).code === 'EADDRINUSE') console.error(`Port ${port} is in use: stop what uses it, or start on another port, e.g. PORT=8081 npm start`)
  else console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
