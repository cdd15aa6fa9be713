/**
 * The signed bodies the ack benchmark sends, as Slack would: built in the load worker, with
 * trigger ids the fake Slack issued just before (they expire after 3 s, as Slack's do).
 */

export type BodyKind = 'command' | 'click';

export interface ClickTarget {
  id: number;
  ts: string;
}

export interface BodyData {
  kind: BodyKind;
  /** Where response_url points (the fake Slack). */
  fakeUrl: string;
  /** Clicks: the triage post clicked by request i. */
  targets?: ClickTarget[];
}

/** Who sends request i: 500 requesters type commands; two leads click Claim. */
export function userFor(kind: BodyKind, i: number): string {
  if (kind === 'command') return `UREQ${i % 500}`;
  return i % 2 === 0 ? 'ULEAD1' : 'ULEAD2';
}

export function bodyFor(data: BodyData, i: number, triggerId: string): string {
  const user = userFor(data.kind, i);
  if (data.kind === 'command') {
    return new URLSearchParams({
      token: 'x',
      team_id: 'T0TEST',
      team_domain: 'test',
      channel_id: 'CGENERAL',
      channel_name: 'general',
      user_id: user,
      user_name: user.toLowerCase(),
      command: '/pmo',
      text: `request help with our roadmap ${i}`,
      api_app_id: 'A0TEST',
      is_enterprise_install: 'false',
      response_url: `${data.fakeUrl}/respond/${i}`,
      trigger_id: triggerId,
    }).toString();
  }
  const target = data.targets?.[i];
  if (!target) throw new Error(`no click target for request ${i}`);
  return new URLSearchParams({
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0TEST' },
      team: { id: 'T0TEST', domain: 'test' },
      api_app_id: 'A0TEST',
      trigger_id: triggerId,
      container: { type: 'message', message_ts: target.ts, channel_id: 'CPMO', is_ephemeral: false },
      channel: { id: 'CPMO', name: 'pmo' },
      message: { ts: target.ts, text: 'triage' },
      response_url: `${data.fakeUrl}/respond/click${i}`,
      actions: [
        {
          type: 'button',
          action_id: 'triage_claim',
          block_id: 'triage_actions',
          value: String(target.id),
          action_ts: '1',
        },
      ],
    }),
  }).toString();
}
