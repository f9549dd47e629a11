/**
 * A back-office script driving one request for information and one Services Directive alert through
 * their whole lives with the core's application service over the in-memory storage, printing their
 * histories as the Management Information tab would show them.
 */
import { runAlertDemo } from './alert-demo.js'
import { runBackOfficeDemo } from './demo.js'

try {
  const { lines } = await runBackOfficeDemo()
  for (const line of lines) console.log(line)
  console.log('')
  console.log('— A Services Directive alert, from launch to closure —')
  for (const line of (await runAlertDemo()).lines) console.log(line)
} catch (error) {
  // The demo stops at the first refused command and says which rule refused it.
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
