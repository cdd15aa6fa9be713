import type { EntryForm } from '../../src/features/library/service';

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
