/**
 * `@imi-kit/storage-adapters` — implementations of the storage ports of `@imi-kit/core`.
 * This release ships the in-memory storage; PGlite and PostgreSQL follow.
 *
 * @packageDocumentation
 */
export type { MemoryStorage } from './memory/memory-storage.js'
export { createMemoryStorage } from './memory/memory-storage.js'
