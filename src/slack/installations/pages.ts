import type { CodedError } from '@slack/oauth';

/**
 * The pages a person sees in the browser while installing: the "Add to Slack" page, and what
 * the callback answers. Plain HTML without outside resources; every value shown is escaped.
 */

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)} · PMO Concierge</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1d1c1d; }
a.button { display: inline-block; padding: .6rem 1.2rem; background: #4a154b; color: #fff; border-radius: .3rem; text-decoration: none; font-weight: 600; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;
}

export function installPage(authorizeUrl: string): string {
  return page(
    'Install PMO Concierge',
    `<p>PMO Concierge lets people ask the PMO for help from Slack. Install it in a workspace, or
for the whole organisation on Enterprise Grid (choose the organisation on the next page).</p>
<p><a class="button" href="${escapeHtml(authorizeUrl)}">Add to Slack</a></p>`,
  );
}

export function installedPage(where: string): string {
  return page(
    'PMO Concierge is installed',
    `<p>PMO Concierge is installed in ${escapeHtml(where)}. You can close this page and open Slack:
type <code>/pmo help</code> in any channel.</p>`,
  );
}

const START_AGAIN = '<p><a class="button" href="/slack/install">Start again</a></p>';

/** Why the installation did not happen, in words for the person installing; never the error's internals. */
export function failedPage(error: CodedError): { status: number; html: string } {
  const slackError = (error as { data?: { error?: string } }).data?.error;
  if (error.code === 'slack_oauth_installer_authorization_error')
    return {
      status: 200,
      html: page(
        'Installation cancelled',
        `<p>PMO Concierge was not installed: the installation was cancelled in Slack.</p>${START_AGAIN}`,
      ),
    };
  if (
    error.code === 'slack_oauth_missing_state' ||
    error.code === 'slack_oauth_invalid_state' ||
    error.code === 'slack_oauth_missing_code'
  )
    return {
      status: 400,
      html: page(
        'This installation link is not valid',
        `<p>PMO Concierge was not installed: this link has expired, was opened in another browser, or
was not made for this installation. Start the installation again from this browser.</p>${START_AGAIN}`,
      ),
    };
  if (slackError === 'invalid_code' || slackError === 'code_already_used')
    return {
      status: 400,
      html: page(
        'This installation link was already used',
        `<p>PMO Concierge was not installed again: this link works once, and it has been used (or it
has expired). If the app is not installed yet, start again.</p>${START_AGAIN}`,
      ),
    };
  return {
    status: 502,
    html: page(
      'Slack could not complete the installation',
      `<p>PMO Concierge was not installed: Slack did not complete the installation. Please try again in
a moment.</p>${START_AGAIN}`,
    ),
  };
}
