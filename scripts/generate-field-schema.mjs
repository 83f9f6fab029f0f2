#!/usr/bin/env node
/**
 * Generates lib/schema/fields.generated.ts: the field names and wire types of the Kubernetes objects whose unknown
 * fields podkit reports (Pod, PodTemplate, ReplicationController, ConfigMap, Secret, Service, ServiceAccount,
 * PersistentVolumeClaim, Namespace in core/v1; Deployment, StatefulSet, DaemonSet, ReplicaSet in apps/v1; Job and
 * CronJob in batch/v1), with the first Kubernetes version whose API has each field.
 *
 * The source is the models of the official JavaScript client, `@kubernetes/client-node`, generated from each
 * release's OpenAPI document (`attributeTypeMap`: wire name, type, format). It is not a dependency of podkit: install
 * the releases in a scratch folder outside the project and pass them as VERSION=DIR, oldest first, the newest last
 * (its types and formats are the ones written out):
 *
 *   for v in 0.21.0 0.22.3 1.1.2 1.3.0 1.4.0 2.0.1; do npm install --prefix /tmp/schema-src/$v @kubernetes/client-node@$v; done
 *   node scripts/generate-field-schema.mjs 1.30=/tmp/schema-src/0.21.0 1.31=/tmp/schema-src/0.22.3 \
 *     1.32=/tmp/schema-src/1.1.2 1.33=/tmp/schema-src/1.3.0 1.34=/tmp/schema-src/1.4.0 1.35..1.36=/tmp/schema-src/2.0.1 \
 *     > lib/schema/fields.generated.ts
 *
 * (client-node 2.0.1 carries the release-1.36 OpenAPI document; no release carries 1.35's, so `1.35..1.36` dates a field
 * first seen there 1.35: a 1.35 target accepts it rather than report a field its API server may know.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** `apiVersion/kind` → model class, for the objects checked. */
const ROOTS = {
  'v1/Pod': 'V1Pod',
  'v1/PodTemplate': 'V1PodTemplate',
  'v1/ReplicationController': 'V1ReplicationController',
  'v1/ConfigMap': 'V1ConfigMap',
  'v1/Secret': 'V1Secret',
  'v1/Service': 'V1Service',
  'v1/ServiceAccount': 'V1ServiceAccount',
  'v1/PersistentVolumeClaim': 'V1PersistentVolumeClaim',
  'v1/Namespace': 'V1Namespace',
  'apps/v1/Deployment': 'V1Deployment',
  'apps/v1/StatefulSet': 'V1StatefulSet',
  'apps/v1/DaemonSet': 'V1DaemonSet',
  'apps/v1/ReplicaSet': 'V1ReplicaSet',
  'batch/v1/Job': 'V1Job',
  'batch/v1/CronJob': 'V1CronJob',
};

/** The model classes of one installed client-node release, by class name. */
function loadModels(dir) {
  const gen = join(dir, 'node_modules/@kubernetes/client-node/dist/gen');
  const index = ['models/ObjectSerializer.js', 'model/models.js'].map((f) => join(gen, f)).find((f) => {
    try {
      readFileSync(f);
      return true;
    } catch {
      return false;
    }
  });
  if (!index) throw new Error(`no client-node models under ${gen}`);
  const mod = require(index);
  const classes = new Map();
  for (const value of Object.values(mod)) if (typeof value === 'function' && typeof value.getAttributeTypeMap === 'function') classes.set(value.name, value);
  const pkg = JSON.parse(readFileSync(join(dir, 'node_modules/@kubernetes/client-node/package.json'), 'utf8'));
  return { classes, clientVersion: pkg.version };
}

const ARRAY = /^Array<(.*)>$/;
const MAP = /^\{ \[key: string\]: (.*); \}$/;

/** A model type as one code: `s` string, `b` boolean, `i32`/`i64` integers, `n` other numbers, `io` int-or-string, `x` anything, `[T]` list, `{T}` map, else a type name. */
function code(type, format, classes) {
  let m = ARRAY.exec(type);
  if (m) return `[${code(m[1], format, classes)}]`;
  m = MAP.exec(type);
  if (m) return `{${code(m[1], format, classes)}}`;
  if (classes.has(type)) return shortName(type);
  switch (type) {
    case 'string':
    case 'Date':
      return 's';
    case 'boolean':
      return 'b';
    case 'number':
      return format === 'int32' ? 'i32' : format === 'int64' ? 'i64' : 'n';
    case 'IntOrString':
      return 'io';
    default:
      return 'x';
  }
}

