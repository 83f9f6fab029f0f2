/**
 * Construct tests of every workload kind: what each writes, that every rule of lib/ runs on its pod template where
 * the kind nests it, and that each guarantee holds on each kind — failures asserted by rule id and path (eagerly for
 * values that get past the types, at synth for escape hatches), each next to a passing twin.
 */
import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { thrownRulePaths } from '../../testing/violations';
import { Deployment } from '../deployment';
import { Pod } from '../pod';
import { Probe } from '../probe';
import type { PodWorkload } from './workload';
import { CronJob } from './cron-job';
import { DaemonSet } from './daemon-set';
import type { Guarantees } from './pod-spec';
import { Job } from './job';
import { PodTemplate } from './pod-template';
import { ReplicaSet } from './replica-set';
import { StatefulSet } from './stateful-set';

type Spec = Record<string, unknown>;
type Build = (chart: Chart, id: string, guarantees: Guarantees, spec: Spec) => PodWorkload<any, any, any, any, any>;

const labels = { app: 'web' };

interface KindCase {
  readonly kind: string;
  readonly apiVersion: string;
  /** Where the pod spec is, as a field path and as a JSON pointer. */
  readonly base: string;
  readonly pointer: string;
  /** Whether the kind writes a selector (derived from the template's labels). */
  readonly selector: boolean;
  readonly runsToCompletion: boolean;
  readonly build: Build;
}

// The pod spec goes through `as never`: these tests feed values the types reject, to prove the runtime checks.
const KINDS: readonly KindCase[] = [
  { kind: 'Pod', apiVersion: 'v1', base: 'spec', pointer: '/spec', selector: false, runsToCompletion: false, build: (c, id, guarantees, spec) => new Pod(c, id, { metadata: { name: id, labels }, guarantees, spec: spec as never }) },
  {
    kind: 'Deployment', apiVersion: 'apps/v1', base: 'spec.template.spec', pointer: '/spec/template/spec', selector: true, runsToCompletion: false,
    build: (c, id, guarantees, spec) => new Deployment(c, id, { metadata: { name: id }, guarantees, spec: { replicas: 2, template: { metadata: { labels }, spec: spec as never } } }),
  },
  {
    kind: 'ReplicaSet', apiVersion: 'apps/v1', base: 'spec.template.spec', pointer: '/spec/template/spec', selector: true, runsToCompletion: false,
    build: (c, id, guarantees, spec) => new ReplicaSet(c, id, { metadata: { name: id }, guarantees, spec: { replicas: 2, template: { metadata: { labels }, spec: spec as never } } }),
  },
  {
    kind: 'StatefulSet', apiVersion: 'apps/v1', base: 'spec.template.spec', pointer: '/spec/template/spec', selector: true, runsToCompletion: false,
    build: (c, id, guarantees, spec) => new StatefulSet(c, id, { metadata: { name: id }, guarantees, spec: { serviceName: 'web', template: { metadata: { labels }, spec: spec as never } } }),
  },
  {
    kind: 'DaemonSet', apiVersion: 'apps/v1', base: 'spec.template.spec', pointer: '/spec/template/spec', selector: true, runsToCompletion: false,
    build: (c, id, guarantees, spec) => new DaemonSet(c, id, { metadata: { name: id }, guarantees, spec: { template: { metadata: { labels }, spec: spec as never } } }),
  },
  {
    kind: 'Job', apiVersion: 'batch/v1', base: 'spec.template.spec', pointer: '/spec/template/spec', selector: false, runsToCompletion: true,
    build: (c, id, guarantees, spec) => new Job(c, id, { metadata: { name: id }, guarantees, spec: { backoffLimit: 2, template: { metadata: { labels }, spec: { restartPolicy: 'Never', ...spec } as never } } }),
  },
  {
    kind: 'CronJob', apiVersion: 'batch/v1', base: 'spec.jobTemplate.spec.template.spec', pointer: '/spec/jobTemplate/spec/template/spec', selector: false, runsToCompletion: true,
    build: (c, id, guarantees, spec) =>
      new CronJob(c, id, { metadata: { name: id }, guarantees, spec: { schedule: '@hourly', jobTemplate: { spec: { template: { metadata: { labels }, spec: { restartPolicy: 'OnFailure', ...spec } as never } } } } }),
  },
  {
    kind: 'PodTemplate', apiVersion: 'v1', base: 'template.spec', pointer: '/template/spec', selector: false, runsToCompletion: false,
    build: (c, id, guarantees, spec) => new PodTemplate(c, id, { metadata: { name: id }, guarantees, template: { metadata: { labels }, spec: spec as never } }),
  },
];

const live = Probe.httpGet({ path: '/healthz', port: 8080 });
const ready = Probe.httpGet({ path: '/ready', port: 8080 });
const app = { name: 'app', image: 'nginx' };

/** Every `[rule, path]` a synthesis fails with (cdk8s lists one line per violation: `[construct] path: message [rule] docs`). */
function synthFailures(a: App): [string, string][] {
  try {
    a.synthYaml();
  } catch (e) {
    return String((e as Error).message)
      .split('\n')
      .flatMap((line) => {
        const m = /\] (\S+): .* \[([\w-]+\/[\w-]+)\]/.exec(line);
        return m ? [[m[2]!, m[1]!] as [string, string]] : [];
      });
  }
  return [];
}

