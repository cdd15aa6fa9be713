/**
 * Sandbox or Slack? Only when NONE of the Slack credentials is set: a half-configured real
 * install (one token missing) must keep failing with the config error that names what is
 * missing, never quietly become a sandbox.
 */
export const SLACK_CREDENTIALS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const;

export function slackCredentialsPresent(env: Record<string, string | undefined>): string[] {
  return SLACK_CREDENTIALS.filter((name) => (env[name] ?? '').trim() !== '');
}

export function shouldRunSandbox(env: Record<string, string | undefined>): boolean {
  return slackCredentialsPresent(env).length === 0;
}
