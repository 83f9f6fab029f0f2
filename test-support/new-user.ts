/**
 * Helpers for the new-user corpus (constructs/new-user-corpus.test.ts): build a small program through the package
 * root, on any workload kind, and say how it ended — rejected at construction (a `ViolationError`), rejected at
 * synth (cdk8s's validation lines), synthesized, or crashed with some other error.
 */
import { App, Chart, Testing } from 'cdk8s';
import { CronJob, Deployment, Job, Pod, StatefulSet, ViolationError, checkObject, type PodSpecFor } from '../index';

export type Kind = 'Pod' | 'Deployment' | 'StatefulSet' | 'Job' | 'CronJob';
export const KINDS: readonly Kind[] = ['Pod', 'Deployment', 'StatefulSet', 'Job', 'CronJob'];

/** Where each kind nests its pod spec, as a field path. */
export const BASE: Record<Kind, string> = {
  Pod: 'spec',
  Deployment: 'spec.template.spec',
  StatefulSet: 'spec.template.spec',
  Job: 'spec.template.spec',
  CronJob: 'spec.jobTemplate.spec.template.spec',
};

/** Where each kind writes its pod template's metadata. */
export const POD_META: Record<Kind, string> = {
  Pod: 'metadata',
  Deployment: 'spec.template.metadata',
  StatefulSet: 'spec.template.metadata',
  Job: 'spec.template.metadata',
  CronJob: 'spec.jobTemplate.spec.template.metadata',
};

/** A pod spec any kind takes: a long-running one (restartPolicy `Always` at most); Jobs get `restartPolicy: Never`. */
export type AnySpec = PodSpecFor<{}, 'long-running'>;

export interface Meta {
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

export interface Options {
  /** Labels and annotations of the object (a Pod: its own). */
  readonly meta?: Meta;
  /** Labels and annotations of the pod template (not for a Pod). */
  readonly podMeta?: Meta;
  readonly strict?: boolean;
}

/** A workload of `kind` named `w` with the pod spec `spec`, as a user writes it with the package's constructs. */
export function workload(kind: Kind, chart: Chart, spec: AnySpec, options: Options = {}) {
  const labels = { app: 'web', ...options.podMeta?.labels };
  const metadata = { ...options.podMeta, labels };
  const strict = options.strict === undefined ? {} : { strict: options.strict };
  switch (kind) {
    case 'Pod':
      return new Pod(chart, 'w', { ...strict, metadata: { name: 'w', ...options.meta, labels: { app: 'web', ...options.meta?.labels } }, spec });
    case 'Deployment':
      return new Deployment(chart, 'w', { ...strict, metadata: { name: 'w', ...options.meta }, spec: { replicas: 2, template: { metadata, spec } } });
    case 'StatefulSet':
      return new StatefulSet(chart, 'w', { ...strict, metadata: { name: 'w', ...options.meta }, spec: { serviceName: 'w', template: { metadata, spec } } });
    case 'Job':
      return new Job(chart, 'w', { ...strict, metadata: { name: 'w', ...options.meta }, spec: { template: { metadata, spec: { ...spec, restartPolicy: 'Never' } } } });
    case 'CronJob':
      return new CronJob(chart, 'w', {
        ...strict,
        metadata: { name: 'w', ...options.meta },
        spec: { schedule: '@hourly', jobTemplate: { spec: { template: { metadata, spec: { ...spec, restartPolicy: 'OnFailure' } } } } },
      });
  }
}

export interface Finding {
  readonly rule: string;
  readonly path: string;
  readonly message: string;
  readonly docs: string;
}

export type Outcome =
  | { readonly stage: 'construct' | 'synth'; readonly findings: readonly Finding[] }
  | { readonly stage: 'synthesized'; readonly warnings: readonly Finding[] }
  | { readonly stage: 'crash'; readonly error: string };

/** A cdk8s validation line: `[construct/path] field.path: message [area/rule] https://… (English: …)`. */
const LINE = /^\s*(?:\[[^\]]*\] )?(?:\S+ \([^)]*\): )?(?:warning: )?(\S*): (.*) \[([\w-]+\/[\w-]+)\] (https:\/\/\S+)/;

/**
 * Builds the program in a fresh app (its context set first) and synthesizes it; with `strict`, warnings fail as
 * errors (`PODKIT_STRICT=1`, the switch a CI job sets), so that a warning is an outcome too.
 */
export function outcomeOf(build: (chart: Chart) => unknown, context: Record<string, unknown> = {}, strict = false): Outcome {
  const before = process.env.PODKIT_STRICT;
  if (strict) process.env.PODKIT_STRICT = '1';
  try {
    return run(build, context);
  } finally {
    if (before === undefined) delete process.env.PODKIT_STRICT;
    else process.env.PODKIT_STRICT = before;
  }
}

function run(build: (chart: Chart) => unknown, context: Record<string, unknown>): Outcome {
  const app: App = Testing.app();
  for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
  const chart = new Chart(app, 'c');
  try {
    build(chart);
  } catch (e) {
    if (e instanceof ViolationError) return { stage: 'construct', findings: e.violations.map(({ rule, path, message, docs }) => ({ rule, path, message, docs })) };
    return { stage: 'crash', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  let manifests: any[];
  try {
    manifests = app.synthYaml() as unknown as any[];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const findings = message.split('\n').flatMap((line) => {
      const m = LINE.exec(line);
      return m ? [{ path: m[1]!, message: m[2]!, rule: m[3]!, docs: m[4]! }] : [];
    });
    if (findings.length === 0 || e instanceof TypeError) return { stage: 'crash', error: `${(e as Error).name}: ${message}` };
    return { stage: 'synth', findings };
  }
  void manifests;
  // warnings do not fail a synthesis: list them from the written manifests
  const warnings = Testing.synth(chart).flatMap((m) => checkObject(m, context['podkit:kubernetesVersion'] ? { kubernetesVersion: context['podkit:kubernetesVersion'] as never } : {}))
    .map(({ rule, path, message, docs }) => ({ rule, path, message, docs }));
  return { stage: 'synthesized', warnings };
}
