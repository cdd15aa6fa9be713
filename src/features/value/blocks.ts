import type { KnownBlock, ModalView } from '@slack/types';
import { type Translator, translatorFor } from '../../i18n';
import { context, divider, option, plain, safe, section } from '../../slack/kit/blocks';
import { periodLabel } from '../digest';
import { VALUE_IDS } from './ids';
import { valueText } from './messages';
import { MIN_PEOPLE_FOR_FEEDBACK } from './policy';
import type { Said, ServiceFeedback } from './service';

/** "You said, we did" views, pure, in the translator's language. */

/** Feedback sections the modal shows (each a block; the modal holds 100). */
const MAX_SERVICES = 40;

const RANGES = new Map<string, Intl.DateTimeFormat>();

/** '2026-11-16' … '2026-11-22' → "16–22 Nov 2026" (the digest's label), "16–22 nov. 2026"… */
export function periodText(tr: Translator, firstDay: string, lastDay: string): string {
  if (tr.locale === 'en' || tr.locale === 'pseudo') return periodLabel(firstDay, lastDay);
  let format = RANGES.get(tr.locale);
  if (!format) {
    format = new Intl.DateTimeFormat(tr.locale, {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    RANGES.set(tr.locale, format);
  }
  return format.formatRange(new Date(`${firstDay}T00:00:00Z`), new Date(`${lastDay}T00:00:00Z`));
}

/**
 * `/pmo feedback`: the period's feedback by service, and the form to record what the PMO did.
 * The translator comes last (English by default): test/hardening renders this modal too.
 */
export function renderFeedbackModal(
  label: string,
  runKey: string,
  feedback: ServiceFeedback[],
  tr: Translator = translatorFor('en'),
): ModalView {
  const t = tr.of(valueText);
  const blocks: KnownBlock[] = [section(t('feedbackIntro', { label, min: MIN_PEOPLE_FOR_FEEDBACK }))];
  for (const f of feedback.slice(0, MAX_SERVICES)) {
    const rating =
      f.averageRating === null
        ? ''
        : ` · ${tr.number(f.averageRating, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}/5`;
    const head = `*${safe(f.name, 100)}* · ${t('people', { count: f.people })}${rating}`;
    const body =
      f.people < MIN_PEOPLE_FOR_FEEDBACK
        ? t('privateBelow', { min: MIN_PEOPLE_FOR_FEEDBACK })
        : f.comments.length
          ? f.comments.map((c) => `> ${safe(c, 240).replace(/\n/g, ' ')}`).join('\n')
          : t('ratingsOnly');
    const done = f.action ? `\n${t('weDidLine', { action: safe(f.action, 300) })}` : '';
    blocks.push(section(`${head}\n${body}${done}`.slice(0, 3000)));
  }
  if (feedback.length > MAX_SERVICES)
    blocks.push(context(t('moreServices', { count: feedback.length - MAX_SERVICES })));
  const open = feedback.filter((f) => !f.action);
  blocks.push(divider());
  if (open.length === 0) {
    blocks.push(context(t('allDone')));
    return {
      type: 'modal',
      callback_id: VALUE_IDS.feedbackView,
      private_metadata: JSON.stringify({ p: runKey }),
      title: plain(t('title'), 24),
      close: plain(t('close'), 24),
      blocks,
    };
  }
  blocks.push(
    {
      type: 'input',
      block_id: VALUE_IDS.serviceBlock,
      label: plain(t('serviceLabel'), 2000),
      element: {
        type: 'static_select',
        action_id: VALUE_IDS.serviceInput,
        placeholder: plain(t('pickServicePlaceholder'), 150),
        options: open.slice(0, 100).map((f) => option(f.name.slice(0, 75), String(f.serviceId))),
      },
    },
    {
      type: 'input',
      block_id: VALUE_IDS.actionBlock,
      label: plain(t('whatDidLabel'), 2000),
      element: {
        type: 'plain_text_input',
        action_id: VALUE_IDS.actionInput,
        multiline: true,
        max_length: 500,
        placeholder: plain(t('whatDidPlaceholder'), 150),
      },
    },
    context(t('formNote')),
  );
  return {
    type: 'modal',
    callback_id: VALUE_IDS.feedbackView,
    private_metadata: JSON.stringify({ p: runKey }),
    title: plain(t('title'), 24),
    submit: plain(t('tellThem'), 24),
    close: plain(t('cancel'), 24),
    blocks,
  };
}

/** The modal once recorded. */
export function renderActionRecorded(tr: Translator, service: string, recipients: number): ModalView {
  const t = tr.of(valueText);
  return {
    type: 'modal',
    callback_id: VALUE_IDS.feedbackView,
    title: plain(t('title'), 24),
    close: plain(t('done'), 24),
    blocks: [section(t('recorded', { service: safe(service, 100), count: recipients }))],
  };
}

/** What "You said" quotes: the person's own words, or what they answered, in their language. */
function saidText(tr: Translator, said: Said): string {
  if ('words' in said)
    return tr.t(valueText, 'saidWords', { words: safe(said.words, 500).replace(/\n/g, ' ') });
  if ('rating' in said) return tr.t(valueText, 'saidRating', { rating: tr.number(said.rating) });
  return tr.t(valueText, 'saidRealised', { realised: said.realised });
}

/** The DM: the recipient's own words (or rating), and what the PMO did. */
export function renderYouSaid(
  tr: Translator,
  m: { service: string; period: string; said: Said; did: string },
): {
  text: string;
  blocks: KnownBlock[];
} {
  const t = tr.of(valueText);
  const text = t('dmText', { service: m.service, did: m.did });
  return {
    text: text.slice(0, 2000),
    blocks: [
      section(
        [
          t('dmHead', { service: safe(m.service, 100), period: m.period }),
          saidText(tr, m.said),
          t('dmDid', { did: safe(m.did, 600) }),
        ].join('\n'),
      ),
      context(t('dmNote')),
    ],
  };
}
