/**
 * The few things the SQL storage needs from a PostgreSQL driver. PGlite and node-postgres are adapted
 * to it in `pglite/` and `postgres/`; any other driver that speaks PostgreSQL can be too.
 *
 * @module
 */

/**
 * A connection to PostgreSQL, or a transaction on one.
 *
 * This interface is the subset of a driver the storage needs. We don't use the drivers' types here,
 * so that the SQL storage depends on neither of them.
 *
 * @category sql
 */
export interface SqlClient {
  /** Runs one statement with `$1`, `$2`, … parameters. */
  query<R>(text: string, params?: ReadonlyArray<unknown>): Promise<{ readonly rows: R[] }>
  /**
   * Runs `fn` in a transaction: committed when `fn` resolves, rolled back when it rejects (and the
   * rejection passed on). Called on a client that is already a transaction, it runs `fn` in that
   * same transaction.
   */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>
}

/**
 * A {@link SqlClient} over a connection that is already inside a transaction: nested transactions
 * run in that same transaction. Drivers' adapters use it for the client they hand to `transaction`.
 *
 * @category sql
 */
export const sqlClientInTransaction = (connection: {
  query<R>(text: string, params: unknown[]): Promise<{ readonly rows: R[] }>
}): SqlClient => {
  const client: SqlClient = {
    query: (text, params = []) => connection.query(text, [...params]),
    transaction: (fn) => fn(client),
  }
  return client
}
