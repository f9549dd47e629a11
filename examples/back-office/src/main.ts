/**
 * A back-office script driving one request for information through its whole life with the core's
 * application service over the in-memory storage, then printing its history as the Management
 * Information tab would show it.
 */
import { runBackOfficeDemo } from './demo.js'

try {
  const { lines } = await runBackOfficeDemo()
  for (const line of lines) console.log(line)
} catch (error) {
  // The demo stops at the first refused command and says which rule refused it.
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