const shortName = (type) => type.replace(/^V1(?=[A-Z])/, '');
const innerType = (type) => {
  let t = type;
  for (;;) {
    const m = ARRAY.exec(t) ?? MAP.exec(t);
    if (!m) return t;
    t = m[1];
  }
};

// VERSION=DIR, or SINCE..VERSION=DIR for a release whose new fields may date from an earlier version (SINCE)
const args = process.argv.slice(2).map((a) => {
  const [label, dir] = a.split('=');
  const [sinceLabel, version = sinceLabel] = (label ?? '').split('..');
  if (!version || !dir) throw new Error(`expected VERSION=DIR or SINCE..VERSION=DIR, got ${a}`);
  return { version, sinceLabel, ...loadModels(dir) };
});
if (args.length === 0) throw new Error('usage: generate-field-schema.mjs VERSION=DIR… (oldest first)');
const newest = args[args.length - 1];

/** Every type reachable from the roots in the newest release, with its fields. */
const types = new Map();
function visit(name) {
  if (types.has(name) || !newest.classes.has(name)) return;
  const fields = newest.classes.get(name).getAttributeTypeMap();
  types.set(name, fields);
  for (const f of fields) visit(innerType(f.type));
}
for (const root of Object.values(ROOTS)) visit(root);

/** `Type.field` → the first version that has it, found by walking each older release from the same roots in step. */
const since = new Map();
for (const { sinceLabel: version, classes } of args) {
  const seen = new Set();
  const walk = (newName, oldName) => {
    const key = `${newName}>${oldName}`;
    if (seen.has(key) || !types.has(newName) || !classes.has(oldName)) return;
    seen.add(key);
    const oldFields = new Map(classes.get(oldName).getAttributeTypeMap().map((f) => [f.baseName, f]));
    for (const f of types.get(newName)) {
      const old = oldFields.get(f.baseName);
      if (!old) continue;
      const id = `${shortName(newName)}.${f.baseName}`;
      if (!since.has(id)) since.set(id, version);
      walk(innerType(f.type), innerType(old.type));
    }
  };
  for (const root of Object.values(ROOTS)) walk(root, root);
}

const first = args[0].version;
const lines = [];
lines.push('// Generated by scripts/generate-field-schema.mjs from the models of @kubernetes/client-node');
lines.push(`// (${args.map((a) => `Kubernetes ${a.version} from client-node ${a.clientVersion}`).join('; ')}). Do not edit: run the script again (see its header).`);
lines.push('');
lines.push('/** The newest Kubernetes version these fields are read from. */');
lines.push(`export const FIELD_SCHEMA_VERSION = '${newest.version}';`);
lines.push('');
lines.push('/** `apiVersion/kind` → the type of the whole object. */');
lines.push(`export const FIELD_SCHEMA_ROOTS: Readonly<Record<string, string>> = ${JSON.stringify(Object.fromEntries(Object.entries(ROOTS).map(([k, v]) => [k, shortName(v)])), null, 2)};`);
lines.push('');
lines.push('/**');
lines.push(' * Each type\'s fields as `name:code` pairs joined by commas; a code is `s` string, `b` boolean, `i32`/`i64` integer,');
lines.push(' * `n` number, `io` int-or-string, `x` anything, `[T]` list of T, `{T}` map of T, or a type name. A `@1.33` suffix is');
lines.push(` * the first Kubernetes version with the field (none: ${first} or older).`);
lines.push(' */');
lines.push('export const FIELD_SCHEMA_TYPES: Readonly<Record<string, string>> = {');
for (const [name, fields] of [...types.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const short = shortName(name);
  const parts = fields.map((f) => {
    const v = since.get(`${short}.${f.baseName}`);
    return `${f.baseName}:${code(f.type, f.format, newest.classes)}${v && v !== first ? `@${v}` : ''}`;
  });
  lines.push(`  ${JSON.stringify(short)}: ${JSON.stringify(parts.join(','))},`);
}
lines.push('};');
process.stdout.write(`${lines.join('\n')}\n`);
