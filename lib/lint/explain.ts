/**
 * `podkit explain`: per Pod or workload, what the build already knows that a cluster would tell only later.
 * Each area contributes a section (one line in {@link EXPLAIN_SECTIONS}); a section with nothing to say is left out.
 */
import { containersOf, podSpecOf, type PodLike } from '../k8s';
import { defaultProbe } from '../rules/probes';
import { mergeSecurityContext } from '../rules/security-context';
import { qosClassOf } from '../rules/qos';
import { checkPodSecurity, LATEST_POD_SECURITY_VERSION } from '../rules/pod-security';
import { PSS_LEVELS } from './pss';
import type { Position, SourcedObject } from './read';

/** One fact: `label: value`, with the field path it concerns where there is one. An entry labelled like its section is the section's whole answer. */
export interface ExplainEntry {
  readonly label: string;
  readonly value: string;
  readonly path?: string;
}

/** A titled group of facts about one pod spec. */
export interface ExplainSection {
  readonly title: string;
  /** The facts about the pod spec found at `base`; empty when the section has nothing to say. */
  explain(pod: PodLike, base: string): ExplainEntry[];
}

/** The QoS class the kubelet will give the pod (`status.qosClass`). */
export const qosSection: ExplainSection = {
  title: 'QoS class',
  explain: (pod) => [{ label: 'QoS class', value: qosClassOf(pod), path: 'status.qosClass' }],
};

/** `key=value` pairs, nested objects as JSON: `runAsUser=1000, seccompProfile={"type":"RuntimeDefault"}`. */
function pairs(obj: object): string {
  return Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
}

/**
 * The security settings each container runs with: its own `securityContext` fields, else the pod's (container
 * fields override per field). Left out when neither the pod nor any container sets a security context.
 */
export const securityContextSection: ExplainSection = {
  title: 'Effective security context',
  explain: (pod, base) => {
    const all = containersOf(pod.spec);
    if (!pod.spec.securityContext && !all.some(({ container }) => container.securityContext)) return [];
    return all.map(({ container, rel }) => {
      const effective = mergeSecurityContext(pod.spec.securityContext, container.securityContext);
      return { label: `${rel} (${container.name})`, value: pairs(effective) || 'none set (the runtime’s defaults)', path: `${base}.${rel}.securityContext` };
    });
  },
};

/**
 * How long each container may take to start before its startup probe gives up and the kubelet restarts it:
 * `failureThreshold × periodSeconds` with Kubernetes' defaults, the page's formula.
 */
export const startupBudgetSection: ExplainSection = {
  title: 'Startup budget',
  explain: (pod, base) =>
    containersOf(pod.spec).flatMap(({ container, rel }) => {
      if (!container.startupProbe) return [];
      const d = defaultProbe(container.startupProbe);
      return [{
        label: `${rel} (${container.name})`,
        value: `${d.failureThreshold * d.periodSeconds}s (failureThreshold ${d.failureThreshold} × periodSeconds ${d.periodSeconds})`,
        path: `${base}.${rel}.startupProbe`,
      }];
    }),
};

/** `v1.0 to v1.33, v1.37`: runs of consecutive minor versions. */
function versionRanges(minors: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const m of minors) {
    const last = runs.at(-1);
    if (last && last[1] === m - 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs.map(([a, b]) => (a === b ? `v1.${a}` : `v1.${a} to v1.${b}`)).join(', ');
}

/**
 * Which Pod Security Standards levels the pod meets at policy version `latest`, and, for a level it fails, the
 * older policy versions at which it would meet it.
 */
export const podSecurityLevelsSection: ExplainSection = {
  title: 'Pod Security Standards',
  explain: (pod, base) => {
    const check = checkPodSecurity;
    const newest = Number(LATEST_POD_SECURITY_VERSION.slice('v1.'.length));
    return PSS_LEVELS.map((level) => {
      const violations = check(pod, level, base);
      if (violations.length === 0) return { label: level, value: 'meets' };
      const rules = [...new Set(violations.map((v) => v.rule))];
      const meetsAt = Array.from({ length: newest }, (_, m) => m).filter((m) => check(pod, `${level}:v1.${m}`, base).length === 0);
      const older = meetsAt.length > 0 ? `; meets policy versions ${versionRanges(meetsAt)}` : '';
      return { label: level, value: `fails (${rules.join(', ')})${older}` };
    });
  },
};

/** Every section, in the order printed. */
export const EXPLAIN_SECTIONS: readonly ExplainSection[] = [qosSection, securityContextSection, startupBudgetSection, podSecurityLevelsSection];

/** What `explain` says about one object with a pod spec. */
export interface ExplainedObject extends Position {
  readonly file: string;
  readonly object: { readonly kind?: string; readonly namespace?: string; readonly name?: string };
  /** The path of the pod spec in the object. */
  readonly podSpec: string;
  readonly sections: readonly { readonly title: string; readonly entries: readonly ExplainEntry[] }[];
}

/** Explains every object that has a pod spec; other objects (ConfigMaps, Services …) are skipped. */
export function explainSourced(sourced: readonly SourcedObject[], sections: readonly ExplainSection[] = EXPLAIN_SECTIONS): ExplainedObject[] {
  const out: ExplainedObject[] = [];
  for (const source of sourced) {
    const found = podSpecOf(source.object);
    if (!found) continue;
    const meta = source.object.metadata;
    out.push({
      file: source.file,
      ...source.position,
      object: { kind: source.object.kind, namespace: meta?.namespace, name: meta?.name ?? meta?.generateName },
      podSpec: found.base,
      sections: sections
        .map((section) => ({ title: section.title, entries: section.explain(found.pod, found.base) }))
        .filter((section) => section.entries.length > 0),
    });
  }
  return out;
}
