import { CANVAS_UNAVAILABLE } from '../../src/features/library/canvas';
import { addEntry, type EntryForm, moveEntry } from '../../src/features/library/service';
import { validateSurface } from '../support/block-kit';
import type { FakeMessage } from '../support/fake-slack';
import { entryForm } from '../support/library';
import { asMessage } from '../support/requests';
import { seedMember } from '../support/seed';
import { LEAD, PMO_CHANNEL, startTestApp, type TestApp } from '../support/test-app';

/**
 * The library index in the PMO channel, through the real app: a lead's signed Publish and Retire
 * clicks change it (after the ack), the fake Slack keeps the canvas and its sections, the minute
 * job retries what a failure left owed. Where Slack cannot make a channel canvas, a pinned
 * message stands in, edited in place.
 */

const MEMBER = 'UMEMB1';
type Json = Record<string, unknown>;

const form = entryForm;

async function draft(t: TestApp, over: Partial<EntryForm>): Promise<number> {
  return (await addEntry(t.db, MEMBER, form(over), '2026-11-24', t.clock.now())).id;
}

async function move(t: TestApp, action: 'publish' | 'retire', id: number): Promise<void> {
  const nowhere = asMessage({ text: 'x', blocks: [] }, LEAD);
  const res = await t.click(
    LEAD,
    `library_${action}:${id}`,
    { message: nowhere },
    { value: String(id), blockId: 'entry' },
  );
  expect(res.status).toBe(200);
  await t.settle();
}

/** One section of the canvas by its heading: the heading and what follows it. */
function sectionOf(t: TestApp, heading: string): string[] {
  const canvas = t.fake.canvasOf(PMO_CHANNEL);
  return (canvas?.sections ?? [])
    .filter((s) => s.markdown.startsWith(`## ${heading}\n`))
    .map((s) => s.markdown);
}

const indexRow = (t: TestApp) => t.db.selectFrom('library_index').selectAll().executeTakeFirstOrThrow();

