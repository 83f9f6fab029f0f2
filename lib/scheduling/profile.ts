/**
 * A cluster profile: the nodes a set of manifests is meant for, with what each node offers the scheduler
 * (`status.allocatable`) and its labels. Enough to predict which Pods would stay Pending; taints, pod
 * affinity, topology spread and preemption are not modelled.
 */
import { Quantity, type QuantityInput } from '../quantity';

/** A quantity in a profile: a literal (`"4"`, `"16Gi"`), a number, or a parsed {@link Quantity}. */
export type ProfileQuantity = QuantityInput | string;

/** A node's `status.allocatable`. cpu and memory are always reported by a kubelet, so they are required here. */
export type NodeAllocatable = {
  readonly cpu: ProfileQuantity;
  readonly memory: ProfileQuantity;
  /**
   * How many Pods the node takes.
   * @default 110 - the kubelet's default `maxPods`
   */
  readonly pods?: ProfileQuantity;
} & {
  /**
   * Any other resource: extended resources (`example.com/dongle: 4`), hugepages, ephemeral-storage.
   * An extended resource or hugepage size the node does not list counts as 0 (not advertised);
   * ephemeral-storage is not checked when not listed.
   */
  readonly [resource: string]: ProfileQuantity | undefined;
};

/** One node of the profile. */
export interface NodeProfile {
  /** `metadata.name`: what `nodeName` and `matchFields: metadata.name` refer to. */
  readonly name: string;
  /**
   * The node's labels, exactly as `kubectl get nodes --show-labels` prints them. Nothing is added: give
   * `kubernetes.io/hostname` and the like yourself if selectors use them.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** `status.allocatable`: what the scheduler may place on the node. */
  readonly allocatable: NodeAllocatable;
}

/** The nodes of a cluster, in a fixed order (ties between equally good nodes go to the earlier one). */
export interface ClusterProfile {
  /** The nodes, in order. */
  readonly nodes: readonly NodeProfile[];
}

/** A node of a profile with its quantities parsed. */
export interface ParsedNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly allocatable: ReadonlyMap<string, Quantity>;
}

/** The kubelet's default `maxPods`. */
export const DEFAULT_MAX_PODS = 110;

function toQuantity(value: ProfileQuantity): Quantity | string {
  if (value instanceof Quantity) return value;
  const r = Quantity.tryParse(value);
  return r.ok ? r.quantity : r.message;
}

/** Parses a profile's quantities; the errors name the node and resource. */
export function parseClusterProfile(profile: ClusterProfile): { nodes: ParsedNode[]; errors: string[] } {
  const nodes: ParsedNode[] = [];
  const errors: string[] = [];
  const names = new Set<string>();
  profile.nodes.forEach((node, i) => {
    if (names.has(node.name)) errors.push(`nodes[${i}].name: Duplicate value: ${JSON.stringify(node.name)}`);
    names.add(node.name);
    const allocatable = new Map<string, Quantity>();
    const entries: [string, ProfileQuantity | undefined][] = Object.entries({ pods: DEFAULT_MAX_PODS, ...node.allocatable });
    for (const [resource, value] of entries) {
      if (value === undefined) continue;
      const q = toQuantity(value);
      if (typeof q === 'string') errors.push(`nodes[${i}].allocatable[${resource}]: Invalid value: ${JSON.stringify(String(value))}: ${q}`);
      else allocatable.set(resource, q);
    }
    nodes.push({ name: node.name, labels: { ...(node.labels ?? {}) }, allocatable });
  });
  return { nodes, errors };
}

/**
 * A cluster profile with its quantities parsed: what the simulation places Pods on. Only
 * {@link ParsedClusterProfile.parse} makes one, so a check bound to one cannot parse its profile again.
 */
export class ParsedClusterProfile {
  /**
   * Parses `profile`. Throws an `Error` listing every problem (a quantity that does not parse, a duplicate node
   * name): an invalid profile is a mistake in the caller's configuration, not a finding about the manifests.
   */
  static parse(profile: ClusterProfile): ParsedClusterProfile {
    const { nodes, errors } = parseClusterProfile(profile);
    if (errors.length > 0) throw new Error(`invalid cluster profile:\n  ${errors.join('\n  ')}`);
    return new ParsedClusterProfile(nodes);
  }

  private constructor(
    /** The nodes, in the profile's order. */
    readonly nodes: readonly ParsedNode[],
  ) {}
}
