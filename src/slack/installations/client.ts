import { WebClient, type WebClientOptions } from '@slack/web-api';

/**
 * A Web API client whose token is looked up at each call (the deployment's installation, which
 * may be installed after start, rotated, or removed), so the outbox and the jobs hold one client
 * for the life of the process. A call that names its own token (a workflow step's) keeps it.
 */
export class InstallationClient extends WebClient {
  constructor(
    private readonly currentToken: () => Promise<string>,
    options: WebClientOptions,
  ) {
    super(undefined, options);
  }

  override async apiCall(method: string, options: Record<string, unknown> = {}) {
    if (options.token) return super.apiCall(method, options);
    return super.apiCall(method, { ...options, token: await this.currentToken() });
  }
}
