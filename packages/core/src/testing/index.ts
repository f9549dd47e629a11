/**
 * `@imi-kit/core/testing` — fixtures and a pure harness for testing procedures and the systems that
 * embed them: a directory of authorities and users in three member states, and a harness that runs
 * commands through decide and evolve.
 *
 * @packageDocumentation
 */
export { PQ, SERVICES_LA, A, U, worldData, withRequestAccess, withUser, world } from './world.js'
export type { HarnessExchange, Harness } from './harness.js'
export { createHarness } from './harness.js'
