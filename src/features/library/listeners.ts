import type { WebClient } from '@slack/web-api';
import { z } from 'zod';
import type { Deps } from '../../deps';
import type { Translator } from '../../i18n';
import { localDate } from '../../lib/calendar';
import { rowId } from '../../lib/input';
import {
  action,
  type Click,
  type Feature,
  parseForm,
  type Submission,
  shortcut,
  view,
} from '../../slack/kit';
import {
  renderAdoptModal,
  renderBrowseModal,
  renderEntryForm,
  renderEntryModal,
  renderNotice,
  renderRateModal,
} from './blocks';
import { browseFormSchema, NO_SEARCH } from './browse';
import { syncLibraryIndex } from './canvas';
import { optionalText, requiredText } from './form-rules';
import { LIBRARY_IDS as IDS } from './ids';
import { translatorOf } from './language';
import { libraryText } from './messages';
import { canEdit, canPublish, canRetire, canSee, canTake } from './policy';
import { saveDraftFromRequest } from './save-from-request';
import {
  addEntry,
  adoptEntry,
  adoptersOf,
  editEntry,
  entryChoices,
  entryFormSchema,
  getEntry,
  LIMITS,
  moveEntry,
  rateEntry,
  recordMiss,
  searchEntries,
} from './service';

/**
 * The PMO library in Slack: an entry opened, adopted and rated from a search's answer or the
 * ⚡ shortcut's modal; the entry form; leads' Publish and Retire. Whether a click may act is
 * the policy's answer on the entry as it is now, not the button's.
 */

// The kit's refusal (before the click reaches the feature) is one text for everyone.
const LEADS_ONLY = 'Only PMO leads publish and retire library entries.';

const today = (deps: Deps) => localDate(deps.clock.now(), deps.config.pmo.timezone);
const entryMeta = z.object({ entryId: rowId });

/**
 * A form's values, read with field errors in the submitter's language (the kit's `schema` is
 * given no Slack client to ask their language with, so the forms parse here).
 */
function readForm<F>(
  s: Submission<unknown, unknown>,
  fields: Record<string, string>,
  schema: z.ZodType<F>,
): { ok: true; values: F } | { ok: false; answer: { errors: Record<string, string> } } {
  const form = parseForm(s.body.view, fields, schema);
  return form.ok ? form : { ok: false, answer: { errors: form.errors } };
}

async function entryView(deps: Deps, client: WebClient, userId: string, entryId: number, tr?: Translator) {
  const entry = await getEntry(deps.db, entryId);
  const actor = await deps.roles.actor(userId);
  if (!entry || !canSee(actor, entry)) return undefined;
  return renderEntryModal(
    tr ?? (await translatorOf(deps, client, userId)),
    entry,
    await adoptersOf(deps.db, entry.id),
    { edit: canEdit(actor, entry), publish: canPublish(actor, entry), retire: canRetire(actor, entry) },
    today(deps),
  );
}

/** Opens a published entry's adopt or rate form, or says why not. */
const takeForm = (id: RegExp, render: typeof renderAdoptModal) =>
  action({
    id,
    value: rowId,
    run: async (click) => {
      const tr = await translatorOf(click.deps, click.client, click.userId);
      const entry = await getEntry(click.deps.db, click.value);
      if (!entry || !canTake(entry)) return click.tell(tr.t(libraryText, entry ? 'notOpen' : 'gone'));
      await click.openModal(render(tr, entry));
    },
  });

const move = (id: RegExp, to: 'published' | 'retired') =>
  action({
    id,
    audience: 'leads',
    refusal: LEADS_ONLY,
    value: rowId,
    run: async (click: Click<number>) => {
      const { deps } = click;
      const tr = await translatorOf(deps, click.client, click.userId);
      const moved = await moveEntry(deps.db, click.userId, click.value, to, deps.clock.now());
      if (!moved) return click.tell(tr.t(libraryText, 'alreadyMoved', { to }));
      const redrawn = await entryView(deps, click.client, click.userId, click.value, tr);
      if (click.place.kind === 'modal' && redrawn)
        await click.client.views.update({ view_id: click.place.viewId, view: redrawn });
      else await click.tell(tr.t(libraryText, 'moved', { to }));
      // The lead's Home lists the drafts waiting for review: the one just moved leaves it.
      await deps.surfaces.refreshHome(click.client, click.userId);
      await syncLibraryIndex(deps, click.client);
    },
  });

const entryForm = view({
  callbackId: IDS.formModal,
  audience: 'members',
  // fromRequestId: a new entry saved from a delivered request (save-from-request.ts).
  metadata: z.object({ entryId: rowId.nullable(), fromRequestId: rowId.optional() }),
  submit: async (s) => {
    const { deps } = s;
    const tr = await translatorOf(deps, s.client, s.userId);
    const t = tr.of(libraryText);
    const choices = await entryChoices(deps.db);
    const form = readForm(
      s,
      {
        kind: IDS.kind,
        title: IDS.title,
        summary: IDS.summary,
        body: IDS.body,
        link: IDS.link,
        topics: IDS.topics,
        services: IDS.services,
      },
      entryFormSchema(
        { topics: choices.topics.map((c) => c.slug), services: choices.services.map((c) => c.slug) },
        tr,
      ),
    );
    if (!form.ok) return form.answer;
    const { entryId } = s.metadata;
    if (entryId) {
      const actor = await deps.roles.actor(s.userId);
      const edited = await editEntry(deps.db, actor, entryId, form.values, deps.clock.now());
      if (!edited) return { errors: { [IDS.title]: t('notYoursToEdit') } };
      s.later(() => syncLibraryIndex(deps, s.client));
      return { update: renderNotice(tr, t('libraryTitle'), t('savedVersion', { version: edited.version })) };
    }
    if (s.metadata.fromRequestId) {
      const saved = await saveDraftFromRequest(deps, s.userId, s.metadata.fromRequestId, form.values);
      if (!saved) return { errors: { [IDS.title]: t('requestNotSaved') } };
    } else await addEntry(deps.db, s.userId, form.values, today(deps), deps.clock.now());
    return { update: renderNotice(tr, t('libraryTitle'), t('savedDraft')) };
  },
});

