import type { ModalView } from '@slack/types';
import type { LibraryKind } from '../../db/schema';
import type { Translator } from '../../i18n';
import { SLACK_USER_ID } from '../../lib/input';
import {
  actions,
  type Block,
  button,
  context,
  mention,
  option,
  plain,
  safe,
  section,
} from '../../slack/kit/blocks';
import { LIBRARY_IDS as IDS } from './ids';
import { kindName, ratingWords, showDay } from './language';
import { libraryText } from './messages';
import { isStale, KIND_KEYS } from './policy';
import { type Choice, LIMITS, type LibraryEntry, type LibraryHit } from './service';

/** The library's messages and modals: the entry form, search results, an opened entry, adopt and rate. */

const kindOptions = (tr: Translator) => KIND_KEYS.map((k) => option(kindName(tr, k), k));

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
  placeholder: string,
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
            placeholder: plain(placeholder, 150),
            options,
            ...(initial.length ? { initial_options: initial } : {}),
          }
        : {
            type: 'static_select',
            action_id: blockId,
            placeholder: plain(placeholder, 150),
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
  tr: Translator,
  choices: { topics: Choice[]; services: Choice[] },
  entry?: LibraryEntry,
  from?: { requestId: number; reference: string; prefill: EntryPrefill },
): ModalView {
  const t = tr.of(libraryText);
  const shown = entry ?? from?.prefill;
  const kinds = kindOptions(tr);
  const initialKind = shown ? kinds.find((o) => o.value === shown.kind) : undefined;
  return {
    type: 'modal',
    callback_id: IDS.formModal,
    title: plain(entry ? t('formTitleEdit') : t('formTitleAdd'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    private_metadata: JSON.stringify({
      entryId: entry?.id ?? null,
      ...(from && !entry ? { fromRequestId: from.requestId } : {}),
    }),
    blocks: [
      section(
        entry
          ? t('formVersion', { version: entry.version, next: entry.version + 1 })
          : from
            ? t('formFromRequest', { reference: safe(from.reference, 40) })
            : t('formIntro'),
      ),
      {
        type: 'input',
        block_id: IDS.kind,
        label: plain(t('labelKind')),
        element: {
          type: 'static_select',
          action_id: IDS.kind,
          placeholder: plain(t('kindPlaceholder'), 150),
          options: kinds,
          ...(initialKind ? { initial_option: initialKind } : {}),
        },
      },
      textInput(IDS.title, t('labelTitle'), LIMITS.title, { initial: shown?.title }),
      textInput(IDS.summary, t('labelSummary'), LIMITS.summary, {
        initial: shown?.summary,
        hint: t('hintSummary'),
      }),
      textInput(IDS.body, t('labelBody'), LIMITS.body, {
        initial: shown?.body,
        multiline: true,
        optional: true,
        hint: t('hintBody'),
      }),
      textInput(IDS.link, t('labelLink'), LIMITS.link, {
        initial: shown?.link,
        optional: true,
        hint: t('hintLink'),
      }),
      ...choiceInput(IDS.topics, t('labelTopics'), t('chooseTopics'), choices.topics, shown?.topics ?? []),
      ...choiceInput(
        IDS.services,
        t('labelServices'),
        t('chooseServices'),
        choices.services,
        shown?.services ?? [],
      ),
    ],
  };
}

function statusLabel(tr: Translator, e: LibraryEntry, today: string): string {
  const t = tr.of(libraryText);
  const tags: string[] = [kindName(tr, e.kind)];
  if (e.status === 'draft') tags.push(t('statusDraft'));
  if (e.status === 'retired') tags.push(t('statusRetired'));
  if (e.status === 'published' && isStale(e.reviewBy, today)) tags.push(t('statusStale'));
  return tags.join(' · ');
}

/** How an entry is used and rated, in words (never the thumbs alone). */
function figures(tr: Translator, e: LibraryEntry, withNotUseful = false): string {
  const used = tr.t(libraryText, 'usedBy', { count: e.adoptions });
  return `${used} · ${ratingWords(tr, e.useful, withNotUseful ? e.notUseful : undefined)}`;
}

/** One entry in a list: what it is, and Open / We use this / Useful?. */
function hitBlocks(tr: Translator, e: LibraryHit, today: string): Block[] {
  const t = tr.of(libraryText);
  const id = String(e.id);
  const buttons = [button(t('open'), `${IDS.openPrefix}${id}`, id)];
  if (e.status === 'published')
    buttons.push(
      button(t('adopt'), `${IDS.adoptPrefix}${id}`, id),
      button(t('rate'), `${IDS.ratePrefix}${id}`, id),
    );
  return [
    section(
      `*${safe(e.title, 200)}* · ${statusLabel(tr, e, today)}\n${safe(e.summary, 400)}\n_${figures(tr, e)}_`,
    ),
    actions(`library_entry_${id}`, buttons),
  ];
}

function resultBlocks(
  tr: Translator,
  words: string,
  hits: LibraryHit[],
  today: string,
  command: string,
): Block[] {
  const t = tr.of(libraryText);
  if (hits.length === 0)
    return [
      section(words ? t('noMatch', { words: safe(words, 200) }) : t('empty')),
      context(t('tryOther', { command })),
    ];
  return [
    section(words ? t('bestMatches', { words: safe(words, 200) }) : t('latest')),
    ...hits.flatMap((h) => hitBlocks(tr, h, today)),
  ];
}

/** The private answer to `/pmo library [words]`. */
export function renderResults(
  tr: Translator,
  words: string,
  hits: LibraryHit[],
  today: string,
  command: string,
) {
  const t = tr.of(libraryText);
  const text = hits.length
    ? words
      ? t('resultsTextFor', { count: hits.length, words: words.slice(0, 100) })
      : t('resultsText', { count: hits.length })
    : t('noResultsText');
  return { text, blocks: resultBlocks(tr, words, hits, today, command) };
}

export interface EntryPowers {
  edit: boolean;
  publish: boolean;
  retire: boolean;
}

/** An entry opened: its body and link, who uses it, and what the viewer may do with it. */
export function renderEntryModal(
  tr: Translator,
  e: LibraryEntry,
  adopters: string[],
  powers: EntryPowers,
  today: string,
): ModalView {
  const t = tr.of(libraryText);
  const id = String(e.id);
  const blocks: Block[] = [
    section(
      `*${safe(e.title, 200)}*\n${statusLabel(tr, e, today)} · ${t('version', { version: e.version })}`,
    ),
    section(safe(e.summary, 400)),
  ];
  if (e.body) blocks.push(section(safe(e.body, 2900)));
  if (e.link) blocks.push(section(linkTo(e.link, t('openLink'))));
  const date = showDay(tr, e.reviewBy);
  blocks.push(
    context(
      `${figures(tr, e, true)}${adopters.length ? ` · ${safe(adopters.join(', '), 500)}` : ''}`,
      SLACK_USER_ID.test(e.ownerId)
        ? t('ownerReview', { owner: mention(e.ownerId), date })
        : t('reviewBy', { date }),
    ),
  );
  const buttons = [];
  if (e.status === 'published')
    buttons.push(
      button(t('adopt'), `${IDS.adoptPrefix}${id}`, id, 'primary'),
      button(t('rate'), `${IDS.ratePrefix}${id}`, id),
    );
  if (powers.edit) buttons.push(button(t('edit'), `${IDS.editPrefix}${id}`, id));
  if (powers.publish) buttons.push(button(t('publish'), `${IDS.publishPrefix}${id}`, id, 'primary'));
  if (powers.retire) buttons.push(retireButton(tr, `${IDS.retirePrefix}${id}`, id));
  if (buttons.length) blocks.push(actions('library_entry_actions', buttons));
  return {
    type: 'modal',
    callback_id: IDS.entryModal,
    title: plain(t('libraryTitle'), 24),
    close: plain(t('close'), 24),
    private_metadata: JSON.stringify({ entryId: e.id }),
    blocks,
  };
}

/** Retire, with Slack's confirmation: the entry modal's and the review DM's. */
export function retireButton(tr: Translator, actionId: string, id: string) {
  const t = tr.of(libraryText);
  return button(t('retire'), actionId, id, 'danger', {
    confirm: {
      title: plain(t('retireConfirmTitle'), 100),
      text: plain(t('retireConfirmText'), 300),
      confirm: plain(t('retire'), 30),
      deny: plain(t('keepIt'), 30),
    },
  });
}

export function renderAdoptModal(tr: Translator, e: LibraryEntry): ModalView {
  const t = tr.of(libraryText);
  return {
    type: 'modal',
    callback_id: IDS.adoptModal,
    title: plain(t('adopt'), 24),
    submit: plain(t('save'), 24),
    close: plain(t('cancel'), 24),
    private_metadata: JSON.stringify({ entryId: e.id }),
    blocks: [
      section(`*${safe(e.title, 200)}*\n${t('adoptIntro')}`),
      textInput(IDS.team, t('labelTeam'), LIMITS.team),
    ],
  };
}

export function renderRateModal(tr: Translator, e: LibraryEntry): ModalView {
  const t = tr.of(libraryText);
  const choices = [option(t('rateYes'), 'yes'), option(t('rateNo'), 'no')];
  return {
    type: 'modal',
    callback_id: IDS.rateModal,
    title: plain(t('rate'), 24),
    submit: plain(t('send'), 24),
    close: plain(t('cancel'), 24),
    private_metadata: JSON.stringify({ entryId: e.id }),
    blocks: [
      section(`*${safe(e.title, 200)}*`),
      {
        type: 'input',
        block_id: IDS.useful,
        label: plain(t('rateLabel')),
        element: { type: 'radio_buttons', action_id: IDS.useful, options: choices },
      },
      textInput(IDS.comment, t('rateComment'), LIMITS.comment, {
        multiline: true,
        optional: true,
      }),
    ],
  };
}

/** The ⚡ shortcut's modal: words, a kind, a topic and a service, and the results under them once searched. */
export function renderBrowseModal(
  tr: Translator,
  search: { words: string; kind: LibraryKind | null; topic?: string | null; service?: string | null },
  hits: LibraryHit[],
  today: string,
  command: string,
  choices: { topics: Choice[]; services: Choice[] } = { topics: [], services: [] },
): ModalView {
  const t = tr.of(libraryText);
  const kinds = kindOptions(tr);
  const initialKind = search.kind ? kinds.find((o) => o.value === search.kind) : undefined;
  return {
    type: 'modal',
    callback_id: IDS.browseModal,
    title: plain(t('libraryTitle'), 24),
    submit: plain(t('search'), 24),
    close: plain(t('close'), 24),
    blocks: [
      {
        type: 'input',
        block_id: IDS.words,
        optional: true,
        label: plain(t('search')),
        element: {
          type: 'plain_text_input',
          action_id: IDS.words,
          max_length: LIMITS.words,
          placeholder: plain(t('searchPlaceholder'), 150),
          ...(search.words ? { initial_value: search.words } : {}),
        },
      },
      {
        type: 'input',
        block_id: IDS.kindFilter,
        optional: true,
        label: plain(t('labelKind')),
        element: {
          type: 'static_select',
          action_id: IDS.kindFilter,
          placeholder: plain(t('anyKind'), 150),
          options: kinds,
          ...(initialKind ? { initial_option: initialKind } : {}),
        },
      },
      ...choiceInput(IDS.topicFilter, t('labelTopic'), t('anyTopic'), choices.topics, search.topic ?? null),
      ...choiceInput(
        IDS.serviceFilter,
        t('labelService'),
        t('anyService'),
        choices.services,
        search.service ?? null,
      ),
      ...resultBlocks(tr, search.words, hits, today, command),
    ],
  };
}

/** What a submitted form becomes: a title and a line, closed in the reader's language. */
export function renderNotice(tr: Translator, title: string, text: string): ModalView {
  return {
    type: 'modal',
    title: plain(title, 24),
    close: plain(tr.t(libraryText, 'close'), 24),
    blocks: [section(text)],
  };
}
