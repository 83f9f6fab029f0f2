import { ApiObject, Chart, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ViolationError } from '../lib/violation';
import { Deployment } from './deployment';
import { Pod } from './pod';
import { Service, podLabelsOf } from './service';

const violationsOf = (build: () => unknown): ViolationError['violations'] => {
  try {
    build();
  } catch (e) {
    if (e instanceof ViolationError) return e.violations;
    throw e;
  }
  return [];
};

const web = (chart: Chart, portName = 'http', namespace?: string) =>
  new Deployment(chart, 'web', {
    metadata: { name: 'web', ...(namespace ? { namespace } : {}) },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ name: portName, containerPort: 80 }] }] } },
    },
  });

describe('Service', () => {
  it("selects a Deployment by its selector's labels, and writes plain JSON", () => {
    const chart = Testing.chart();
    const service = new Service(chart, 's', { metadata: { name: 'web' }, selects: web(chart), spec: { ports: [{ port: 80, targetPort: 'http' }] } });
    expect(service.selector).toEqual({ app: 'web' });
    expect(Testing.synth(chart)[1]).toEqual({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 'http' }] } });
  });

  it('selects any ApiObject with a pod template by the template labels when its selector is not matchLabels only', () => {
    const chart = Testing.chart();
    const sts = new ApiObject(chart, 'db', {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['db'] }] }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'pg', image: 'postgres:17' }] } } },
    });
    expect(podLabelsOf(sts)).toEqual({ app: 'db' });
    const job = new ApiObject(chart, 'job', {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'report' },
      spec: { schedule: '@daily', jobTemplate: { spec: { template: { metadata: { labels: { app: 'report' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'r', image: 'r' }] } } } } },
    });
    expect(podLabelsOf(job)).toEqual({ app: 'report' });
    const rc = new ApiObject(chart, 'rc', { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'rc' }, spec: { selector: { app: 'rc' }, template: { metadata: { labels: { app: 'rc', v: '1' } } } } });
    expect(podLabelsOf(rc)).toEqual({ app: 'rc' });
  });

  it("selects a Pod by its labels, and anything exposing podSelectorLabels", () => {
    const chart = Testing.chart();
    const pod = new Pod(chart, 'p', { metadata: { name: 'p', labels: { app: 'p' } }, spec: { containers: [{ name: 'c', image: 'busybox:1.36' }] } });
    expect(podLabelsOf(pod)).toEqual({ app: 'p' });
    expect(podLabelsOf({ podSelectorLabels: { app: 'x' } })).toEqual({ app: 'x' });
  });

  it('fails with a clear error when the target has no pod labels', () => {
    const chart = Testing.chart();
    const cm = new ApiObject(chart, 'cm', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    expect(() => new Service(chart, 's', { selects: cm, spec: { ports: [{ port: 80 }] } })).toThrow('ConfigMap/cm has no pod labels a Service can select');
  });

  it('fails when the workload is in another namespace, and passes in the same one', () => {
    const chart = Testing.chart();
    expect(() => new Service(chart, 's', { metadata: { namespace: 'b' }, selects: web(chart, 'http', 'a'), spec: { ports: [{ port: 80 }] } })).toThrow(/selects pods of its own namespace only/);
    const other = Testing.chart();
    expect(() => new Service(other, 's', { metadata: { namespace: 'a' }, selects: web(other, 'http', 'a'), spec: { ports: [{ port: 80 }] } })).not.toThrow();
  });

  it('fails when two ports share a name (rule id and path), and passes with distinct names', () => {
    const chart = Testing.chart();
    const bad = violationsOf(() => new Service(chart, 'bad', { spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'http', port: 8080 }] } }));
    expect(bad.map((v) => [v.rule, v.path])).toEqual([['service/port-name-duplicate', 'spec.ports[1].name']]);
    const good = violationsOf(() => new Service(chart, 'good', { spec: { selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }, { name: 'alt', port: 8080 }] } }));
    expect(good).toEqual([]);
  });

  it('fails when a widened string is not a Service type (rule id and path)', () => {
    const type: string = 'Internal';
    const bad = violationsOf(() => new Service(Testing.chart(), 's', { spec: { type, ports: [{ port: 80 }] } }));
    expect(bad.map((v) => [v.rule, v.path])).toEqual([['service/type-unsupported', 'spec.type']]);
  });

  it('fails at synth when the named targetPort is not a port of the selected pods, and passes when it is', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    new Service(chart, 's', { metadata: { name: 'web' }, selects: web(chart, 'web'), spec: { ports: [{ port: 80, targetPort: 'http' }] } });
    expect(() => app.synthYaml()).toThrow(/Service\/web .*spec\.ports\[0\]\.targetPort: named targetPort "http" \(TCP\) is not a container port .*\[service\/target-port-not-found\]/);
    const ok = Testing.app();
    const okChart = new Chart(ok, 'c');
    new Service(okChart, 's', { metadata: { name: 'web' }, selects: web(okChart, 'http'), spec: { ports: [{ port: 80, targetPort: 'http' }] } });
    expect(() => ok.synthYaml()).not.toThrow();
  });
});
