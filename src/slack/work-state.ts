import type { Database } from '../db/client';
import type { Logger } from '../logger';

/**
 * Whether Slack still lets the app work in this workspace. `app_uninstalled` or `tokens_revoked`
 * stops all Slack work — the outbox sender and the schedules — with one clear log line, and
 * /readyz says why. The data stays until erased. Recorded in the database so every replica
 * stops (the scheduler looks at each tick); a restart whose token works again (auth.test at
 * start) clears it.
 */
export class SlackWork {
  private reason: string | undefined;
  private readonly stops: (() => unknown)[] = [];

  constructor(private readonly logger: Logger) {}

  get stoppedBecause(): string | undefined {
    return this.reason;
  }

  /** Something to stop when Slack work stops (the sender, the scheduler). */
  onStop(stop: () => unknown): void {
    this.stops.push(stop);
  }

  async stop(reason: string): Promise<void> {
    if (this.reason) return;
    this.reason = reason;
    this.logger.warn(
      { reason },
      `Slack work stopped: ${reason}. No message will be sent and no schedule will run; the data stays. Reinstall the app and restart with its new token to resume.`,
    );
    for (const stop of this.stops) await Promise.resolve(stop()).catch(() => undefined);
  }

  /** Another replica heard it: stop here too. */
  async follow(db: Database): Promise<void> {
    if (this.reason) return;
    const reason = await stoppedReason(db);
    if (reason) await this.stop(reason);
  }
}

export async function stoppedReason(db: Database): Promise<string | undefined> {
  const row = await db.selectFrom('slack_installation').select('stopped_reason').executeTakeFirst();
  return row?.stopped_reason ?? undefined;
}

export async function recordStopped(db: Database, reason: string, now: Date): Promise<void> {
  await db
    .insertInto('slack_installation')
    .values({ id: true, stopped_at: now, stopped_reason: reason })
    .onConflict((oc) => oc.column('id').doUpdateSet({ stopped_at: now, stopped_reason: reason }))
    .execute();
}

/** The token works (auth.test just answered): whatever stopped an earlier install is over. */
export async function clearStopped(db: Database): Promise<void> {
  await db.deleteFrom('slack_installation').execute();
}
