/**
 * Reads the vendored reference corpus (`snapshots/reference/`, CC BY 4.0, The Kubernetes Authors; see its
 * README.md): index.json, whole manifests (the as-printed variant where one exists) and fragments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import type { KubeObject } from '../lib/k8s';
import { parseManifests } from '../testing/golden';

export const REFERENCE_DIR = path.join(__dirname, 'reference');

export interface IndexEntry {
  readonly path: string;
  readonly page: string;
  readonly object?: 'whole' | 'fragment' | 'non-manifest-input' | 'page';
  readonly as_printed_variant?: string;
}

/** index.json's file entries. */
export function indexEntries(): IndexEntry[] {
  const index = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'index.json'), 'utf8')) as { files: IndexEntry[] };
  return index.files;
}

/** The whole manifests of a page that must be reproduced: the as-printed variant where one exists. */
export function wholeTargets(page: string): string[] {
  const entries = indexEntries().filter((e) => e.page === page && e.object === 'whole');
  const variants = new Set(entries.map((e) => e.as_printed_variant).filter((v): v is string => !!v));
  return entries.filter((e) => !variants.has(e.path) || e.as_printed_variant).map((e) => e.as_printed_variant ?? e.path);
}

/** The objects of a whole reference manifest. */
export function readReference(rel: string): KubeObject[] {
  return parseManifests(fs.readFileSync(path.join(REFERENCE_DIR, rel), 'utf8'));
}

/** A fragment, with `...` elision lines dropped and the common indentation removed. */
export function readFragment(rel: string): unknown {
  const lines = fs
    .readFileSync(path.join(REFERENCE_DIR, rel), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '...');
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return parse(lines.map((l) => l.slice(cut)).join('\n'), { version: '1.1' });
}

/** True when `fragment` is a deep subset of `node` (lists must match in length, element by element). */
export function isSubset(fragment: unknown, node: unknown): boolean {
  if (Array.isArray(fragment)) return Array.isArray(node) && fragment.length === node.length && fragment.every((f, i) => isSubset(f, node[i]));
  if (fragment && typeof fragment === 'object') {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return false;
    const n = node as Record<string, unknown>;
    return Object.entries(fragment).every(([k, v]) => k in n && isSubset(v, n[k]));
  }
  return Object.is(fragment, node) || (typeof fragment === 'number' && String(fragment) === node);
}

/** Every mapping inside a value (for fragment search). */
export function* mappings(node: unknown): Generator<object> {
  if (Array.isArray(node)) for (const v of node) yield* mappings(v);
  else if (node && typeof node === 'object') {
    yield node;
    for (const v of Object.values(node)) yield* mappings(v);
  }
}
