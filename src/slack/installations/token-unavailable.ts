/**
 * No usable token right now: nothing is installed yet, the installation was removed, or its
 * rotated token could not be refreshed. It is transient for the outbox — the message waits and
 * goes once a token is back — so it carries a code of its own rather than a Slack error.
 */
export const TOKEN_UNAVAILABLE = 'slack_token_unavailable';

export class TokenUnavailable extends Error {
  readonly code = TOKEN_UNAVAILABLE;
  constructor(
    readonly reason: 'not_installed' | 'refresh_failed',
    message: string,
  ) {
    super(message);
    this.name = 'TokenUnavailable';
  }
}

export function isTokenUnavailable(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === TOKEN_UNAVAILABLE;
}
