import { describe, expect, it } from 'vitest';
import type { Container, PodLike, Probe } from '../k8s';
import { checkObject, checkPod } from './index';
import { checkProbes, checkProbesPresent, checkStartupBudget, defaultProbe, failureThresholdFor, probeRules, startupBudgetSeconds, type ProbeField } from './probes';

const ports = [{ name: 'liveness-port', containerPort: 8080 }];
const pod = (field: ProbeField, probe: Probe, extra: Partial<Container> = {}): PodLike => ({
  spec: { containers: [{ name: 'app', image: 'nginx', ports, [field]: probe, ...extra }] },
});
const at = (field: ProbeField, rest = '') => `spec.containers[0].${field}${rest}`;
const exec = { exec: { command: ['cat', '/tmp/healthy'] } };

interface Case {
  name: string;
  bad: PodLike;
  good: PodLike;
  rule: string;
  path: string;
  message: string;
}

const cases: Case[] = [
  {
    name: 'a liveness probe has successThreshold 2',
    bad: pod('livenessProbe', { ...exec, successThreshold: 2 }),
    good: pod('livenessProbe', { ...exec, successThreshold: 1 }),
    rule: 'probes/liveness-success-threshold',
    path: at('livenessProbe', '.successThreshold'),
    message: probeRules.livenessSuccessThreshold.message(2),
  },
  {
    name: 'a startup probe has successThreshold 3',
    bad: pod('startupProbe', { ...exec, successThreshold: 3 }),
    good: pod('startupProbe', { ...exec, successThreshold: 0 }),
    rule: 'probes/startup-success-threshold',
    path: at('startupProbe', '.successThreshold'),
    message: 'Invalid value: 3: must be 1',
  },
  {
    name: 'a liveness probe has successThreshold 2 (one written null reads as unset: 1)',
    bad: pod('livenessProbe', { ...exec, successThreshold: 2, periodSeconds: 10 }),
    // the API server decodes null into the zero value, which its defaults make 1 (periodSeconds 10)
    good: pod('livenessProbe', { ...exec, successThreshold: null, periodSeconds: null } as unknown as Probe),
    rule: 'probes/liveness-success-threshold',
    path: at('livenessProbe', '.successThreshold'),
    message: 'Invalid value: 2: must be 1',
  },
  {
    name: 'a readiness probe sets terminationGracePeriodSeconds',
    bad: pod('readinessProbe', { ...exec, terminationGracePeriodSeconds: 10 }),
    good: pod('livenessProbe', { ...exec, terminationGracePeriodSeconds: 10 }),
    rule: 'probes/readiness-termination-grace-period',
    path: at('readinessProbe', '.terminationGracePeriodSeconds'),
    message: 'Invalid value: 10: must not be set for readinessProbes',
  },
  {
    name: 'periodSeconds is negative',
    bad: pod('readinessProbe', { ...exec, periodSeconds: -1 }),
    good: pod('readinessProbe', { ...exec, periodSeconds: 0 }),
    rule: 'probes/negative-field',
    path: at('readinessProbe', '.periodSeconds'),
    message: 'Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: 'initialDelaySeconds is not an integer',
    bad: pod('readinessProbe', { ...exec, initialDelaySeconds: 1.5 }),
    good: pod('readinessProbe', { ...exec, initialDelaySeconds: 1 }),
    rule: 'probes/not-integer',
    path: at('readinessProbe', '.initialDelaySeconds'),
    message: probeRules.notInteger.message(1.5),
  },
  {
    name: "a liveness probe's terminationGracePeriodSeconds is 0",
    bad: pod('livenessProbe', { ...exec, terminationGracePeriodSeconds: 0 }),
    good: pod('livenessProbe', { ...exec, terminationGracePeriodSeconds: 1 }),
    rule: 'probes/termination-grace-period-positive',
    path: at('livenessProbe', '.terminationGracePeriodSeconds'),
    message: 'Invalid value: 0: must be greater than 0',
  },
  {
    name: 'a probe has two handlers',
    bad: pod('livenessProbe', { ...exec, tcpSocket: { port: 8080 } }),
    good: pod('livenessProbe', { tcpSocket: { port: 8080 } }),
    rule: 'probes/multiple-handlers',
    path: at('livenessProbe', '.tcpSocket'),
    message: 'Forbidden: may not specify more than 1 handler type',
  },
  {
    name: 'a probe has no handler',
    bad: pod('livenessProbe', { periodSeconds: 5 }),
    good: pod('livenessProbe', { grpc: { port: 2379 }, periodSeconds: 5 }),
    rule: 'probes/handler-required',
    path: at('livenessProbe'),
    message: 'Required value: must specify a handler type',
  },
  {
    name: 'exec has an empty command',
    bad: pod('readinessProbe', { exec: { command: [] } }),
    good: pod('readinessProbe', { exec: { command: ['true'] } }),
    rule: 'probes/exec-command-required',
    path: at('readinessProbe', '.exec.command'),
    message: 'Required value',
  },
  {
    name: 'httpGet scheme is lowercase',
    bad: pod('livenessProbe', { httpGet: { path: '/healthz', port: 8080, scheme: 'https' } }),
    good: pod('livenessProbe', { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTPS' } }),
    rule: 'probes/http-scheme-unsupported',
    path: at('livenessProbe', '.httpGet.scheme'),
    message: 'Unsupported value: "https": supported values: "HTTP", "HTTPS"',
  },
  {
    name: 'an httpGet header name has a space',
    bad: pod('livenessProbe', { httpGet: { path: '/healthz', port: 8080, httpHeaders: [{ name: 'Custom Header', value: 'Awesome' }] } }),
    good: pod('livenessProbe', { httpGet: { path: '/healthz', port: 8080, httpHeaders: [{ name: 'Custom-Header', value: 'Awesome' }] } }),
    rule: 'probes/http-header-name-invalid',
    path: at('livenessProbe', '.httpGet.httpHeaders'),
    message:
      "Invalid value: \"Custom Header\": a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')",
  },
  {
    name: 'an httpGet port is 70000',
    bad: pod('livenessProbe', { httpGet: { path: '/healthz', port: 70000 } }),
    good: pod('livenessProbe', { httpGet: { path: '/healthz', port: 65535 } }),
    rule: 'probes/port-invalid',
    path: at('livenessProbe', '.httpGet.port'),
    message: 'Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'a tcpSocket port is 0',
    bad: pod('readinessProbe', { tcpSocket: { port: 0 } }),
    good: pod('readinessProbe', { tcpSocket: { port: 1 } }),
    rule: 'probes/port-invalid',
    path: at('readinessProbe', '.tcpSocket.port'),
    message: 'Invalid value: 0: must be between 1 and 65535, inclusive',
  },
  {
    name: 'a port name is longer than 15 characters',
    bad: pod('livenessProbe', { tcpSocket: { port: 'liveness-port-long' } }, { ports: [{ name: 'liveness-port', containerPort: 8080 }] }),
    good: pod('livenessProbe', { tcpSocket: { port: 'liveness-port' } }),
    rule: 'probes/port-invalid',
    path: at('livenessProbe', '.tcpSocket.port'),
    message: 'Invalid value: "liveness-port-long": must be no more than 15 characters',
  },
  {
    name: 'a port is a numeric string (a name without a letter)',
    bad: pod('livenessProbe', { httpGet: { path: '/', port: '8080' } }),
    good: pod('livenessProbe', { httpGet: { path: '/', port: 8080 } }),
    rule: 'probes/port-invalid',
    path: at('livenessProbe', '.httpGet.port'),
    message: 'Invalid value: "8080": must contain at least one letter (a-z)',
  },
  {
    name: 'a grpc port is 65536',
    bad: pod('startupProbe', { grpc: { port: 65536 } }),
    good: pod('startupProbe', { grpc: { port: 2379 } }),
    rule: 'probes/port-invalid',
    path: at('startupProbe', '.grpc.port'),
    message: 'Invalid value: 65536: must be between 1 and 65535, inclusive',
  },
  {
    name: 'a probe names a port the container does not declare (podkit rule)',
    bad: pod('livenessProbe', { httpGet: { path: '/healthz', port: 'livenes-port' } }),
    good: pod('livenessProbe', { httpGet: { path: '/healthz', port: 'liveness-port' } }),
    rule: 'probes/named-port-undeclared',
    path: at('livenessProbe', '.httpGet.port'),
    message: probeRules.namedPortUndeclared.message('livenes-port', ['liveness-port']),
  },
  {
    name: 'a sidecar has a liveness probe with successThreshold 2',
    bad: { spec: { containers: [{ name: 'app', image: 'nginx' }], initContainers: [{ name: 'side', image: 'envoy', restartPolicy: 'Always', livenessProbe: { ...exec, successThreshold: 2 } }] } },
    good: { spec: { containers: [{ name: 'app', image: 'nginx' }], initContainers: [{ name: 'side', image: 'envoy', restartPolicy: 'Always', livenessProbe: { ...exec, successThreshold: 1 } }] } },
    rule: 'probes/liveness-success-threshold',
    path: 'spec.initContainers[0].livenessProbe.successThreshold',
    message: 'Invalid value: 2: must be 1',
  },
];

describe('checkProbes', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkProbes(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });

  it('reports a non-integer probe value once on a whole object: the decoder finding (fields/integer-range), not probes/not-integer too', () => {
    const deployment = (periodSeconds: number) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx', readinessProbe: { ...exec, periodSeconds } }] } } },
    });
    const path = 'spec.template.spec.containers[0].readinessProbe.periodSeconds';
    expect(checkObject(deployment(2.5)).map((v) => [v.rule, v.path])).toEqual([['fields/integer-range', path]]);
    expect(checkObject(deployment(2))).toEqual([]);
    // a pod spec checked alone has no decoder finding: the probe rule reports it
    expect(checkPod(pod('readinessProbe', { ...exec, periodSeconds: 2.5 })).map((v) => v.rule)).toEqual(['probes/not-integer']);
  });

  it('reports both errors of a negative liveness successThreshold, as the API server does', () => {
    const v = checkProbes(pod('livenessProbe', { ...exec, successThreshold: -1 }));
    expect(v.map((x) => [x.rule, x.path])).toEqual([
      ['probes/negative-field', at('livenessProbe', '.successThreshold')],
      ['probes/liveness-success-threshold', at('livenessProbe', '.successThreshold')],
    ]);
  });

  it('reports every handler after the first, in the order exec, httpGet, tcpSocket, grpc', () => {
    const v = checkProbes(pod('readinessProbe', { grpc: { port: 1 }, tcpSocket: { port: 2 }, httpGet: { path: '/', port: 3 } }));
    expect(v.map((x) => x.path)).toEqual([at('readinessProbe', '.tcpSocket'), at('readinessProbe', '.grpc')]);
  });

  it('does not validate probes of a plain init container (they are forbidden there instead)', () => {
    const p: PodLike = { spec: { containers: [{ name: 'app', image: 'nginx' }], initContainers: [{ name: 'init', image: 'busybox', livenessProbe: { successThreshold: 5 } }] } };
    expect(checkProbes(p)).toEqual([]);
    expect(checkPod(p).map((x) => x.rule)).toEqual(['init-containers/field-forbidden']);
  });

  it('fails when a tcpSocket has no port (the zero value 0), as the API server does', () => {
    const v = checkProbes(pod('readinessProbe', { tcpSocket: {} as never }));
    expect(v).toEqual([probeRules.portInvalid.at(at('readinessProbe', '.tcpSocket.port'), 0, 'must be between 1 and 65535, inclusive')]);
    expect(checkProbes(pod('readinessProbe', { tcpSocket: { port: 80 } }))).toEqual([]);
  });

  it('passes zero values: the page says the minimum is 1, but current Kubernetes defaults 0 and accepts it', () => {
    const zero = { ...exec, initialDelaySeconds: 0, timeoutSeconds: 0, periodSeconds: 0, successThreshold: 0, failureThreshold: 0 };
    expect(checkPod(pod('livenessProbe', zero))).toEqual([]);
    expect(checkPod(pod('startupProbe', zero))).toEqual([]);
  });
});

