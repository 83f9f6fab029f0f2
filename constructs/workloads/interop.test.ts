/**
 * cdk8s-plus-28 interop on every workload kind: its ServiceAccounts, ConfigMaps and Secrets are referenced by name
 * (and ConfigMaps by key, checked), and a workload of this package is passed where cdk8s-plus takes a pod selector:
 * every workload is an `IPodSelector` selecting by its `podSelectorLabels`.
 */
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { describe, expect, it } from 'vitest';
import { ViolationError } from '../../lib/violation';
import { configMapKeyRef, configMapVolume, envFromConfigMap } from '../config-map-references';
import { Deployment } from '../deployment';
import { Pod } from '../pod';
import { CronJob } from './cron-job';
import { DaemonSet } from './daemon-set';
import { Job } from './job';
import type { PodSpecOf } from './pod-spec';
import { PodTemplate } from './pod-template';
import { ReplicaSet } from './replica-set';
import { StatefulSet } from './stateful-set';
import type { PodWorkload } from './workload';

const labels = { app: 'web' };
type AnySpec = PodSpecOf<undefined, undefined, false, false, false, 'pod'>;
const template = (spec: AnySpec) => ({ metadata: { labels }, spec: spec as never });

const KINDS: readonly [string, (c: Chart, spec: AnySpec) => PodWorkload<any, any, any, any, any>][] = [
  ['Pod', (c, spec) => new Pod(c, 'w', { metadata: { labels }, spec })],
  ['Deployment', (c, spec) => new Deployment(c, 'w', { spec: { template: template(spec) } })],
  ['ReplicaSet', (c, spec) => new ReplicaSet(c, 'w', { spec: { template: template(spec) } })],
  ['StatefulSet', (c, spec) => new StatefulSet(c, 'w', { spec: { serviceName: 'web', template: template(spec) } })],
  ['DaemonSet', (c, spec) => new DaemonSet(c, 'w', { spec: { template: template(spec) } })],
  ['Job', (c, spec) => new Job(c, 'w', { spec: { template: { metadata: { labels }, spec: { ...spec, restartPolicy: 'Never' } as never } } })],
  ['CronJob', (c, spec) => new CronJob(c, 'w', { spec: { schedule: '@daily', jobTemplate: { spec: { template: { metadata: { labels }, spec: { ...spec, restartPolicy: 'Never' } as never } } } } })],
  ['PodTemplate', (c, spec) => new PodTemplate(c, 'w', { template: { metadata: { labels }, spec } })],
];

describe.each(KINDS)('%s with cdk8s-plus-28 objects', (_kind, build) => {
  it('references a ServiceAccount, a ConfigMap (by key, and as a volume) and a Secret, and synthesizes', () => {
    const chart = Testing.chart();
    const sa = new kplus.ServiceAccount(chart, 'sa');
    const cm = new kplus.ConfigMap(chart, 'cm', { data: { LEVEL: 'debug' } });
    const secret = new kplus.Secret(chart, 'secret', { stringData: { password: 'x' } });
    const w = build(chart, {
      serviceAccountName: sa.name,
      containers: [
        {
          name: 'app',
          image: 'nginx',
          env: [
            { name: 'LEVEL', valueFrom: configMapKeyRef(cm, 'LEVEL') },
            { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: secret.name, key: 'password' } } },
          ],
          envFrom: [envFromConfigMap(cm)],
          volumeMounts: [{ name: 'config', mountPath: '/etc/config' }],
        },
      ],
      volumes: [configMapVolume('config', cm)],
    });
    const out = Testing.synth(chart);
    expect(w.podSpec.serviceAccountName).toBe(sa.name);
    expect(w.podSpec.containers[0]!.env).toEqual([
      { name: 'LEVEL', valueFrom: { configMapKeyRef: { name: cm.name, key: 'LEVEL' } } },
      { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: secret.name, key: 'password' } } },
    ]);
    expect(out.map((o) => (o as { kind: string }).kind).sort()).toEqual([...new Set(['ConfigMap', 'Secret', 'ServiceAccount', w.kind])].sort());
  });

  it('fails when a key of a cdk8s-plus ConfigMap does not exist, and passes when it does', () => {
    const cm = new kplus.ConfigMap(Testing.chart(), 'cm', { data: { LEVEL: 'debug' } });
    const rules = (key: string) => {
      try {
        configMapKeyRef(cm, key);
        return [];
      } catch (e) {
        return (e as ViolationError).violations.map((v) => [v.rule, v.path]);
      }
    };
    expect(rules('level')).toEqual([['config-map/key-not-found', 'valueFrom.configMapKeyRef.key']]);
    expect(rules('LEVEL')).toEqual([]);
  });

  it('is passed where cdk8s-plus takes a pod selector: a Service selects its pods', () => {
    const chart = Testing.chart();
    const w = build(chart, { containers: [{ name: 'app', image: 'nginx', ports: [{ containerPort: 8080 }] }] });
    const service = new kplus.Service(chart, 'svc', { ports: [{ port: 80, targetPort: 8080 }] });
    service.select(w);
    const svc = Testing.synth(chart).find((o) => (o as { kind: string }).kind === 'Service') as { spec: { selector: unknown } };
    expect(w.podSelectorLabels).toEqual(labels);
    expect(svc.spec.selector).toEqual(labels);
  });
});

describe('podSelectorLabels', () => {
  it('are the given selector\'s matchLabels, not every template label', () => {
    const chart = Testing.chart();
    const d = new Deployment(chart, 'd', { spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', version: 'v2' } }, spec: { containers: [{ name: 'a', image: 'b' }] } } } });
    const service = new kplus.Service(chart, 'svc', { ports: [{ port: 80 }] });
    service.select(d);
    const svc = Testing.synth(chart).find((o) => (o as { kind: string }).kind === 'Service') as { spec: { selector: unknown } };
    expect(svc.spec.selector).toEqual({ app: 'web' });
  });
});
