import type { ModalView } from '@slack/types';
import type { LibraryKind } from '../../db/schema';
import { formatDate } from '../../lib/calendar';
import { SLACK_USER_ID } from '../../lib/input';
import { actions, type Block, button, context, option, plain, safe, section } from '../../slack/kit/blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { isStale, KIND_KEYS, KINDS } from './policy';
import { type Choice, LIMITS, type LibraryEntry, type LibraryHit } from './service';

/** The library's messages and modals: the entry form, search results, an opened entry, adopt and rate. */

const kindOptions = KIND_KEYS.map((k) => option(KINDS[k], k));

/** A link as mrkdwn: only http(s) links are stored, and the characters of Slack's link syntax are encoded. */
export const linkTo = (url: string, label: string) =>
  `<${url.replace(/[<>|]/g, (c) => encodeURIComponent(c))}|${label}>`;

function textInput(
  blockId: string,
  label: string,
  max: number,
  opts: { initial?: string | null; multiline?: boolean; optional?: boolean; hint?: string } = {},
) {
  return {
    type: 'input' as const,
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: {
      type: 'plain_text_input' as const,
      action_id: blockId,
      max_length: max,
      ...(opts.multiline ? { multiline: true } : {}),
      ...(opts.initial ? { initial_value: opts.initial.slice(0, max) } : {}),
    },
  };
}

/**
 * An optional choice among the topics or services, shown only when there are some: several on
 * an entry (`chosen` a list), one as a search filter (`chosen` a slug or null, "Any …").
 */
function choiceInput(
  blockId: string,
  label: string,
  choices: Choice[],
  chosen: string[] | string | null,
): Block[] {
  if (choices.length === 0) return [];
  const options = choices.slice(0, 100).map((c) => option(c.name, c.slug));
  const several = Array.isArray(chosen);
  const initial = options.filter((o) => (several ? chosen.includes(o.value ?? '') : o.value === chosen));
  return [
    {
      type: 'input',
      block_id: blockId,
      optional: true,
      label: plain(label),
      element: several
        ? {
            type: 'multi_static_select',
            action_id: blockId,
            placeholder: plain(`Choose ${label.toLowerCase()}`, 150),
            options,
            ...(initial.length ? { initial_options: initial } : {}),
          }
        : {
            type: 'static_select',
            action_id: blockId,
            placeholder: plain(`Any ${label.toLowerCase()}`, 150),
            options,
            ...(initial[0] ? { initial_option: initial[0] } : {}),
          },
    },
  ];
}

/** What a new entry's form starts with (saved from a delivered request, say). */
export type EntryPrefill = Pick<
  LibraryEntry,
  'kind' | 'title' | 'summary' | 'body' | 'link' | 'topics' | 'services'
>;

/**
 * `/pmo library add`, and Edit on an entry. `from` prefills a new entry with what a delivered
 * request made and remembers the request, so the draft it saves is linked to it.
 */
