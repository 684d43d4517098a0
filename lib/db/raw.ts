import 'server-only';

/**
 * The rows of a raw `db.execute(sql…)`: node-postgres and PGlite both answer `{rows}`, but the shared database
 * type (over either driver's result) leaves it `unknown`. The row type is the caller's SQL's: cast once, here.
 */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
