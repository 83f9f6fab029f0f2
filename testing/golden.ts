/**
 * Golden-manifest assertions for tests (vitest or any runner): synthesize a chart, compare it with the
 * manifests in a YAML file, and fail with a path-by-path diff.
 */
import * as fs from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../lib/k8s';
import { compareManifests, formatDifferences, type CompareOptions } from './compare';

/**
 * Parses a YAML text with one or more documents as Kubernetes reads it (YAML 1.1 scalars).
 * A `...` line (an elision in an excerpt) is not allowed here: pass whole manifests.
 */
export function parseManifests(text: string): KubeObject[] {
  return parseAllDocuments(text, { version: '1.1' })
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`invalid YAML: ${doc.errors[0]!.message}`);
      return doc.toJS() as KubeObject | null;
    })
    .filter((o): o is KubeObject => o !== null && o !== undefined);
}

/** Reads and parses a YAML manifest file. */
export function readManifests(file: string): KubeObject[] {
  return parseManifests(fs.readFileSync(file, 'utf8'));
}

/** Throws an error listing every difference unless `actual` equals the golden manifests. */
export function assertManifestsMatch(actual: readonly KubeObject[], golden: readonly KubeObject[] | string, options?: CompareOptions): void {
  const expected = typeof golden === 'string' ? readManifests(golden) : golden;
  const diffs = compareManifests(actual, expected, options);
  if (diffs.length > 0) throw new Error(`manifests differ from the golden ones:\n${formatDifferences(diffs)}`);
}
