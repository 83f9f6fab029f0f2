import { describe, expect, it } from 'vitest';
import type { Container, PodLike } from '../k8s';
import { checkPod } from './index';
import { checkInitContainers, initContainerRules } from './init-containers';

const app: Container = { name: 'nginx', image: 'nginx' };
const pod = (init: Partial<Container>, main: Partial<Container> = {}): PodLike => ({
  spec: { containers: [{ ...app, ...main }], initContainers: [{ name: 'install', image: 'busybox', command: ['true'], ...init }] },
});
const exec = { exec: { command: ['cat', '/tmp/healthy'] } };

const cases = [
  ...(['livenessProbe', 'readinessProbe', 'startupProbe'] as const).map((field) => ({
    name: `a plain init container has a ${field}`,
    bad: pod({ [field]: exec }),
    good: pod({ [field]: exec, restartPolicy: 'Always' }),
    rule: 'init-containers/field-forbidden',
    path: `spec.initContainers[0].${field}`,
    message: 'Forbidden: may not be set for init containers without restartPolicy=Always',
  })),
  {
    name: 'a plain init container has a lifecycle hook',
    bad: pod({ lifecycle: { postStart: exec } }),
    good: pod({ lifecycle: { postStart: exec }, restartPolicy: 'Always' }),
    rule: 'init-containers/field-forbidden',
    path: 'spec.initContainers[0].lifecycle',
    message: initContainerRules.fieldForbidden.message(),
  },
  {
    name: "an init container's restartPolicy is Never",
    bad: pod({ restartPolicy: 'Never' }),
    good: pod({ restartPolicy: 'Always' }),
    rule: 'init-containers/restart-policy-unsupported',
    path: 'spec.initContainers[0].restartPolicy',
    message: 'Unsupported value: "Never": supported values: "Always"',
  },
  {
    name: 'an app container sets restartPolicy',
    bad: pod({}, { restartPolicy: 'Always' }),
    good: pod({ restartPolicy: 'Always' }),
    rule: 'init-containers/restart-policy-on-app-container',
    path: 'spec.containers[0].restartPolicy',
    message: 'Forbidden: may not be set for non-init containers',
  },
  {
    name: 'an init container sets resizePolicy',
    bad: pod({ resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
    good: pod({}, { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] }),
    rule: 'init-containers/resize-policy-forbidden',
    path: 'spec.initContainers[0].resizePolicy',
    message:
      'Invalid value: []core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"cpu", RestartPolicy:"NotRequired"}}: must not be set for init containers',
  },
];

describe('checkInitContainers', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkInitContainers(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });

  it('fails when an init container and an app container share a name (objects/container-name-duplicate)', () => {
    expect(checkPod(pod({ name: 'nginx' })).map((v) => v.rule)).toEqual(['objects/container-name-duplicate']);
    expect(checkPod(pod({ name: 'install' }))).toEqual([]);
  });

  it('reports an init/app name clash at the init container, as the API server does', () => {
    expect(checkPod(pod({ name: 'nginx' })).map((v) => v.path)).toEqual(['spec.initContainers[0].name']);
  });
});

// From 1.33 the API server drops lifecycle.stopSignal (ContainerStopSignals, off by default) and then a lifecycle with
// neither hook (dropContainerStopSignals, pkg/api/pod/util.go), before it validates the init container.
describe('an init container whose lifecycle holds a stop signal', () => {
  const onlyStopSignal = pod({ lifecycle: { stopSignal: 'SIGUSR1' } });
  const withHook = pod({ lifecycle: { stopSignal: 'SIGUSR1', preStop: exec } });
  const forbidden = (p: PodLike, version: '1.32' | '1.33' | '1.36') =>
    checkInitContainers(p, 'spec', { kubernetesVersion: version }).filter((v) => v.rule === 'init-containers/field-forbidden');

  it.each(['1.33', '1.36'] as const)('passes at %s when the stop signal is its only field: the API server drops the lifecycle', (version) => {
    expect(forbidden(onlyStopSignal, version)).toEqual([]);
    // only the warning that the signal is lost remains
    expect(checkPod(onlyStopSignal, 'spec', { kubernetesVersion: version }).map((v) => [v.rule, v.severity])).toEqual([['feature-gates/stop-signal', 'warning']]);
  });
  it.each(['1.33', '1.36'] as const)('fails at %s when a hook stays beside the stop signal (init-containers/field-forbidden)', (version) => {
    expect(forbidden(withHook, version)).toEqual([expect.objectContaining({ rule: 'init-containers/field-forbidden', path: 'spec.initContainers[0].lifecycle' })]);
  });
  it('fails at 1.32, where nothing is dropped (the field is unknown there)', () => {
    expect(forbidden(onlyStopSignal, '1.32')).toEqual([expect.objectContaining({ rule: 'init-containers/field-forbidden', path: 'spec.initContainers[0].lifecycle' })]);
  });
});