/** The value at a dotted field path of a manifest. */
function at(manifest: unknown, path: string): any {
  return path.split('.').reduce((o: any, k) => o?.[k], manifest);
}

describe.each(KINDS.map((k) => [k.kind, k] as const))('%s', (_kind, k) => {
  it('writes its apiVersion and kind, the pod spec where the kind nests it, and nothing else', () => {
    const chart = Testing.chart();
    const w = k.build(chart, 'w', {}, { containers: [app] });
    const [obj] = Testing.synth(chart);
    expect(obj).toMatchObject({ apiVersion: k.apiVersion, kind: k.kind, metadata: { name: 'w' } });
    expect(at(obj, k.base)).toEqual({ ...(k.runsToCompletion ? { restartPolicy: at(obj, k.base).restartPolicy } : {}), containers: [app] });
    expect(w.podSpec).toEqual(at(obj, k.base));
    expect(w.podSelectorLabels).toEqual(labels);
    if (k.selector) expect(at(obj, 'spec.selector')).toEqual({ matchLabels: labels });
    else expect(at(obj, 'spec.selector')).toBeUndefined();
  });

  it('runs every pod rule on its pod template: fails when a request exceeds its limit', () => {
    const resources = (request: string) => ({ requests: { memory: request }, limits: { memory: '128Mi' } });
    expect(thrownRulePaths(() => k.build(Testing.chart(), 'w', {}, { containers: [{ ...app, resources: resources('256Mi') }] }))).toEqual([
      ['resources/request-exceeds-limit', `${k.base}.containers[0].resources.requests`],
    ]);
    expect(thrownRulePaths(() => k.build(Testing.chart(), 'w', {}, { containers: [{ ...app, resources: resources('128Mi') }] }))).toEqual([]);
  });

  it('fails at synth when an escape hatch breaks its Guaranteed QoS class, and passes when it keeps it', () => {
    const build = (limit: string) => {
      const a = Testing.app();
      const w = k.build(new Chart(a, 'c'), 'w', { qos: 'Guaranteed' }, { containers: [{ ...app, resources: { cpu: '500m', memory: '128Mi' } }] });
      expect(w.qosClass).toBe('Guaranteed');
      w.addJsonPatch(JsonPatch.replace(`${k.pointer}/containers/0/resources/limits/memory`, limit));
      return synthFailures(a);
    };
    expect(build('256Mi')).toEqual([['qos/class-mismatch', `${k.base}.containers`]]);
    expect(build('134217728')).toEqual([]);
  });

  it('emits one value per resource as request and limit under Guaranteed', () => {
    const chart = Testing.chart();
    k.build(chart, 'w', { qos: 'Guaranteed' }, { containers: [{ ...app, resources: { cpu: '500m', memory: '128Mi' } }] });
    expect(at(Testing.synth(chart)[0], k.base).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } });
  });

  it('fails when a BestEffort pod requests memory past the types, and passes with only ephemeral-storage', () => {
    const build = (resources: object) => thrownRulePaths(() => k.build(Testing.chart(), 'w', { qos: 'BestEffort' }, { containers: [{ ...app, resources }] }));
    expect(build({ requests: { memory: '64Mi' } })).toEqual([['qos/class-mismatch', `${k.base}.containers`]]);
    expect(build({ limits: { 'ephemeral-storage': '1Gi' } })).toEqual([]);
  });

  it('fills in what restricted needs, and fails when runAsUser 0 gets past the types', () => {
    const chart = Testing.chart();
    k.build(chart, 'w', { podSecurity: 'restricted' }, { containers: [app] });
    const spec = at(Testing.synth(chart)[0], k.base);
    expect(spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(spec.containers[0].securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    const build = (runAsUser: number) => thrownRulePaths(() => k.build(Testing.chart(), 'w', { podSecurity: 'restricted' }, { securityContext: { runAsUser }, containers: [app] }));
    expect(build(0)).toEqual([['pod-security/run-as-user', `${k.base}.securityContext.runAsUser`]]);
    expect(build(1000)).toEqual([]);
  });

  it('fails when a baseline pod gets a privileged container past the types, and passes when it is not', () => {
    const build = (privileged: boolean) => thrownRulePaths(() => k.build(Testing.chart(), 'w', { podSecurity: 'baseline' }, { containers: [{ ...app, securityContext: { privileged } }] }));
    expect(build(true)).toEqual([['pod-security/privileged', `${k.base}.containers[0].securityContext.privileged`]]);
    expect(build(false)).toEqual([]);
  });

  it(`fails at synth when an escape hatch removes a probe it promised${k.runsToCompletion ? ' (liveness only: no readiness asked)' : ''}`, () => {
    const build = (patch: JsonPatch | undefined) => {
      const a = Testing.app();
      const w = k.build(new Chart(a, 'c'), 'w', { probed: true }, { containers: [{ ...app, livenessProbe: live, ...(k.runsToCompletion ? {} : { readinessProbe: ready }) }] });
      if (patch) w.addJsonPatch(patch);
      return synthFailures(a);
    };
    const probe = k.runsToCompletion ? 'livenessProbe' : 'readinessProbe';
    expect(build(JsonPatch.remove(`${k.pointer}/containers/0/${probe}`))).toEqual([[k.runsToCompletion ? 'probes/liveness-required' : 'probes/readiness-required', `${k.base}.containers[0].${probe}`]]);
    expect(build(undefined)).toEqual([]);
  });

  it('fails at synth when an escape hatch makes its Windows pods schedulable on any node, and passes while they select Windows', () => {
    const build = (patch: JsonPatch) => {
      const a = Testing.app();
      const w = k.build(new Chart(a, 'c'), 'w', { windows: true }, { nodeSelector: { 'kubernetes.io/os': 'windows' }, containers: [app] });
      w.addJsonPatch(patch);
      return synthFailures(a);
    };
    expect(build(JsonPatch.remove(`${k.pointer}/nodeSelector`))).toEqual([['gmsa/windows-nodes-required', `${k.base}.nodeSelector`]]);
    expect(build(JsonPatch.add(`${k.pointer}/os`, { name: 'windows' }))).toEqual([]);
  });

  it('emits shareProcessNamespace, and fails at synth when an escape hatch turns it off', () => {
    const build = (value: boolean) => {
      const a = Testing.app();
      const w = k.build(new Chart(a, 'c'), 'w', { sharedProcessNamespace: true }, { containers: [app] });
      expect(w.podSpec.shareProcessNamespace).toBe(true);
      w.addJsonPatch(JsonPatch.replace(`${k.pointer}/shareProcessNamespace`, value));
      return synthFailures(a);
    };
    expect(build(false)).toEqual([['security-context/share-process-namespace-required', `${k.base}.shareProcessNamespace`]]);
    expect(build(true)).toEqual([]);
  });

  it('keeps every promise of a combination, each checked on its own', () => {
    const a = Testing.app();
    const probes = { livenessProbe: live, ...(k.runsToCompletion ? {} : { readinessProbe: ready }) };
    const w = k.build(new Chart(a, 'c'), 'w', { qos: 'Guaranteed', podSecurity: 'restricted', probed: true }, { containers: [{ ...app, resources: { cpu: '1', memory: '1Gi' }, ...probes }] });
    expect(w.promiseNames).toEqual(['QoS class Guaranteed', 'Pod Security Standard restricted', 'probed']);
    expect(synthFailures(a)).toEqual([]);
    w.addJsonPatch(JsonPatch.replace(`${k.pointer}/containers/0/resources/limits/cpu`, '2'), JsonPatch.replace(`${k.pointer}/containers/0/securityContext/allowPrivilegeEscalation`, true));
    expect(synthFailures(a)).toEqual([
      ['qos/class-mismatch', `${k.base}.containers`],
      ['pod-security/allow-privilege-escalation', `${k.base}.containers[0].securityContext.allowPrivilegeEscalation`],
    ]);
  });
});