describe('the library index canvas', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, []);
  });
  afterAll(() => t.stop());

  let template: number;
  it('is created once, as the PMO channel canvas, on the first publish', async () => {
    template = await draft(t, {
      title: 'Risk register *bold* <!here>',
      summary: 'Score [risks](javascript:x) & act.',
      link: 'https://wiki.example/risk',
    });
    await move(t, 'publish', template);
    expect(t.fake.callsTo('conversations.canvases.create')).toHaveLength(1);
    const canvas = t.fake.canvasOf(PMO_CHANNEL);
    expect(canvas?.title).toBe('PMO library');
    const templates = sectionOf(t, 'Templates');
    expect(templates).toHaveLength(1);
    // Markup a member typed is taken literally; only the entry's own http(s) link is a link.
    expect(templates[0]).toContain('Risk register \\*bold\\* \\<\\!here\\>');
    expect(templates[0]).toContain('\\[risks\\]\\(javascript:x\\) \\& act.');
    expect(templates[0]).toContain('[Open the link](https://wiki.example/risk)');
    for (const heading of ['Standards', 'Playbooks', 'Training material', 'Lessons learned'])
      expect(sectionOf(t, heading)).toEqual([`## ${heading}\n_Nothing here yet._\n`]);
    expect(await indexRow(t)).toMatchObject({
      canvas_id: canvas?.id,
      channel: PMO_CHANNEL,
      fallback_reason: null,
    });
  });

  it("a publish replaces only its kind's section, found by its heading; a retire empties it again; never recreated", async () => {
    const edits = t.fake.callsTo('canvases.edit').length;
    const playbook = await draft(t, {
      kind: 'playbook',
      title: 'Kick-off playbook',
      summary: 'An hour, well spent.',
    });
    await move(t, 'publish', playbook);
    const calls = t.fake.callsTo('canvases.edit').slice(edits);
    expect(calls).toHaveLength(1);
    const lookup = t.fake.callsTo('canvases.sections.lookup').at(-1);
    expect(lookup?.args.criteria).toEqual({ section_types: ['h2'], contains_text: 'Playbooks' });
    expect(((calls[0]?.args.changes ?? []) as Json[])[0]).toMatchObject({ operation: 'replace' });
    expect(sectionOf(t, 'Playbooks')).toEqual([
      '## Playbooks\n- **Kick-off playbook**: An hour, well spent.\n',
    ]);

    await move(t, 'retire', template);
    expect(sectionOf(t, 'Templates')).toEqual(['## Templates\n_Nothing here yet._\n']);
    expect(t.fake.callsTo('conversations.canvases.create')).toHaveLength(1);
    expect(t.fake.canvases.size).toBe(1);
    expect(t.fake.canvasOf(PMO_CHANNEL)?.sections).toHaveLength(6);
  });

  it('several changes made meanwhile are one update per changed section', async () => {
    const edits = t.fake.callsTo('canvases.edit').length;
    // Published elsewhere (no click to sync after): the index is owed, the minute job writes it.
    for (const title of ['Status report standard', 'Naming standard'])
      await moveEntry(t.db, LEAD, await draft(t, { kind: 'standard', title }), 'published', t.clock.now());
    await moveEntry(
      t.db,
      LEAD,
      await draft(t, { kind: 'lesson', title: 'Start with the sponsor' }),
      'published',
      t.clock.now(),
    );
    const owed = await indexRow(t);
    expect(owed.written).toBeLessThan(owed.wanted);
    await t.runJob('library-index');
    expect(t.fake.callsTo('canvases.edit').length - edits).toBe(2);
    expect(sectionOf(t, 'Standards')[0]).toContain('Naming standard');
    expect(sectionOf(t, 'Standards')[0]).toContain('Status report standard');
    expect(sectionOf(t, 'Lessons learned')[0]).toContain('Start with the sponsor');
    const done = await indexRow(t);
    expect(done.written).toBe(done.wanted);
    // Nothing owed: the job writes nothing.
    await t.runJob('library-index');
    expect(t.fake.callsTo('canvases.edit').length - edits).toBe(2);
  });

  it('a failed update is logged and retried by the job, not lost', async () => {
    t.fake.failNext('canvases.edit', { error: 'internal_error' });
    const training = await draft(t, { kind: 'training', title: 'Estimation basics' });
    await move(t, 'publish', training);
    expect(t.logs.some((l) => String(l.msg).includes('library index update failed'))).toBe(true);
    expect(sectionOf(t, 'Training material')[0]).not.toContain('Estimation basics');
    expect((await indexRow(t)).last_error).toBe('internal_error');
    await t.runJob('library-index');
    expect(sectionOf(t, 'Training material')[0]).toContain('Estimation basics');
    expect(t.fake.callsTo('conversations.canvases.create')).toHaveLength(1);
  });

  it('a section removed from the canvas by hand comes back at its end', async () => {
    const canvas = t.fake.canvasOf(PMO_CHANNEL);
    if (!canvas) throw new Error('no canvas');
    canvas.sections = canvas.sections.filter((s) => !s.markdown.startsWith('## Playbooks'));
    await move(t, 'publish', await draft(t, { kind: 'playbook', title: 'Closing playbook' }));
    const last = canvas.sections.at(-1)?.markdown ?? '';
    expect(last.startsWith('## Playbooks\n')).toBe(true);
    expect(last).toContain('Closing playbook');
  });
});

describe.each(CANVAS_UNAVAILABLE)('where Slack answers %s', (error) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedMember(t.db, MEMBER, []);
  });
  afterAll(() => t.stop());

  const indexMessages = (): FakeMessage[] =>
    t.fake.messagesIn(PMO_CHANNEL).filter((m) => (m.text ?? '').startsWith('PMO library'));

  it('the index is a pinned message in the PMO channel, updated in place, and no canvas is tried again', async () => {
    t.fake.failNext('conversations.canvases.create', { error });
    await move(t, 'publish', await draft(t, { title: 'Risk register' }));
    const [message] = indexMessages();
    expect(indexMessages()).toHaveLength(1);
    expect(validateSurface('message', message as unknown as Json)).toEqual([]);
    expect(JSON.stringify(message?.blocks)).toContain('Risk register');
    expect(t.fake.pins).toEqual([{ channel: PMO_CHANNEL, ts: message?.ts }]);
    expect(await indexRow(t)).toMatchObject({
      fallback_reason: error,
      canvas_id: null,
      message_ts: message?.ts,
    });

    await move(t, 'publish', await draft(t, { kind: 'lesson', title: 'Start with the sponsor' }));
    expect(indexMessages()).toHaveLength(1);
    expect(message?.updates).toBe(1);
    expect(JSON.stringify(message?.blocks)).toContain('Start with the sponsor');
    expect(t.fake.callsTo('conversations.canvases.create')).toHaveLength(1);
    expect(t.fake.callsTo('pins.add')).toHaveLength(1);
    expect(t.fake.violations).toEqual([]);
  });
});
