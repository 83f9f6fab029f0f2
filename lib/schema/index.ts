/**
 * The field schema of the objects whose unknown fields are reported, read once from the generated table
 * (fields.generated.ts) into maps: a walk over a manifest then costs one map lookup per field.
 */
import { FIELD_SCHEMA_ROOTS, FIELD_SCHEMA_TYPES, FIELD_SCHEMA_VERSION } from './fields.generated';

export { FIELD_SCHEMA_VERSION };

/** What a field holds. */
export type FieldType =
  | { readonly kind: 'string' | 'bool' | 'int32' | 'int64' | 'number' | 'intOrString' | 'any' }
  | { readonly kind: 'object'; readonly name: string }
  | { readonly kind: 'list' | 'map'; readonly of: FieldType };

/** One field of an object type: its type and the first Kubernetes minor version that has it (30 for 1.30 or older). */
export interface FieldSpec {
  readonly type: FieldType;
  readonly sinceMinor: number;
}

const SCALARS: Readonly<Record<string, FieldType>> = {
  s: { kind: 'string' },
  b: { kind: 'bool' },
  i32: { kind: 'int32' },
  i64: { kind: 'int64' },
  n: { kind: 'number' },
  io: { kind: 'intOrString' },
  x: { kind: 'any' },
};

function parseType(code: string): FieldType {
  if (code.startsWith('[')) return { kind: 'list', of: parseType(code.slice(1, -1)) };
  if (code.startsWith('{')) return { kind: 'map', of: parseType(code.slice(1, -1)) };
  return SCALARS[code] ?? { kind: 'object', name: code };
}

const types = new Map<string, ReadonlyMap<string, FieldSpec>>();

/** The fields of an object type, by wire name; undefined for a type the schema does not have. */
export function fieldsOf(typeName: string): ReadonlyMap<string, FieldSpec> | undefined {
  let fields = types.get(typeName);
  if (fields) return fields;
  const encoded = FIELD_SCHEMA_TYPES[typeName];
  if (encoded === undefined) return undefined;
  const map = new Map<string, FieldSpec>();
  for (const part of encoded.split(',')) {
    const colon = part.indexOf(':');
    const [code, since] = part.slice(colon + 1).split('@');
    map.set(part.slice(0, colon), { type: parseType(code!), sinceMinor: since ? Number(since.split('.')[1]) : 30 });
  }
  fields = map;
  types.set(typeName, fields);
  return fields;
}

/** The type of a whole object of `apiVersion`/`kind`, when the schema has it. */
export function rootTypeOf(apiVersion: unknown, kind: unknown): string | undefined {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  return FIELD_SCHEMA_ROOTS[`${apiVersion}/${kind}`];
}
