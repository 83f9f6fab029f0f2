import { describe, expect, it } from 'vitest';
import type { PodLike, PodSpec } from '../k8s';
import { checkPod } from './index';
import { checkPodPolicies } from './pod-policies';

const pod = (spec: Partial<PodSpec>, resizePolicy?: { resourceName: string; restartPolicy: string }[]): PodLike => ({
  spec: { containers: [{ name: 'app', image: 'nginx', ...(resizePolicy ? { resizePolicy } : {}) }], ...spec },
});

const cases = [
  {
    name: 'restartPolicy is lowercase',
    bad: pod({ restartPolicy: 'always' }),
    good: pod({ restartPolicy: 'Always' }),
    rule: 'pod/restart-policy-unsupported',
    path: 'spec.restartPolicy',
    message: 'Unsupported value: "always": supported values: "Always", "OnFailure", "Never"',
  },
  {
    name: 'dnsPolicy is unknown',
    bad: pod({ dnsPolicy: 'Host' }),
    good: pod({ dnsPolicy: 'Default' }),
    rule: 'pod/dns-policy-unsupported',
    path: 'spec.dnsPolicy',
    message: 'Unsupported value: "Host": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
  },
  {
    name: 'dnsPolicy is None without dnsConfig',
    bad: pod({ dnsPolicy: 'None' }),
    good: pod({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } }),
    rule: 'pod/dns-config-required',
    path: 'spec.dnsConfig',
    message: 'Required value: must provide `dnsConfig` when `dnsPolicy` is None',
  },
  {
    name: 'resizePolicy names a resource twice',
    bad: pod({}, [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'cpu', restartPolicy: 'RestartContainer' }]),
    good: pod({}, [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }, { resourceName: 'memory', restartPolicy: 'RestartContainer' }]),
    rule: 'pod/resize-policy-duplicate',
    path: 'spec.containers[0].resizePolicy[1]',
    message: 'Duplicate value: "cpu"',
  },
  {
    name: 'resizePolicy names an unsupported resource',
    bad: pod({}, [{ resourceName: 'ephemeral-storage', restartPolicy: 'NotRequired' }]),
    good: pod({}, [{ resourceName: 'memory', restartPolicy: 'NotRequired' }]),
    rule: 'pod/resize-policy-resource-unsupported',
    path: 'spec.containers[0].resizePolicy',
    message: 'Unsupported value: "ephemeral-storage": supported values: "cpu", "memory"',
  },
  {
    name: 'resizePolicy has an unsupported restart policy',
    bad: pod({}, [{ resourceName: 'cpu', restartPolicy: 'Always' }]),
    good: pod({}, [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }]),
    rule: 'pod/resize-policy-restart-unsupported',
    path: 'spec.containers[0].resizePolicy',
    message: 'Unsupported value: "Always": supported values: "NotRequired", "RestartContainer"',
  },
  {
    name: 'resizePolicy restarts the container of a restartPolicy Never pod',
    bad: pod({ restartPolicy: 'Never' }, [{ resourceName: 'cpu', restartPolicy: 'RestartContainer' }]),
    good: pod({ restartPolicy: 'Never' }, [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
    rule: 'pod/resize-policy-never-requires-not-required',
    path: 'spec.containers[0].resizePolicy',
    message: 'Invalid value: "RestartContainer": must be \'NotRequired\' when `restartPolicy` is \'Never\'',
  },
  {
    name: 'resizePolicy has an empty resource name',
    bad: pod({}, [{ resourceName: '', restartPolicy: 'NotRequired' }]),
    good: pod({}, [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }]),
    rule: 'pod/resize-policy-required',
    path: 'spec.containers[0].resizePolicy',
    message: 'Required value',
  },
];

describe('checkPodPolicies', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkPodPolicies(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkPod(good)).toEqual([]);
  });
  it('accepts empty policies, which Kubernetes defaults (Always, ClusterFirst)', () => {
    expect(checkPodPolicies(pod({ restartPolicy: '', dnsPolicy: '' }))).toEqual([]);
  });
});
