import { type DeclaredSchema, readDeclaredSchema } from './declared-schema';
import { type ColumnFacts, openMigratedDatabase, readColumns, SCHEMA_FILE } from './migrated-database';

/**
 * schema.ts is written by hand and Kysely believes it: a column the migrations never made, or a
 * nullable one typed as never null, type-checks and fails (or lies) only at run time. So the
 * tables a migrated database has are compared with the ones schema.ts declares.
 */

/**
 * What a select returns for each SQL type, in DeclaredColumn's terms. client.ts makes both
 * drivers return int8 and numeric as numbers and `date` as a 'YYYY-MM-DD' string. jsonb holds
 * whatever shape the app gives it. A type missing here is reported, so a new one gets a rule.
 */
const SELECTED_AS: Record<string, string | undefined> = {
  text: 'string',
  integer: 'number',
  bigint: 'number',
  numeric: 'number',
  'double precision': 'number',
  boolean: 'boolean',
  'timestamp with time zone': 'Date',
  date: 'string',
  jsonb: undefined,
  bytea: 'bytes',
  tsvector: 'string',
  'text[]': 'string[]',
  'int4[]': 'number[]',
};

function schemaDifferences(columns: ColumnFacts[], declared: DeclaredSchema): string[] {
  const differences: string[] = [];
  const inDatabase = new Map<string, ColumnFacts[]>();
  for (const c of columns) inDatabase.set(c.table, [...(inDatabase.get(c.table) ?? []), c]);

  for (const table of [...new Set([...inDatabase.keys(), ...declared.keys()])].sort()) {
    const actual = inDatabase.get(table);
    const typed = declared.get(table);
    if (!typed) {
      differences.push(`${table}: a table the migrations make, missing from DB in schema.ts`);
      continue;
    }
    if (!actual) {
      differences.push(`${table}: declared in schema.ts, but no migration makes it`);
      continue;
    }
    for (const column of actual) {
      const name = `${table}.${column.column}`;
      const declaredColumn = typed.get(column.column);
      if (!declaredColumn) {
        differences.push(`${name}: a column in the migrations, missing from schema.ts`);
        continue;
      }
      if (column.nullable && declaredColumn.nullable === false)
        differences.push(`${name}: nullable in SQL, but its type in schema.ts does not admit null`);
      if (!column.nullable && declaredColumn.nullable === true)
        differences.push(`${name}: NOT NULL in SQL, but its type in schema.ts admits null`);
      if (!(column.type in SELECTED_AS))
        differences.push(`${name}: SQL type ${column.type} has no rule in schema-drift.test.ts`);
      const expected = SELECTED_AS[column.type];
      if (expected && declaredColumn.kind !== expected)
        differences.push(
          `${name}: ${column.type} in SQL (selected as ${expected}), but ${declaredColumn.kind} in schema.ts`,
        );
    }
    for (const column of typed.keys())
      if (!actual.some((c) => c.column === column))
        differences.push(`${table}.${column}: declared in schema.ts, but no migration makes it`);
  }
  return differences;
}

describe('schema.ts and the migrations', () => {
  let columns: ColumnFacts[];
  let declared: DeclaredSchema;
  beforeAll(async () => {
    const database = await openMigratedDatabase();
    try {
      columns = await readColumns(database.db);
    } finally {
      await database.close();
    }
    declared = readDeclaredSchema(SCHEMA_FILE);
  }, 60_000);

  it('read both sides at all', () => {
    // A wrong schema name or a parse that found nothing would make every comparison hold.
    expect(new Set(columns.map((c) => c.table)).size).toBeGreaterThan(30);
    expect(declared.size).toBeGreaterThan(30);
    expect(declared.get('requests')?.get('needed_by')).toEqual({ nullable: true, kind: 'string' });
    expect(declared.get('requests')?.get('status')?.literals).toContain('in_progress');
  });

  it('agree on the tables, their columns, which columns may be null, and their types', () => {
    const differences = schemaDifferences(columns, declared);
    if (differences.length > 0)
      throw new Error(
        `schema.ts does not match the migrated database (${differences.length} differences):\n` +
          differences.map((d) => `  - ${d}`).join('\n'),
      );
  });
});
