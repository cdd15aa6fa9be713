import { z } from 'zod';
import type { Deps } from '../../deps';
import { localDate } from '../../lib/calendar';
import { optionalText, requiredText, rowId } from '../../lib/input';
import { action, type Click, type Feature, noticeModal, shortcut, view } from '../../slack/kit';
import {
  renderAdoptModal,
  renderBrowseModal,
  renderEntryForm,
  renderEntryModal,
  renderRateModal,
} from './blocks';
import { browseFormSchema, NO_SEARCH } from './browse';
import { syncLibraryIndex } from './canvas';
import { LIBRARY_IDS as IDS } from './ids';
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

const GONE = 'That entry is no longer in the library.';
const NOT_OPEN = 'That entry is not published at the moment, so nothing was recorded.';
const LEADS_ONLY = 'Only PMO leads publish and retire library entries.';

const today = (deps: Deps) => localDate(deps.clock.now(), deps.config.pmo.timezone);
const entryMeta = z.object({ entryId: rowId });

async function entryView(deps: Deps, userId: string, entryId: number) {
  const entry = await getEntry(deps.db, entryId);
  const actor = await deps.roles.actor(userId);
  if (!entry || !canSee(actor, entry)) return undefined;
  return renderEntryModal(
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
      const entry = await getEntry(click.deps.db, click.value);
      if (!entry || !canTake(entry)) return click.tell(entry ? NOT_OPEN : GONE);
      await click.openModal(render(entry));
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
      const moved = await moveEntry(deps.db, click.userId, click.value, to, deps.clock.now());
      if (!moved)
        return click.tell(`That entry is already ${to === 'published' ? 'published' : 'retired'}, or gone.`);
      const redrawn = await entryView(deps, click.userId, click.value);
      if (click.place.kind === 'modal' && redrawn)
        await click.client.views.update({ view_id: click.place.viewId, view: redrawn });
      else
        await click.tell(
          to === 'published' ? 'Published: it is in the library now.' : 'Retired: it left the library.',
        );
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
  fields: {
    kind: IDS.kind,
    title: IDS.title,
    summary: IDS.summary,
    body: IDS.body,
    link: IDS.link,
    topics: IDS.topics,
    services: IDS.services,
  },
  schema: async ({ deps }) => {
    const choices = await entryChoices(deps.db);
    return entryFormSchema({
      topics: choices.topics.map((c) => c.slug),
      services: choices.services.map((c) => c.slug),
    });
  },
  submit: async (s) => {
    const { deps } = s;
    const { entryId } = s.metadata;
    if (entryId) {
      const actor = await deps.roles.actor(s.userId);
      const edited = await editEntry(deps.db, actor, entryId, s.values, deps.clock.now());
      if (!edited)
        return {
          errors: { [IDS.title]: 'This entry was retired or is not yours to edit, so nothing was saved.' },
        };
      s.later(() => syncLibraryIndex(deps, s.client));
      return { update: noticeModal('PMO library', `Saved *version ${edited.version}*.`) };
    }
    if (s.metadata.fromRequestId) {
      const saved = await saveDraftFromRequest(deps, s.userId, s.metadata.fromRequestId, s.values);
      if (!saved)
        return {
          errors: {
            [IDS.title]: 'That request is no longer delivered, or not yours to save, so nothing was saved.',
          },
        };
    } else await addEntry(deps.db, s.userId, s.values, today(deps), deps.clock.now());
    return {
      update: noticeModal(
        'PMO library',
        'Saved as a *draft*. A PMO lead reviews it and publishes it; until then only PMO members see it.',
      ),
    };
  },
});

const adoptForm = view({
  callbackId: IDS.adoptModal,
  metadata: entryMeta,
  fields: { team: IDS.team },
  schema: () => z.object({ team: requiredText({ what: 'which team or project uses it', max: LIMITS.team }) }),
  submit: async (s) => {
    const ok = await adoptEntry(s.deps.db, s.userId, s.metadata.entryId, s.values.team, s.deps.clock.now());
    if (!ok) return { errors: { [IDS.team]: NOT_OPEN } };
    return { update: noticeModal('We use this', 'Thank you: the PMO and others can now see it is in use.') };
  },
});

const rateForm = view({
  callbackId: IDS.rateModal,
  metadata: entryMeta,
  fields: { useful: IDS.useful, comment: IDS.comment },
  schema: () =>
    z.object({
      useful: z.enum(['yes', 'no'], { error: 'Choose 👍 or 👎.' }).transform((v) => v === 'yes'),
      comment: optionalText({ max: LIMITS.comment }),
    }),
  submit: async (s) => {
    const { deps } = s;
    const ok = await rateEntry(
      deps.db,
      s.userId,
      s.metadata.entryId,
      s.values.useful,
      s.values.comment,
      deps.clock.now(),
    );
    if (!ok) return { errors: { [IDS.useful]: NOT_OPEN } };
    return { update: noticeModal('Useful?', 'Thank you: the owner sees what helps.') };
  },
});

const browseForm = view({
  callbackId: IDS.browseModal,
  fields: { words: IDS.words, kind: IDS.kindFilter, topic: IDS.topicFilter, service: IDS.serviceFilter },
  schema: async ({ deps }) => {
    const choices = await entryChoices(deps.db);
    return browseFormSchema({
      topics: choices.topics.map((c) => c.slug),
      services: choices.services.map((c) => c.slug),
    });
  },
  submit: async (s) => {
    const { deps } = s;
    const actor = await deps.roles.actor(s.userId);
    const hits = await searchEntries(deps.db, { ...s.values, includeDrafts: actor.member });
    if (s.values.words && hits.length === 0) await recordMiss(deps.db, s.values.words, deps.clock.now());
    const choices = await entryChoices(deps.db);
    return { update: renderBrowseModal(s.values, hits, today(deps), deps.config.pmo.command, choices) };
  },
});

export const libraryFeature: Feature = {
  name: 'library',
  actions: [
    action({
      id: IDS.open,
      value: rowId,
      run: async (click) => {
        const modal = await entryView(click.deps, click.userId, click.value);
        if (!modal) return click.tell(GONE);
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
        const entry = await getEntry(click.deps.db, click.value);
        if (!entry) return click.tell(GONE);
        if (!canEdit(await click.actor(), entry))
          return click.tell('Only its owner and the PMO leads edit this entry.');
        await click.openModal(renderEntryForm(await entryChoices(click.deps.db), entry));
      },
    }),
    move(IDS.publish, 'published'),
    move(IDS.retire, 'retired'),
  ],
  views: [entryForm, adoptForm, rateForm, browseForm],
};

/** ⚡ "Browse the PMO library": the search modal, opening on the latest entries. */
/** ⚡ "Browse the PMO library": the search modal, opened on what is published. */
export const browseLibrary = shortcut({
  callbackId: IDS.shortcut,
  type: 'shortcut',
  run: async ({ shortcut, client }, deps) => {
    const actor = await deps.roles.actor(shortcut.user.id);
    const [hits, choices] = await Promise.all([
      searchEntries(deps.db, { words: '', includeDrafts: actor.member }),
      entryChoices(deps.db),
    ]);
    await client.views.open({
      trigger_id: shortcut.trigger_id,
      view: renderBrowseModal(NO_SEARCH, hits, today(deps), deps.config.pmo.command, choices),
    });
  },
});
