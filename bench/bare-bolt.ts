import { App, HTTPReceiver } from '@slack/bolt';

/**
 * The baseline for acknowledgement latency: a Bolt app on the same receiver settings that only
 * acks. Our app's overhead is measured against this, on the same machine in the same run.
 */
const receiver = new HTTPReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  processBeforeResponse: false,
});
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  receiver,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command(/.*/, async ({ ack }) => ack());
app.action(/.*/, async ({ ack }) => ack());
receiver.start(Number(process.env.PORT)).then(() => process.stdout.write('bare bolt ready\n'));
process.on('SIGTERM', () => receiver.stop().then(() => process.exit(0)));
