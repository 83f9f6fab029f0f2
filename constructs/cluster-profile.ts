/**
 * Attaches a cluster profile to a cdk8s app, so that synthesis reports every Pod of the app that would
 * stay Pending on that cluster (or be rejected by the node it names), with the scheduler's reasons.
 *
 * ```ts
 * const app = new App();
 * attachClusterProfile(app, { nodes: [{ name: 'worker0', allocatable: { cpu: '4', memory: '16Gi', 'example.com/dongle': 4 } }] });
 * ```
 * The check runs once per app, over every ApiObject of the app in declaration order (podkit's or not);
 * static Pods count on their node. With `severity: 'warning'` findings are printed instead of failing.
 * https://kubernetes.io/ja/docs/tasks/configure-pod-container/extended-resource/
 */
import type { Construct, IConstruct } from 'constructs';
import { schedulabilityFindings } from '../lib/rules/schedulability';
import { ParsedClusterProfile, type ClusterProfile } from '../lib/scheduling/profile';
import type { Severity } from '../lib/violation';
import { addAppCheck } from './app-checks';
import { appObjects } from './app-objects';
import { registerAppValidation, type CheckOptions } from './checked-api-object';
import { StaticPod } from './static-pod';

/** Options of {@link attachClusterProfile}: how schedulability findings are reported. */
export interface ClusterProfileOptions extends CheckOptions {
  /**
   * Whether a Pod that would not run fails synthesis (`error`) or is printed as a warning.
   * @default 'error'
   */
  readonly severity?: Severity;
}

// not `instanceof`: cdk8s answers it for every ApiObject (see isCheckedApiObject)
const isStaticPod = (c: unknown): c is StaticPod => StaticPod.prototype.isPrototypeOf(c as object);

const profiles = new WeakMap<IConstruct, ClusterProfile>();

/**
 * Checks the whole app of `scope` against `profile` at synthesis. Throws now if the profile is invalid
 * (a quantity that does not parse, a duplicate node name), or if the app already has a profile.
 */
export function attachClusterProfile(scope: Construct, profile: ClusterProfile, options: ClusterProfileOptions = {}): void {
  const root = scope.node.root;
  if (profiles.has(root)) throw new Error('this app already has a cluster profile');
  const parsed = ParsedClusterProfile.parse(profile); // once: every synth checks against it
  addAppCheck(root, (objects) => {
    // static Pods run on their node although their manifest does not name it
    const staticNodes = new Map<string, string>();
    for (const c of root.node.findAll()) if (isStaticPod(c)) staticNodes.set(c.node.path, c.nodeName);
    if (staticNodes.size === 0) return schedulabilityFindings(objects, parsed, { severity: options.severity });
    const paths = appObjects(root).map((o) => o.constructPath);
    return schedulabilityFindings(objects, parsed, { severity: options.severity, pinnedNode: (_obj, i) => staticNodes.get(paths[i] ?? '') });
  });
  profiles.set(root, profile);
  registerAppValidation(scope, options);
}

/** The profile attached to the app of `scope`, if any. */
export function clusterProfileOf(scope: IConstruct): ClusterProfile | undefined {
  return profiles.get(scope.node.root);
}
