import { slackCredentialsPresent } from '../src/config';
import { runSandboxProcess } from './run-sandbox';

/** `npm run sandbox`: the sandbox on purpose. Refuses when Slack credentials are set. */
const present = slackCredentialsPresent(process.env);
if (present.length > 0) {
  process.stderr.write(
    `The sandbox runs only without Slack credentials, and ${present.join(', ')} ${present.length > 1 ? 'are' : 'is'} set.\n` +
      'Unset them to try the sandbox, or use `npm start` to run against Slack.\n',
  );
  process.exit(1);
}
void runSandboxProcess();
