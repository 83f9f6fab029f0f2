import { Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { ViolationError } from '../lib/violation';
import { Deployment } from './deployment';
import { Probe } from './probe';
import { ProbedDeployment, type ProbedContainerProps } from './probed-deployment';

const violationsOf = (build: () => unknown): ViolationError['violations'] => {
  try {
    build();
  } catch (e) {
    if (e instanceof ViolationError) return e.violations;
    throw e;
  }
  return [];
};
const iis = { name: 'iis', image: 'mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2019', imagePullPolicy: 'Always' as const };

describe('Deployment', () => {
  it('derives the selector from the template labels, and writes nothing else', () => {
    const chart = Testing.chart();
    new Deployment(chart, 'd', {
      metadata: { name: 'with-creds', namespace: 'default', labels: { run: 'with-creds' } },
      spec: { replicas: 1, template: { metadata: { labels: { run: 'with-creds' } }, spec: { containers: [iis], nodeSelector: { 'kubernetes.io/os': 'windows' } } } },
    });
    expect(Testing.synth(chart)).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'with-creds', namespace: 'default', labels: { run: 'with-creds' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { run: 'with-creds' } },
          template: { metadata: { labels: { run: 'with-creds' } }, spec: { containers: [iis], nodeSelector: { 'kubernetes.io/os': 'windows' } } },
        },
      },
    ]);
  });

  it('fails when an explicit selector does not select the template, and passes when it does', () => {
    const build = (selectorValue: string) => () =>
      new Deployment(Testing.chart(), 'd', {
        metadata: { name: 'web' },
        spec: { selector: { matchLabels: { app: selectorValue } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [iis] } } },
      });
    expect(violationsOf(build('api')).map((v) => [v.rule, v.path])).toEqual([['deployments/selector-mismatch', 'spec.template.metadata.labels']]);
    expect(violationsOf(build('web'))).toEqual([]);
  });

  it('fails when the template has no labels to select (empty derived selector)', () => {
    const build = (labels: Record<string, string>) => () =>
      new Deployment(Testing.chart(), 'd', { metadata: { name: 'web' }, spec: { template: { metadata: { labels }, spec: { containers: [iis] } } } });
    expect(violationsOf(build({})).map((v) => [v.rule, v.path])).toEqual([['deployments/selector-empty', 'spec.selector']]);
    expect(violationsOf(build({ app: 'web' }))).toEqual([]);
  });

  it('runs the pod rules on the template at spec.template.spec', () => {
    const build = (port: number) => () =>
      new Deployment(Testing.chart(), 'd', {
        metadata: { name: 'web' },
        spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ ...iis, ports: [{ containerPort: port }] }] } } },
      });
    expect(violationsOf(build(70000)).map((v) => [v.rule, v.path])).toEqual([['ports/container-port-range', 'spec.template.spec.containers[0].ports[0].containerPort']]);
    expect(violationsOf(build(80))).toEqual([]);
  });
});

describe('ProbedDeployment', () => {
  const probed: ProbedContainerProps = {
    name: 'goproxy',
    image: 'registry.k8s.io/goproxy:0.1',
    ports: [{ containerPort: 8080 }],
    readinessProbe: Probe.tcpSocket({ port: 8080 }, { initialDelaySeconds: 5, periodSeconds: 10 }),
    livenessProbe: Probe.tcpSocket({ port: 8080 }, { initialDelaySeconds: 15, periodSeconds: 20 }),
  };

  it('emits the probes of every container', () => {
    const chart = Testing.chart();
    new ProbedDeployment(chart, 'd', { metadata: { name: 'goproxy' }, spec: { replicas: 2, template: { metadata: { labels: { app: 'goproxy' } }, spec: { containers: [probed] } } } });
    const [manifest] = Testing.synth(chart);
    expect(manifest.spec.template.spec.containers[0]).toEqual({
      name: 'goproxy',
      image: 'registry.k8s.io/goproxy:0.1',
      ports: [{ containerPort: 8080 }],
      readinessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5, periodSeconds: 10 },
      livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 15, periodSeconds: 20 },
    });
  });

  it('fails when a container without a readiness probe gets past the types, and passes with one', () => {
    const { readinessProbe: _dropped, ...unprobed } = probed;
    const build = (container: ProbedContainerProps) => () =>
      new ProbedDeployment(Testing.chart(), 'd', { metadata: { name: 'goproxy' }, spec: { template: { metadata: { labels: { app: 'goproxy' } }, spec: { containers: [container] } } } });
    expect(violationsOf(build(unprobed as ProbedContainerProps)).map((v) => [v.rule, v.path])).toEqual([
      ['probes/readiness-required', 'spec.template.spec.containers[0].readinessProbe'],
    ]);
    expect(violationsOf(build(probed))).toEqual([]);
  });
});
