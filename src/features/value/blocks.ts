import type { KnownBlock, ModalView } from '@slack/types';
import { context, divider, option, plain, safe, section } from '../../slack/kit/blocks';
import { VALUE_IDS } from './ids';
import { MIN_PEOPLE_FOR_FEEDBACK } from './policy';
import type { Said, ServiceFeedback } from './service';

/** "You said, we did" views, pure. */

const round1 = (v: number) => (Math.round(v * 10) / 10).toFixed(1);
/** Feedback sections the modal shows (each a block; the modal holds 100). */
const MAX_SERVICES = 40;

/** `/pmo feedback`: the period's feedback by service, and the form to record what the PMO did. */
export function renderFeedbackModal(label: string, runKey: string, feedback: ServiceFeedback[]): ModalView {
  const blocks: KnownBlock[] = [
    section(
      `*Feedback · ${label}* — by service, never attributed. Comments show once ${MIN_PEOPLE_FOR_FEEDBACK} people gave feedback on a service.`,
    ),
  ];
  for (const f of feedback.slice(0, MAX_SERVICES)) {
    const head = `*${safe(f.name, 100)}* · ${f.people} ${f.people === 1 ? 'person' : 'people'}${
      f.averageRating === null ? '' : ` · ${round1(f.averageRating)}/5`
    }`;
    const body =
      f.people < MIN_PEOPLE_FOR_FEEDBACK
        ? '_Comments stay private below 3 people._'
        : f.comments.length
          ? f.comments.map((c) => `> ${safe(c, 240).replace(/\n/g, ' ')}`).join('\n')
          : '_No comments, ratings only._';
    const done = f.action ? `\n:white_check_mark: We did: ${safe(f.action, 300)}` : '';
    blocks.push(section(`${head}\n${body}${done}`.slice(0, 3000)));
  }
  if (feedback.length > MAX_SERVICES)
    blocks.push(context(`and ${feedback.length - MAX_SERVICES} more services`));
  const open = feedback.filter((f) => !f.action);
  blocks.push(divider());
  if (open.length === 0) {
    blocks.push(context('Every service with feedback this period already has its “we did”.'));
    return {
      type: 'modal',
      callback_id: VALUE_IDS.feedbackView,
      private_metadata: JSON.stringify({ p: runKey }),
      title: plain('You said, we did', 24),
      close: plain('Close', 24),
      blocks,
    };
  }
  blocks.push(
    {
      type: 'input',
      block_id: VALUE_IDS.serviceBlock,
      label: plain('Service'),
      element: {
        type: 'static_select',
        action_id: VALUE_IDS.serviceInput,
        placeholder: plain('Pick the service'),
        options: open.slice(0, 100).map((f) => option(f.name.slice(0, 75), String(f.serviceId))),
      },
    },
    {
      type: 'input',
      block_id: VALUE_IDS.actionBlock,
      label: plain('What did we do?'),
      element: {
        type: 'plain_text_input',
        action_id: VALUE_IDS.actionInput,
        multiline: true,
        max_length: 500,
        placeholder: plain('e.g. we cut the intake form to 4 questions'),
      },
    },
    context(
      'Everyone who gave feedback on that service in this period gets one DM “You said…, we did…” in their working hours, quoting only their own words. Nobody learns who else said what.',
    ),
  );
  return {
    type: 'modal',
    callback_id: VALUE_IDS.feedbackView,
    private_metadata: JSON.stringify({ p: runKey }),
    title: plain('You said, we did', 24),
    submit: plain('Tell them', 24),
    close: plain('Cancel', 24),
    blocks,
  };
}

/** The modal once recorded. */
export function renderActionRecorded(service: string, recipients: number): ModalView {
  return {
    type: 'modal',
    callback_id: VALUE_IDS.feedbackView,
    title: plain('You said, we did', 24),
    close: plain('Done', 24),
    blocks: [
      section(
        `Recorded for *${safe(service, 100)}*. ${recipients} ${recipients === 1 ? 'person' : 'people'} who gave feedback will hear “You said…, we did…” in their working hours.`,
      ),
    ],
  };
}

/** The DM: the recipient's own words (or rating), and what the PMO did. */
export function renderYouSaid(m: { service: string; period: string; said: Said; did: string }): {
  text: string;
  blocks: KnownBlock[];
} {
  const said =
    'words' in m.said ? `“${safe(m.said.words, 500).replace(/\n/g, ' ')}”` : safe(m.said.answer, 300);
  const text = `You said…, we did…: about ${m.service}, ${m.did}`;
  return {
    text: text.slice(0, 2000),
    blocks: [
      section(
        `*You said…, we did…* Thanks for your feedback on *${safe(m.service, 100)}* (${m.period}).\n*You said:* ${said}\n*We did:* ${safe(m.did, 600)}`,
      ),
      context(
        'Sent once, to the people who gave feedback on this service in that period; nobody sees anyone else’s words.',
      ),
    ],
  };
}
