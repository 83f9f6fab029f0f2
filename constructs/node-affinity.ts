/**
 * Typed node selection props: `nodeSelector`, `nodeName` and node affinity, by their wire names.
 *
 * The operator decides the values (exclusive unions): `In`/`NotIn` take a list of values, `Exists`/`DoesNotExist`
 * take none, `Gt`/`Lt` exactly one; `matchFields` takes only `metadata.name` with one node name. The values are
 * `string`s as the API writes them, so a `string[]` of zones or `[String(n)]` compile; an empty `In` list
 * (`scheduling/values-required`) and a `Gt` value that is not an integer (`scheduling/integer-value`) are reported
 * at synth, as is `weight` outside 1–100: as every typed rule here, the runtime rule in `lib/rules/scheduling.ts`
 * is the authority.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/
 */
import type * as k8s from '../lib/k8s';

/** A node label value list with at least one entry. */
export type NonEmptyValues = readonly [string, ...string[]];

/** `In`/`NotIn`: the node's label value is (not) one of `values`. */
export interface SetRequirement {
  /** The node label's key. */
  readonly key: string;
  /** How the node's label relates to `values`. */
  readonly operator: 'In' | 'NotIn';
  /** At least one value with `In`, `NotIn`, `Gt`, `Lt` (an empty list fails synthesis: `scheduling/values-required`). @default - none */
  readonly values: readonly string[];
}

/** `Exists`/`DoesNotExist`: the node has (lacks) the label; no values. */
export interface ExistenceRequirement {
  /** The node label's key. */
  readonly key: string;
  /** Whether the node has the label (`Exists`) or lacks it (`DoesNotExist`). */
  readonly operator: 'Exists' | 'DoesNotExist';
  readonly values?: never;
}

/** `Gt`/`Lt`: the node's label, read as an integer, is greater (less) than the one value. */
export interface NumericRequirement {
  /** The node label's key; its value is read as an integer. */
  readonly key: string;
  /** `Gt`: the label's value is greater than the one value; `Lt`: less. */
  readonly operator: 'Gt' | 'Lt';
  /** Exactly one integer, as a string (`"8"`, `String(n)`); a value that is not an integer is reported at synth. */
  readonly values: readonly [string];
}

/** One `matchExpressions` entry. */
export type NodeSelectorRequirementProps = SetRequirement | ExistenceRequirement | NumericRequirement;

/** One `matchFields` entry: only `metadata.name`, with `In`/`NotIn` and one node name. */
export interface NodeFieldRequirementProps {
  /** The node field: only `metadata.name`. */
  readonly key: 'metadata.name';
  /** `In`: the node is the named one; `NotIn`: any other node. */
  readonly operator: 'In' | 'NotIn';
  /** Exactly one node name. */
  readonly values: readonly [string];
}

/** A node selector term: all its requirements must hold. A term with neither list matches no node. */
export interface NodeSelectorTermProps {
  /** Requirements on the node's labels. @default - none */
  readonly matchExpressions?: readonly NodeSelectorRequirementProps[];
  /** Requirements on the node's fields (its name). @default - none */
  readonly matchFields?: readonly NodeFieldRequirementProps[];
}

/** A preferred term and its weight. */
export interface PreferredSchedulingTermProps {
  /**
   * Added to the score of every node that matches `preference`: 1 to 100 (0 is an error, not "required").
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/
   */
  readonly weight: number;
  /** The term a node must match to get `weight` added. */
  readonly preference: NodeSelectorTermProps;
}

/** `affinity.nodeAffinity`. */
export interface NodeAffinityProps {
  /** The Pod runs only on a node matching at least one of the terms (one term at least). @default - no requirement */
  readonly requiredDuringSchedulingIgnoredDuringExecution?: {
    readonly nodeSelectorTerms: readonly [NodeSelectorTermProps, ...NodeSelectorTermProps[]];
  };
  /** The scheduler prefers nodes matching these terms, by weight. @default - no preference */
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTermProps[];
}

/**
 * `affinity`: node affinity typed by operator; pod (anti-)affinity as the API writes it (a term needs a
 * `topologyKey`, a weighted term a `weight` and a `podAffinityTerm`), its values checked at synth (`pod/pod-affinity-*`:
 * weight 1–100, topologyKey and label keys qualified names, label selectors).
 */
export interface AffinityProps {
  /** Rules on the labels of the node the pod runs on. @default - any node */
  readonly nodeAffinity?: NodeAffinityProps;
  /**
   * Rules placing the pod near pods with given labels.
   * @see https://kubernetes.io/ja/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
   * @default - none
   */
  readonly podAffinity?: k8s.PodAffinity;
  /**
   * Rules keeping the pod away from pods with given labels.
   * @see https://kubernetes.io/ja/docs/concepts/scheduling-eviction/assign-pod-node/#inter-pod-affinity-and-anti-affinity
   * @default - none
   */
  readonly podAntiAffinity?: k8s.PodAffinity;
}

/** The node selection fields of a pod spec. */
export interface NodeSelectionProps {
  /**
   * Labels a node must have, each with this value.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes/
   * @default - any node
   */
  readonly nodeSelector?: Readonly<Record<string, string>>;
  /**
   * Runs the Pod on this node, bypassing the scheduler.
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes/
   * @default - the scheduler chooses
   */
  readonly nodeName?: string;
  /** Node affinity (typed) and pod (anti-)affinity. @default - no affinity rules */
  readonly affinity?: AffinityProps;
}
