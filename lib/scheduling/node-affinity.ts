/**
 * Whether a node satisfies a Pod's `nodeSelector` and node affinity, as the scheduler's NodeAffinity plugin
 * decides it (component-helpers `nodeaffinity`): every `nodeSelector` label must be present with that value,
 * and at least one required term must match; a term matches when all its requirements do; an empty term, or
 * one that cannot be parsed (unknown operator, a Gt/Lt value that is not an integer), matches no node.
 * Preferred terms add their weight to the node's score.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from '../k8s';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Whether Go's `strconv.ParseInt(value, 10, 64)` accepts `value`: the scheduler's parse of a Gt/Lt value. */
export function isInt64(value: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(value)) return false;
  const n = BigInt(value);
  return n >= INT64_MIN && n <= INT64_MAX;
}

/** Whether a term has neither expressions nor fields (the scheduler treats it as matching nothing). */
export function isEmptyTerm(term: NodeSelectorTerm | undefined): boolean {
  return !term || ((term.matchExpressions?.length ?? 0) === 0 && (term.matchFields?.length ?? 0) === 0);
}

/** A node as the matcher sees it. */
export interface MatchableNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

function has(labels: Readonly<Record<string, string>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(labels, key);
}

/** One `matchExpressions` requirement against the node's labels; undefined when it cannot be parsed. */
function matchExpression(req: NodeSelectorRequirement, node: MatchableNode): boolean | undefined {
  const values = Array.isArray(req.values) ? req.values.map(String) : [];
  const present = has(node.labels, req.key);
  const value = node.labels[req.key];
  switch (req.operator) {
    case 'In':
      return values.length === 0 ? undefined : present && values.includes(value!);
    case 'NotIn':
      return values.length === 0 ? undefined : !present || !values.includes(value!);
    case 'Exists':
      return values.length > 0 ? undefined : present;
    case 'DoesNotExist':
      return values.length > 0 ? undefined : !present;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !isInt64(values[0]!)) return undefined;
      if (!present || !isInt64(value!)) return false;
      const diff = BigInt(value!) - BigInt(values[0]!);
      return req.operator === 'Gt' ? diff > 0n : diff < 0n;
    }
    default:
      return undefined;
  }
}

/** One `matchFields` requirement (only `metadata.name` In/NotIn one value); undefined when it cannot be parsed. */
function matchField(req: NodeSelectorRequirement, node: MatchableNode): boolean | undefined {
  const values = Array.isArray(req.values) ? req.values.map(String) : [];
  if (req.key !== 'metadata.name' || values.length !== 1) return undefined;
  if (req.operator === 'In') return values[0] === node.name;
  if (req.operator === 'NotIn') return values[0] !== node.name;
  return undefined;
}

/** Whether a term matches; an empty or unparsable term matches nothing. */
export function termMatches(term: NodeSelectorTerm | undefined, node: MatchableNode): boolean {
  if (!term || isEmptyTerm(term)) return false;
  for (const req of term.matchExpressions ?? []) if (matchExpression(req, node) !== true) return false;
  for (const req of term.matchFields ?? []) if (matchField(req, node) !== true) return false;
  return true;
}

/** `nodeSelector` and required node affinity (both must hold). */
export function matchesNodeSelection(spec: PodSpec, node: MatchableNode): boolean {
  for (const [key, value] of Object.entries(spec.nodeSelector ?? {})) {
    if (!has(node.labels, key) || node.labels[key] !== String(value)) return false;
  }
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) {
    const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms : [];
    if (!terms.some((t) => termMatches(t, node))) return false;
  }
  return true;
}

/** The sum of the weights of the preferred terms the node matches (0 when none). */
export function preferredWeight(spec: PodSpec, node: MatchableNode): number {
  let sum = 0;
  for (const term of spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (typeof term.weight === 'number' && term.weight > 0 && termMatches(term.preference, node)) sum += term.weight;
  }
  return sum;
}
