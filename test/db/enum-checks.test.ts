import { sql } from 'kysely';
import {
  ALERT_KINDS,
  ALERT_TARGETS,
  CHECKIN_KINDS,
  CHECKIN_STATUSES,
  DELIVERY_STATES,
  DIGEST_CHART_STATUSES,
  ENGAGEMENT_STATUSES,
  ERASURE_REASONS,
  ERASURE_STATUSES,
  IMPACTS,
  INVITATION_CAPS,
  INVITATION_MODES,
  INVITATION_STATUSES,
  JOB_RUN_STATUSES,
  LIBRARY_KINDS,
  LIBRARY_STATUSES,
  OUTBOX_STATUSES,
  PERSON_LANGUAGES,
  REALISED_VALUES,
  REQUEST_STATUSES,
  RSVP_ANSWERS,
  SILENCE_ANSWERS,
} from '../../src/db/enums';
import { CAPS } from '../../src/features/consent/caps';
import { REALISED_ANSWERS } from '../../src/features/digest/benefits';
import { KIND_KEYS } from '../../src/features/library/policy';
import { STATUS_LABELS } from '../../src/features/requests/blocks/common';
import { IMPACTS as FORM_IMPACTS, IMPACT_LABELS } from '../../src/features/requests/form';
import { type DeclaredSchema, readDeclaredSchema } from './declared-schema';
import { openMigratedDatabase, SCHEMA_FILE } from './migrated-database';

/**
 * Each CHECK (col IN (…)) of the migrations against its list in src/db/enums.ts, against the
 * column's type in schema.ts, and against the lists the forms offer or label: a value on one side
 * only is a form option the database refuses, or a stored value the code has no word for.
 */

interface EnumColumn {
  name: string;
  list: readonly string[];
  /** Lists derived elsewhere that must hold the same values: form options, labels keyed by value. */
  alsoIn?: Record<string, readonly string[]>;
}

const CHECKED: Record<string, EnumColumn> = {
  'outbox.status': { name: 'OUTBOX_STATUSES', list: OUTBOX_STATUSES },
  'job_runs.status': { name: 'JOB_RUN_STATUSES', list: JOB_RUN_STATUSES },
  'requests.status': {
    name: 'REQUEST_STATUSES',
    list: REQUEST_STATUSES,
    alsoIn: { 'the requests’ STATUS_LABELS': Object.keys(STATUS_LABELS) },
  },
  'requests.impact': {
    name: 'IMPACTS',
    list: IMPACTS,
    alsoIn: { 'the request form’s IMPACTS': FORM_IMPACTS, 'its IMPACT_LABELS': Object.keys(IMPACT_LABELS) },
  },
  'invitation_prefs.cap': {
    name: 'INVITATION_CAPS',
    list: INVITATION_CAPS,
    alsoIn: { 'the consent form’s CAPS': Object.keys(CAPS) },
  },
  'invitations.mode': { name: 'INVITATION_MODES', list: INVITATION_MODES },
  'invitations.status': { name: 'INVITATION_STATUSES', list: INVITATION_STATUSES },
  'invitation_recipients.delivery': { name: 'DELIVERY_STATES', list: DELIVERY_STATES },
  'invitation_recipients.rsvp': { name: 'RSVP_ANSWERS', list: RSVP_ANSWERS },
  'coaching_engagements.status': { name: 'ENGAGEMENT_STATUSES', list: ENGAGEMENT_STATUSES },
  'checkins.kind': { name: 'CHECKIN_KINDS', list: CHECKIN_KINDS },
  'checkins.status': { name: 'CHECKIN_STATUSES', list: CHECKIN_STATUSES },
  'checkins.realised': {
    name: 'REALISED_VALUES',
    list: REALISED_VALUES,
    alsoIn: { 'the follow-up form’s REALISED_ANSWERS': REALISED_ANSWERS.map((a) => a.value) },
  },
  'request_alerts.target': { name: 'ALERT_TARGETS', list: ALERT_TARGETS },
  'request_alerts.kind': { name: 'ALERT_KINDS', list: ALERT_KINDS },
  'silence_checks.answer': { name: 'SILENCE_ANSWERS', list: SILENCE_ANSWERS },
  'erasures.reason': { name: 'ERASURE_REASONS', list: ERASURE_REASONS },
  'erasures.status': { name: 'ERASURE_STATUSES', list: ERASURE_STATUSES },
  'digest_charts.status': { name: 'DIGEST_CHART_STATUSES', list: DIGEST_CHART_STATUSES },
  'library_entries.kind': {
    name: 'LIBRARY_KINDS',
    list: LIBRARY_KINDS,
    alsoIn: { 'the library form’s KIND_KEYS': KIND_KEYS },
  },
  'library_entries.status': { name: 'LIBRARY_STATUSES', list: LIBRARY_STATUSES },
  'person_languages.language': { name: 'PERSON_LANGUAGES', list: PERSON_LANGUAGES },
};

/**
 * Typed by a list the database does not check: a request's history copies the statuses of
 * requests.status, which is checked where they are first written.
 */