describe('selectors', () => {
  it('keep a given selector, and select by its matchLabels', () => {
    const chart = Testing.chart();
    const d = new Deployment(chart, 'd', { spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', track: 'stable' } }, spec: { containers: [app] } } } });
    expect(d.podSelectorLabels).toEqual({ app: 'web' });
    expect((Testing.synth(chart)[0] as { spec: { selector: unknown } }).spec.selector).toEqual({ matchLabels: { app: 'web' } });
  });

  it('fails when a given selector does not select the template (a Deployment)', () => {
    const build = (track: string) =>
      thrownRulePaths(() => new Deployment(Testing.chart(), 'd', { spec: { selector: { matchLabels: { track } }, template: { metadata: { labels: { app: 'web', track: 'stable' } }, spec: { containers: [app] } } } }));
    expect(build('canary')).toEqual([['deployments/selector-mismatch', 'spec.template.metadata.labels']]);
    expect(build('stable')).toEqual([]);
  });
});

describe('guarantees', () => {
  it('cannot be switched off by a subclass: the promises live in the base', () => {
    class Lenient extends Deployment<'Guaranteed'> {
      override violations(): never[] {
        return [];
      }
    }
    const a = Testing.app();
    const d = new Lenient(new Chart(a, 'c'), 'd', { guarantees: { qos: 'Guaranteed' }, spec: { template: { metadata: { labels }, spec: { containers: [{ ...app, resources: { cpu: '1', memory: '1Gi' } }] } } } });
    d.addJsonPatch(JsonPatch.remove('/spec/template/spec/containers/0/resources/limits'));
    expect(synthFailures(a)).toEqual([['qos/class-mismatch', 'spec.template.spec.containers']]);
  });

  it('are frozen as given on the construct', () => {
    const d = new Deployment(Testing.chart(), 'd', { guarantees: { probed: true }, spec: { template: { metadata: { labels }, spec: { containers: [{ ...app, livenessProbe: live, readinessProbe: ready }] } } } });
    expect(d.guarantees).toEqual({ probed: true });
    expect(Object.isFrozen(d.guarantees)).toBe(true);
  });
});
