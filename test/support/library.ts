import { addEntry, type EntryForm, moveEntry } from '../../src/features/library/service';
import { LEAD, type TestApp } from './test-app';

/** A library entry as its form hands it over: a template with a title and summary, the rest empty. */
export const entryForm = (over: Partial<EntryForm> = {}): EntryForm => ({
  kind: 'template',
  title: 'Something',
  summary: 'A summary',
  body: '',
  link: null,
  topics: [],
  services: [],
  ...over,
});

/** An entry `owner` wrote through the library's service and a lead published, as the app would. */
export async function publishedEntry(t: TestApp, owner: string, over: Partial<EntryForm>): Promise<number> {
  const e = await addEntry(t.db, owner, entryForm(over), '2026-11-24', t.clock.now());
  await moveEntry(t.db, LEAD, e.id, 'published', t.clock.now());
  return e.id;
}