const UNCHECKED: Record<string, EnumColumn> = {
  'request_events.from_status': { name: 'REQUEST_STATUSES', list: REQUEST_STATUSES },
  'request_events.to_status': { name: 'REQUEST_STATUSES', list: REQUEST_STATUSES },
};

/** How PostgreSQL (and PGlite) prints `CHECK (col IN ('a', 'b'))`. */
const IN_LIST = /^CHECK \(\((\w+) = ANY \(ARRAY\[(.*)\]\)\)\)$/;
const TEXT_LITERAL = /'((?:[^']|'')*)'::text/g;

/** Table.column → the values its CHECK allows, from the migrated database. */
async function readListChecks(): Promise<{ lists: Map<string, string[]>; unread: string[] }> {
  const database = await openMigratedDatabase();
  try {
    const rows = await sql<{ table_name: string; name: string; def: string }>`
      select c.conrelid::regclass::text as table_name, c.conname as name, pg_get_constraintdef(c.oid) as def
      from pg_constraint c
      join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'c' and n.nspname = current_schema()
      order by 1, 2
    `.execute(database.db);
    const lists = new Map<string, string[]>();
    const unread: string[] = [];
    for (const row of rows.rows) {
      const match = IN_LIST.exec(row.def);
      if (match) {
        const values = [...(match[2] ?? '').matchAll(TEXT_LITERAL)].map((m) =>
          (m[1] ?? '').replace(/''/g, "'"),
        );
        lists.set(`${row.table_name}.${match[1]}`, values);
      } else if (row.def.includes('ARRAY[')) {
        // A list in another shape (an OR, a cast): this test would skip it without a word.
        unread.push(`${row.table_name} ${row.name}: ${row.def}`);
      }
    }
    return { lists, unread };
  } finally {
    await database.close();
  }
}

const sameValues = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function describeDifference(
  column: string,
  what: string,
  listed: readonly string[],
  allowed: string[],
): string {
  const missing = allowed.filter((v) => !listed.includes(v));
  const extra = listed.filter((v) => !allowed.includes(v));
  const duplicates = listed.filter((v, i) => listed.indexOf(v) !== i);
  return [
    `${column}: ${what} differs from the CHECK (${allowed.join(', ')})`,
    missing.length ? `lacks ${missing.join(', ')}` : '',
    extra.length ? `has ${extra.join(', ')} the database refuses` : '',
    duplicates.length ? `repeats ${duplicates.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

function enumDifferences(checks: Map<string, string[]>, declared: DeclaredSchema): string[] {
  const differences: string[] = [];
  for (const [column, allowed] of checks) {
    const known = CHECKED[column];
    if (!known) {
      differences.push(
        `${column}: a CHECK allows only ${allowed.join(', ')}, but no list in src/db/enums.ts is tied to it ` +
          '(add one, type the column with it, and name it in CHECKED here)',
      );
      continue;
    }
    if (!sameValues(known.list, allowed))
      differences.push(describeDifference(column, known.name, known.list, allowed));
    for (const [where, values] of Object.entries(known.alsoIn ?? {}))
      if (!sameValues(values, allowed)) differences.push(describeDifference(column, where, values, allowed));
  }
  for (const column of Object.keys(CHECKED))
    if (!checks.has(column)) differences.push(`${column}: named in CHECKED, but no CHECK lists its values`);

  // The column types: what Kysely lets the code write and what it says a select returns.
  for (const [table, columns] of declared)
    for (const [name, column] of columns) {
      const key = `${table}.${name}`;
      const known = CHECKED[key] ?? UNCHECKED[key];
      const allowed = checks.get(key);
      if (!column.literals) {
        if (allowed)
          differences.push(
            `${key}: a CHECK allows only ${allowed.join(', ')}, but schema.ts types it ${column.kind}`,
          );
        continue;
      }
      if (!known) {
        differences.push(
          `${key}: schema.ts types it as ${column.literals.join(' | ')}, a list neither CHECKED nor UNCHECKED here`,
        );
        continue;
      }
      if (!sameValues(column.literals, known.list))
        differences.push(describeDifference(key, 'its type in schema.ts', column.literals, [...known.list]));
    }
  return differences;
}

describe('the lists of values of text columns', () => {
  let checks: Map<string, string[]>;
  let unread: string[];
  let declared: DeclaredSchema;
  beforeAll(async () => {
    ({ lists: checks, unread } = await readListChecks());
    declared = readDeclaredSchema(SCHEMA_FILE);
  }, 60_000);

  it('are all read from the database', () => {
    expect(unread).toEqual([]);
    // The pattern matched at all: a PostgreSQL that printed these differently would find none.
    expect(checks.get('requests.status')).toContain('in_progress');
    expect(checks.size).toBe(Object.keys(CHECKED).length);
  });

  it('are the same in the CHECK constraints, src/db/enums.ts, the column types and the forms', () => {
    const differences = enumDifferences(checks, declared);
    if (differences.length > 0)
      throw new Error(
        `The lists of values do not agree (${differences.length} differences):\n` +
          differences.map((d) => `  - ${d}`).join('\n'),
      );
  });
});
