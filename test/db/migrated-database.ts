import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from '../../src/db/client';

export { openMigratedDatabase } from '../support/test-database';

/** Kysely's own tables: they are not the app's, and schema.ts does not declare them. */
const BOOKKEEPING = ['kysely_migration', 'kysely_migration_lock'];

export interface ColumnFacts {
  table: string;
  column: string;
  nullable: boolean;
  /** information_schema's data_type, or the element type for an array ('text[]'). */
  type: string;
}

/** The app's columns, from information_schema: what the migrations made. */
export async function readColumns(db: Database): Promise<ColumnFacts[]> {
  const rows = await sql<{
    table_name: string;
    column_name: string;
    is_nullable: 'YES' | 'NO';
    data_type: string;
    udt_name: string;
  }>`
    select c.table_name, c.column_name, c.is_nullable, c.data_type, c.udt_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema()
      and t.table_type = 'BASE TABLE'
      and c.table_name not in (${sql.join(BOOKKEEPING)})
    order by c.table_name, c.ordinal_position
  `.execute(db);
  return rows.rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    nullable: r.is_nullable === 'YES',
    // Arrays say only 'ARRAY'; their udt_name is the element's, with a leading underscore.
    type: r.data_type === 'ARRAY' ? `${r.udt_name.replace(/^_/, '')}[]` : r.data_type,
  }));
}

export const SCHEMA_FILE = path.join(__dirname, '..', '..', 'src', 'db', 'schema.ts');