const adoptForm = view({
  callbackId: IDS.adoptModal,
  metadata: entryMeta,
  submit: async (s) => {
    const tr = await translatorOf(s.deps, s.client, s.userId);
    const t = tr.of(libraryText);
    const form = readForm(
      s,
      { team: IDS.team },
      z.object({ team: requiredText(tr, 'teamMissing', LIMITS.team) }),
    );
    if (!form.ok) return form.answer;
    const ok = await adoptEntry(
      s.deps.db,
      s.userId,
      s.metadata.entryId,
      form.values.team,
      s.deps.clock.now(),
    );
    if (!ok) return { errors: { [IDS.team]: t('notOpen') } };
    return { update: renderNotice(tr, t('adopt'), t('adoptThanks')) };
  },
});

const rateForm = view({
  callbackId: IDS.rateModal,
  metadata: entryMeta,
  submit: async (s) => {
    const { deps } = s;
    const tr = await translatorOf(deps, s.client, s.userId);
    const t = tr.of(libraryText);
    const form = readForm(
      s,
      { useful: IDS.useful, comment: IDS.comment },
      z.object({
        useful: z.enum(['yes', 'no'], { error: t('chooseRating') }).transform((v) => v === 'yes'),
        comment: optionalText(tr, LIMITS.comment),
      }),
    );
    if (!form.ok) return form.answer;
    const ok = await rateEntry(
      deps.db,
      s.userId,
      s.metadata.entryId,
      form.values.useful,
      form.values.comment,
      deps.clock.now(),
    );
    if (!ok) return { errors: { [IDS.useful]: t('notOpen') } };
    return { update: renderNotice(tr, t('rate'), t('rateThanks')) };
  },
});

const browseForm = view({
  callbackId: IDS.browseModal,
  submit: async (s) => {
    const { deps } = s;
    const tr = await translatorOf(deps, s.client, s.userId);
    const choices = await entryChoices(deps.db);
    const form = readForm(
      s,
      { words: IDS.words, kind: IDS.kindFilter, topic: IDS.topicFilter, service: IDS.serviceFilter },
      browseFormSchema(
        { topics: choices.topics.map((c) => c.slug), services: choices.services.map((c) => c.slug) },
        tr,
      ),
    );
    if (!form.ok) return form.answer;
    const actor = await deps.roles.actor(s.userId);
    const hits = await searchEntries(deps.db, { ...form.values, includeDrafts: actor.member });
    if (form.values.words && hits.length === 0)
      await recordMiss(deps.db, form.values.words, deps.clock.now());
    return {
      update: renderBrowseModal(tr, form.values, hits, today(deps), deps.config.pmo.command, choices),
    };
  },
});

export const libraryFeature: Feature = {
  name: 'library',
  actions: [
    action({
      id: IDS.open,
      value: rowId,
      run: async (click) => {
        const tr = await translatorOf(click.deps, click.client, click.userId);
        const modal = await entryView(click.deps, click.client, click.userId, click.value, tr);
        if (!modal) return click.tell(tr.t(libraryText, 'gone'));
        await click.openModal(modal);
      },
    }),
    takeForm(IDS.adopt, renderAdoptModal),
    takeForm(IDS.rate, renderRateModal),
    action({
      id: IDS.edit,
      audience: 'members',
      value: rowId,
      run: async (click) => {
        const tr = await translatorOf(click.deps, click.client, click.userId);
        const entry = await getEntry(click.deps.db, click.value);
        if (!entry) return click.tell(tr.t(libraryText, 'gone'));
        if (!canEdit(await click.actor(), entry)) return click.tell(tr.t(libraryText, 'editOnlyOwner'));
        await click.openModal(renderEntryForm(tr, await entryChoices(click.deps.db), entry));
      },
    }),
    move(IDS.publish, 'published'),
    move(IDS.retire, 'retired'),
  ],
  views: [entryForm, adoptForm, rateForm, browseForm],
};

/** ⚡ "Browse the PMO library": the search modal, opened on what is published. */
export const browseLibrary = shortcut({
  callbackId: IDS.shortcut,
  type: 'shortcut',
  run: async ({ shortcut, client }, deps) => {
    const actor = await deps.roles.actor(shortcut.user.id);
    const [hits, choices, tr] = await Promise.all([
      searchEntries(deps.db, { words: '', includeDrafts: actor.member }),
      entryChoices(deps.db),
      translatorOf(deps, client, shortcut.user.id),
    ]);
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: renderBrowseModal(tr, NO_SEARCH, hits, today(deps), deps.config.pmo.command, choices),
    });
  },
});
