import ts from 'typescript';

/** One column as schema.ts declares it, read through the type checker (aliases resolved). */
export interface DeclaredColumn {
  /**
   * The type a select gives admits null; undefined for `unknown` (a jsonb column the code narrows
   * where it reads it), which admits everything and cannot say `| null`: `unknown | null` is
   * `unknown`.
   */
  nullable: boolean | undefined;
  /**
   * The select type without null, in the terms the SQL types are compared in: 'string', 'number',
   * 'boolean', 'Date', 'bytes', an array of those ('string[]'), 'unknown', or the checker's text.
   */
  kind: string;
  /** The values, when the select type is a union of string literals (a column of an enum). */
  literals?: string[];
}

/** Table name → column name → what it is declared as, from the `DB` interface (all its parts). */
export type DeclaredSchema = Map<string, Map<string, DeclaredColumn>>;

/**
 * Reads schema.ts with the compiler rather than importing it: its interfaces exist only as types.
 * A `ColumnType<S, I, U>` (and so `Generated<S>`, `Timestamp`…) is an object whose `__select__`
 * is S, the type a query returns: nullability is S's.
 */
export function readDeclaredSchema(file: string): DeclaredSchema {
  // strictNullChecks, or `| null` vanishes from every type.
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  const dbSymbol = module && checker.getExportsOfModule(module).find((s) => s.name === 'DB');
  if (!dbSymbol) throw new Error(`${file} exports no DB interface`);

  const schema: DeclaredSchema = new Map();
  for (const table of checker.getDeclaredTypeOfSymbol(dbSymbol).getProperties()) {
    const columns = new Map<string, DeclaredColumn>();
    for (const column of checker.getTypeOfSymbol(table).getProperties()) {
      const declared = checker.getTypeOfSymbol(column);
      const wrapped = declared.getProperty('__select__');
      const select = wrapped ? checker.getTypeOfSymbol(wrapped) : declared;
      const parts = select.isUnion() ? select.types : [select];
      const nonNull = checker.getNonNullableType(select);
      const literals = parts.filter((p) => !(p.flags & ts.TypeFlags.Null));
      columns.set(column.name, {
        nullable:
          select.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)
            ? undefined
            : parts.some((p) => p.flags & ts.TypeFlags.Null),
        kind: select.flags & ts.TypeFlags.Unknown ? 'unknown' : kindOf(checker, nonNull),
        ...(literals.length > 0 && literals.every((p) => p.isStringLiteral())
          ? { literals: literals.map((p) => (p as ts.StringLiteralType).value) }
          : {}),
      });
    }
    schema.set(table.name, columns);
  }
  return schema;
}

function kindOf(checker: ts.TypeChecker, type: ts.Type): string {
  const parts = type.isUnion() ? type.types : [type];
  const all = (flags: ts.TypeFlags) => parts.every((p) => p.flags & flags);
  if (type.flags & ts.TypeFlags.Any) return 'any';
  if (all(ts.TypeFlags.StringLike)) return 'string';
  if (all(ts.TypeFlags.NumberLike)) return 'number';
  if (all(ts.TypeFlags.BooleanLike)) return 'boolean';
  const names = parts.map((p) => p.getSymbol()?.name);
  if (names.every((n) => n === 'Date')) return 'Date';
  if (names.every((n) => n === 'Buffer' || n === 'Uint8Array')) return 'bytes';
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return `${element ? kindOf(checker, element) : 'unknown'}[]`;
  }
  return checker.typeToString(type);
}