export function renderEntryForm(
  choices: { topics: Choice[]; services: Choice[] },
  entry?: LibraryEntry,
  from?: { requestId: number; reference: string; prefill: EntryPrefill },
): ModalView {
  const shown = entry ?? from?.prefill;
  const initialKind = shown ? kindOptions.find((o) => o.value === shown.kind) : undefined;
  return {
    type: 'modal',
    callback_id: IDS.formModal,
    title: plain(entry ? 'Edit library entry' : 'Add to the library', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({
      entryId: entry?.id ?? null,
      ...(from && !entry ? { fromRequestId: from.requestId } : {}),
    }),
    blocks: [
      section(
        entry
          ? `Version ${entry.version}; saving makes it version ${entry.version + 1}.`
          : from
            ? `What you made for ${safe(from.reference, 40)}, for others to take themselves. It is saved as a draft linked to the request; a PMO lead publishes it. Take out anything only the requester should see.`
            : 'What the PMO has made, for people to take themselves. It is saved as a draft; a PMO lead publishes it.',
      ),
      {
        type: 'input',
        block_id: IDS.kind,
        label: plain('Kind'),
        element: {
          type: 'static_select',
          action_id: IDS.kind,
          placeholder: plain('Template, standard, playbook…', 150),
          options: kindOptions,
          ...(initialKind ? { initial_option: initialKind } : {}),
        },
      },
      textInput(IDS.title, 'Title', LIMITS.title, { initial: shown?.title }),
      textInput(IDS.summary, 'Summary', LIMITS.summary, {
        initial: shown?.summary,
        hint: 'One or two sentences: what it is and when it helps. Shown in search results.',
      }),
      textInput(IDS.body, 'Body', LIMITS.body, {
        initial: shown?.body,
        multiline: true,
        optional: true,
        hint: 'The content itself, in Slack formatting (*bold*, _italics_, lists).',
      }),
      textInput(IDS.link, 'Link', LIMITS.link, {
        initial: shown?.link,
        optional: true,
        hint: 'Where the file or page lives (http:// or https://).',
      }),
      ...choiceInput(IDS.topics, 'Topics', choices.topics, shown?.topics ?? []),
      ...choiceInput(IDS.services, 'Services', choices.services, shown?.services ?? []),
    ],
  };
}

function statusLabel(e: LibraryEntry, today: string): string {
  const tags: string[] = [KINDS[e.kind]];
  if (e.status === 'draft') tags.push('_draft_');
  if (e.status === 'retired') tags.push('_retired_');
  if (e.status === 'published' && isStale(e.reviewBy, today)) tags.push(':warning: _stale: due for review_');
  return tags.join(' · ');
}

function figures(e: LibraryEntry): string {
  const used = e.adoptions === 1 ? 'Used by 1 team' : `Used by ${e.adoptions} teams`;
  return `${used} · 👍 ${e.useful}`;
}

/** One entry in a list: what it is, and Open / We use this / Useful?. */
function hitBlocks(e: LibraryHit, today: string): Block[] {
  const id = String(e.id);
  const buttons = [button('Open', `${IDS.openPrefix}${id}`, id)];
  if (e.status === 'published')
    buttons.push(
      button('We use this', `${IDS.adoptPrefix}${id}`, id),
      button('Useful?', `${IDS.ratePrefix}${id}`, id),
    );
  return [
    section(`*${safe(e.title, 200)}* · ${statusLabel(e, today)}\n${safe(e.summary, 400)}\n_${figures(e)}_`),
    actions(`library_entry_${id}`, buttons),
  ];
}

function resultBlocks(words: string, hits: LibraryHit[], today: string, command: string): Block[] {
  if (hits.length === 0)
    return [
      section(
        words
          ? `Nothing in the PMO library matches “${safe(words, 200)}” yet. The PMO sees which searches found nothing, so this helps them decide what to write next.`
          : 'The PMO library is empty for now.',
      ),
      context(`Try other words, or ask the PMO with \`${command} request\`.`),
    ];
  return [
    section(
      words
        ? `*PMO library* — the best matches for “${safe(words, 200)}”:`
        : '*PMO library* — the latest entries. Add words to search.',
    ),
    ...hits.flatMap((h) => hitBlocks(h, today)),
  ];
}

/** The private answer to `/pmo library [words]`. */
export function renderResults(words: string, hits: LibraryHit[], today: string, command: string) {
  const text = hits.length
    ? `PMO library: ${hits.length} ${hits.length === 1 ? 'entry' : 'entries'}${words ? ` for "${words.slice(0, 100)}"` : ''}`
    : 'Nothing in the PMO library matches yet.';
  return { text, blocks: resultBlocks(words, hits, today, command) };
}

export interface EntryPowers {
  edit: boolean;
  publish: boolean;
  retire: boolean;
}

/** An entry opened: its body and link, who uses it, and what the viewer may do with it. */
export function renderEntryModal(
  e: LibraryEntry,
  adopters: string[],
  powers: EntryPowers,
  today: string,
): ModalView {
  const id = String(e.id);
  const blocks: Block[] = [
    section(`*${safe(e.title, 200)}*\n${statusLabel(e, today)} · version ${e.version}`),
    section(safe(e.summary, 400)),
  ];
  if (e.body) blocks.push(section(safe(e.body, 2900)));
  if (e.link) blocks.push(section(linkTo(e.link, 'Open the link')));
  blocks.push(
    context(
      `${figures(e)} · 👎 ${e.notUseful}${adopters.length ? ` · ${safe(adopters.join(', '), 500)}` : ''}`,
      `${SLACK_USER_ID.test(e.ownerId) ? `Owner <@${e.ownerId}> · ` : ''}review by ${formatDate(e.reviewBy)}`,
    ),
  );
  const buttons = [];
  if (e.status === 'published')
    buttons.push(
      button('We use this', `${IDS.adoptPrefix}${id}`, id, 'primary'),
      button('Useful?', `${IDS.ratePrefix}${id}`, id),
    );
  if (powers.edit) buttons.push(button('Edit', `${IDS.editPrefix}${id}`, id));
  if (powers.publish) buttons.push(button('Publish', `${IDS.publishPrefix}${id}`, id, 'primary'));
  if (powers.retire)
    buttons.push(
      button('Retire', `${IDS.retirePrefix}${id}`, id, 'danger', {
        confirm: {
          title: plain('Retire this entry?', 100),
          text: plain('It leaves search; its adoptions and ratings stay.', 300),
          confirm: plain('Retire', 30),
          deny: plain('Keep it', 30),
        },
      }),
    );
  if (buttons.length) blocks.push(actions('library_entry_actions', buttons));
  return {
    type: 'modal',
    callback_id: IDS.entryModal,
    title: plain('PMO library', 24),
    close: plain('Close', 24),
    private_metadata: JSON.stringify({ entryId: e.id }),
    blocks,
  };
}

export function renderAdoptModal(e: LibraryEntry): ModalView {
  return {
    type: 'modal',
    callback_id: IDS.adoptModal,
    title: plain('We use this', 24),
    submit: plain('Save', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({ entryId: e.id }),
    blocks: [
      section(
        `*${safe(e.title, 200)}*\nTell the PMO who uses it: it shows others what works, and nothing is asked of you.`,
      ),
      textInput(IDS.team, 'Team or project', LIMITS.team),
    ],
  };
}

export function renderRateModal(e: LibraryEntry): ModalView {
  const choices = [option('👍 Useful', 'yes'), option('👎 Not useful', 'no')];
  return {
    type: 'modal',
    callback_id: IDS.rateModal,
    title: plain('Useful?', 24),
    submit: plain('Send', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify({ entryId: e.id }),
    blocks: [
      section(`*${safe(e.title, 200)}*`),
      {
        type: 'input',
        block_id: IDS.useful,
        label: plain('Was it useful to you?'),
        element: { type: 'radio_buttons', action_id: IDS.useful, options: choices },
      },
      textInput(IDS.comment, 'Anything the owner should know?', LIMITS.comment, {
        multiline: true,
        optional: true,
      }),
    ],
  };
}

/** The ⚡ shortcut's modal: words, a kind, a topic and a service, and the results under them once searched. */
export function renderBrowseModal(
  search: { words: string; kind: LibraryKind | null; topic?: string | null; service?: string | null },
  hits: LibraryHit[],
  today: string,
  command: string,
  choices: { topics: Choice[]; services: Choice[] } = { topics: [], services: [] },
): ModalView {
  const initialKind = search.kind ? kindOptions.find((o) => o.value === search.kind) : undefined;
  return {
    type: 'modal',
    callback_id: IDS.browseModal,
    title: plain('PMO library', 24),
    submit: plain('Search', 24),
    close: plain('Close', 24),
    blocks: [
      {
        type: 'input',
        block_id: IDS.words,
        optional: true,
        label: plain('Search'),
        element: {
          type: 'plain_text_input',
          action_id: IDS.words,
          max_length: LIMITS.words,
          placeholder: plain('e.g. risk register, retrospective', 150),
          ...(search.words ? { initial_value: search.words } : {}),
        },
      },
      {
        type: 'input',
        block_id: IDS.kindFilter,
        optional: true,
        label: plain('Kind'),
        element: {
          type: 'static_select',
          action_id: IDS.kindFilter,
          placeholder: plain('Any kind', 150),
          options: kindOptions,
          ...(initialKind ? { initial_option: initialKind } : {}),
        },
      },
      ...choiceInput(IDS.topicFilter, 'Topic', choices.topics, search.topic ?? null),
      ...choiceInput(IDS.serviceFilter, 'Service', choices.services, search.service ?? null),
      ...resultBlocks(search.words, hits, today, command),
    ],
  };
}
