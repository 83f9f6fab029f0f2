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

/** A node label value list with at least one entry. */
export type NonEmptyValues = readonly [string, ...string[]];

/** `In`/`NotIn`: the node's label value is (not) one of `values`. */
export interface SetRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn';
  /** At least one value (an empty list fails synthesis: `scheduling/values-required`). */
  readonly values: readonly string[];
}

/** `Exists`/`DoesNotExist`: the node has (lacks) the label; no values. */
export interface ExistenceRequirement {
  readonly key: string;
  readonly operator: 'Exists' | 'DoesNotExist';
  readonly values?: never;
}

/** `Gt`/`Lt`: the node's label, read as an integer, is greater (less) than the one value. */
export interface NumericRequirement {
  readonly key: string;
  readonly operator: 'Gt' | 'Lt';
  /** Exactly one integer, as a string (`"8"`, `String(n)`); a value that is not an integer is reported at synth. */
  readonly values: readonly [string];
}

/** One `matchExpressions` entry. */
export type NodeSelectorRequirementProps = SetRequirement | ExistenceRequirement | NumericRequirement;

/** One `matchFields` entry: only `metadata.name`, with `In`/`NotIn` and one node name. */
export interface NodeFieldRequirementProps {
  readonly key: 'metadata.name';
  readonly operator: 'In' | 'NotIn';
  readonly values: readonly [string];
}

/** A node selector term: all its requirements must hold. A term with neither list matches no node. */
export interface NodeSelectorTermProps {
  readonly matchExpressions?: readonly NodeSelectorRequirementProps[];
  readonly matchFields?: readonly NodeFieldRequirementProps[];
}

/** A preferred term and its weight. */
export interface PreferredSchedulingTermProps {
  /**
   * Added to the score of every node that matches `preference`: 1 to 100 (0 is an error, not "required").
   * @see https://kubernetes.io/ja/docs/tasks/configure-pod-container/assign-pods-nodes-using-node-affinity/
   */
  readonly weight: number;
  readonly preference: NodeSelectorTermProps;
}

/** `affinity.nodeAffinity`. */
export interface NodeAffinityProps {
  /** The Pod runs only on a node matching at least one of the terms (one term at least). */
  readonly requiredDuringSchedulingIgnoredDuringExecution?: {
    readonly nodeSelectorTerms: readonly [NodeSelectorTermProps, ...NodeSelectorTermProps[]];
  };
  /** The scheduler prefers nodes matching these terms, by weight. */
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTermProps[];
}

/** `affinity`: node affinity typed; pod (anti-)affinity passed through as written. */
export interface AffinityProps {
  readonly nodeAffinity?: NodeAffinityProps;
  readonly podAffinity?: unknown;
  readonly podAntiAffinity?: unknown;
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
  readonly affinity?: AffinityProps;
}
