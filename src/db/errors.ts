/**
 * Whether an error means "the database is not answering" (as opposed to a bug or a constraint):
 * then nothing was written, and the person can safely try again.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string; original?: unknown } | undefined;
  if (!e) return false;
  if (e.original && isDatabaseUnavailable(e.original)) return true;
  const code = e.code ?? '';
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03'].includes(
      code,
    )
  )
    return true;
  if (/^08/.test(code)) return true; // connection exceptions
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|PGlite is closed|Client has encountered a connection error|Query read timeout|the database system is (starting up|shutting down)/i.test(
    e.message ?? '',
  );
}
