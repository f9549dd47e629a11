/**
 * Throwaway databases on the PostgreSQL server, for the `*.int.test.ts` suites. Not exported from the
 * package.
 *
 * @module
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The server the integration tests use; `.ci/run` makes sure one answers there. */
export const POSTGRES_TEST_URL = process.env.IMI_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** A database created for one test file. */
export interface TestDatabase {
  readonly name: string
  readonly url: string
  drop(): Promise<void>
}

const onServer = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL, connectionTimeoutMillis: 10_000 })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/**
 * Creates an empty database `imi_test_<random>`. It fails, loudly, when the server does not answer:
 * the integration tests never skip.
 */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const name = `imi_test_${randomBytes(6).toString('hex')}`
  await onServer((c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(POSTGRES_TEST_URL)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    },
  }
}
