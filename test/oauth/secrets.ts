import type { TestApp } from '../support/test-app';
import { OAUTH_ENV } from '../support/test-app';

/** Every secret the OAuth flows handled: issued tokens, refresh tokens, client and state secrets. */
export function oauthSecrets(t: TestApp): string[] {
  const fromResponses = t.fake
    .callsTo('oauth.v2.access')
    .flatMap((c) => [c.response.access_token, c.response.refresh_token])
    .filter((v): v is string => typeof v === 'string');
  return [
    ...t.fake.issuedTokens.keys(),
    ...fromResponses,
    OAUTH_ENV.SLACK_CLIENT_SECRET,
    OAUTH_ENV.SLACK_STATE_SECRET,
  ];
}

/** The secrets that appear anywhere in the app's logs (none, or the test fails naming them). */
export function leakedSecrets(t: TestApp): string[] {
  const logs = JSON.stringify(t.logs);
  return oauthSecrets(t).filter((s) => logs.includes(s));
}
