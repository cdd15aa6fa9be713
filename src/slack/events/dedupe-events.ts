import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Deps } from '../../deps';

/**
 * Slack redelivers an event (X-Slack-Retry-Num) when our answer was slow or lost, and Bolt
 * does not de-duplicate. The first delivery of an `event_id` wins; later ones are acked and
 * dropped.
 */
export function dedupeEvents({ db }: Deps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { body, next } = args;
    const eventId = (body as { type?: string; event_id?: string }).event_id;
    if ((body as { type?: string }).type !== 'event_callback' || !eventId) {
      await next();
      return;
    }
    const inserted = await db
      .insertInto('processed_events')
      .values({ event_id: eventId })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      // Bolt acks every event itself except function_executed, whose ack it leaves to the
      // listener: a dropped redelivery must still be answered 200, or Slack sees a failure.
      const ack = (args as { ack?: () => Promise<void> }).ack;
      if (ack) await ack();
      return;
    }
    await next();
  };
}