describe('defaultProbe and the startup budget', () => {
  it('applies the API server defaults to zero and unset fields', () => {
    expect(defaultProbe({ httpGet: { path: '', port: 80 }, periodSeconds: 0 })).toEqual({
      httpGet: { path: '/', port: 80, scheme: 'HTTP' },
      initialDelaySeconds: 0,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it("computes the page's budget: failureThreshold 30 × periodSeconds 10 = 300 s", () => {
    expect(startupBudgetSeconds({ ...exec, failureThreshold: 30, periodSeconds: 10 })).toBe(300);
    expect(startupBudgetSeconds(exec)).toBe(30);
    expect(failureThresholdFor(300, 10)).toBe(30);
    expect(failureThresholdFor(301, 10)).toBe(31);
    expect(failureThresholdFor(0)).toBe(1);
  });

  it('fails when the startup budget is shorter than the start-up to tolerate', () => {
    const probe = { ...exec, failureThreshold: 20, periodSeconds: 10 };
    expect(checkStartupBudget(probe, 300, 'spec.containers[0].startupProbe')).toEqual([
      probeRules.startupBudgetTooShort.at('spec.containers[0].startupProbe.failureThreshold', 200, 300, 20, 10),
    ]);
    expect(checkStartupBudget({ ...probe, failureThreshold: 30 }, 300, 'spec.containers[0].startupProbe')).toEqual([]);
  });
});

describe('checkProbesPresent (the ProbedDeployment promise)', () => {
  it.each([
    ['livenessProbe', 'probes/liveness-required', { readinessProbe: exec }],
    ['readinessProbe', 'probes/readiness-required', { livenessProbe: exec }],
  ] as const)('fails when an app container has no %s', (field, rule, probes) => {
    const bad: PodLike = { spec: { containers: [{ name: 'app', image: 'nginx', ...probes }] } };
    expect(checkProbesPresent(bad, 'spec.template.spec').map((v) => [v.rule, v.path])).toEqual([[rule, `spec.template.spec.containers[0].${field}`]]);
    const good: PodLike = { spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: exec, readinessProbe: exec }] } };
    expect(checkProbesPresent(good, 'spec.template.spec')).toEqual([]);
  });

  it('fails when a sidecar has no readinessProbe, and asks nothing of an init container that runs to completion', () => {
    const init = { name: 'init', image: 'busybox' };
    const sidecar = (probes: object) => ({ name: 'proxy', image: 'envoy', restartPolicy: 'Always', livenessProbe: exec, ...probes });
    const app = { name: 'app', image: 'nginx', livenessProbe: exec, readinessProbe: exec };
    const bad: PodLike = { spec: { initContainers: [init, sidecar({})], containers: [app] } };
    expect(checkProbesPresent(bad).map((v) => [v.rule, v.path])).toEqual([['probes/readiness-required', 'spec.initContainers[1].readinessProbe']]);
    const good: PodLike = { spec: { initContainers: [init, sidecar({ readinessProbe: exec })], containers: [app] } };
    expect(checkProbesPresent(good)).toEqual([]);
  });

  it('fails when a Job container has no livenessProbe, and does not ask it for a readinessProbe', () => {
    const at = 'spec.jobTemplate.spec.template.spec';
    const bad: PodLike = { spec: { containers: [{ name: 'app', image: 'nginx' }] } };
    expect(checkProbesPresent(bad, at, { readiness: false }).map((v) => [v.rule, v.path])).toEqual([['probes/liveness-required', `${at}.containers[0].livenessProbe`]]);
    const good: PodLike = { spec: { containers: [{ name: 'app', image: 'nginx', livenessProbe: exec }] } };
    expect(checkProbesPresent(good, at, { readiness: false })).toEqual([]);
  });
});
