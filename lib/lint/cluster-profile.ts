/**
 * The `--cluster PROFILE` file: a cluster profile (lib/scheduling/profile.ts) read from YAML or JSON and checked
 * for shape before the schedulability check (lib/rules/schedulability.ts) uses it.
 *
 *   nodes:
 *   - name: worker0
 *     labels: {disktype: ssd}
 *     allocatable: {cpu: "4", memory: 16Gi, example.com/dongle: 4}
 */
import { ParsedClusterProfile, type ClusterProfile } from '../scheduling';
import { ManifestReadError } from './read';

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Checks the shape and quantities of a profile read from a file and parses it, once; throws an `Error` listing every
 * problem. A profile parsed already is returned as it is.
 */
export function asClusterProfile(value: unknown): ParsedClusterProfile {
  if (value instanceof ParsedClusterProfile) return value;
  if (!isMapping(value) || !Array.isArray(value.nodes)) throw new Error('invalid cluster profile: a mapping with a `nodes` list is required');
  const errors: string[] = [];
  value.nodes.forEach((node: unknown, i) => {
    if (!isMapping(node)) return errors.push(`nodes[${i}]: must be a mapping`);
    if (typeof node.name !== 'string' || node.name === '') errors.push(`nodes[${i}].name: Required value`);
    if (node.labels !== undefined && (!isMapping(node.labels) || Object.values(node.labels).some((l) => typeof l !== 'string')))
      errors.push(`nodes[${i}].labels: must map label keys to strings (quote values such as "true" or "0777")`);
    if (!isMapping(node.allocatable)) return errors.push(`nodes[${i}].allocatable: Required value`);
    // a resource is a map key: bracketed, as the API server prints one (`field.Path.Key`) and as the quantity errors here are
    for (const resource of ['cpu', 'memory']) if (node.allocatable[resource] === undefined) errors.push(`nodes[${i}].allocatable[${resource}]: Required value`);
    return undefined;
  });
  if (errors.length > 0) throw new Error(`invalid cluster profile:\n  ${errors.join('\n  ')}`);
  // the quantities and node names: one parse, whose result the schedulability check uses
  return ParsedClusterProfile.parse(value as unknown as ClusterProfile);
}

/** Reads a malformed `--cluster` file as unreadable input (exit 2), naming the file; returns the profile. */
export function checkProfile(file: string, value: unknown): ParsedClusterProfile {
  try {
    return asClusterProfile(value);
  } catch (e) {
    throw new ManifestReadError(file, undefined, (e as Error).message);
  }
}
