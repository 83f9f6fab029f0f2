/**
 * Enumerated fields take only Kubernetes' values: a typo does not compile (the runtime rules in lib/rules/enums.ts,
 * pod-policies.ts and init-containers.ts stay the authority for values that arrive as plain strings).
 */
import { Testing } from 'cdk8s';
import { describe, it } from 'vitest';
import { Pod } from './pod';

describe('enumerated pod and container fields', () => {
  it('reject a misspelt imagePullPolicy, terminationMessagePolicy or sidecar restartPolicy', () => {
    const chart = Testing.chart();
    new Pod(chart, 'pull', { spec: { containers: [{ name: 'a', image: 'nginx', imagePullPolicy: 'Always' }] } });
    // @ts-expect-error 'Alwyas' is not an image pull policy
    new Pod(chart, 'pull-typo', { spec: { containers: [{ name: 'a', image: 'nginx', imagePullPolicy: 'Alwyas' }] } });
    new Pod(chart, 'msg', { spec: { containers: [{ name: 'a', image: 'nginx', terminationMessagePolicy: 'FallbackToLogsOnError' }] } });
    // @ts-expect-error 'Logs' is not a termination message policy
    new Pod(chart, 'msg-typo', { spec: { containers: [{ name: 'a', image: 'nginx', terminationMessagePolicy: 'Logs' }] } });
    new Pod(chart, 'sidecar', { spec: { initContainers: [{ name: 's', image: 'x', restartPolicy: 'Always' }], containers: [{ name: 'a', image: 'nginx' }] } });
    // @ts-expect-error a sidecar's restartPolicy can only be Always
    new Pod(chart, 'sidecar-never', { spec: { initContainers: [{ name: 's', image: 'x', restartPolicy: 'Never' }], containers: [{ name: 'a', image: 'nginx' }] } });
  });

  it('reject a misspelt pod restartPolicy, dnsPolicy, preemptionPolicy or os.name', () => {
    const chart = Testing.chart();
    const app = [{ name: 'a', image: 'nginx' }];
    new Pod(chart, 'restart', { spec: { containers: app, restartPolicy: 'OnFailure' } });
    // @ts-expect-error 'always' is not a restart policy (case matters)
    new Pod(chart, 'restart-typo', { spec: { containers: app, restartPolicy: 'always' } });
    new Pod(chart, 'dns', { spec: { containers: app, dnsPolicy: 'ClusterFirstWithHostNet' } });
    // @ts-expect-error 'Host' is not a DNS policy
    new Pod(chart, 'dns-typo', { spec: { containers: app, dnsPolicy: 'Host' } });
    new Pod(chart, 'preempt', { spec: { containers: app, preemptionPolicy: 'Never' } });
    // @ts-expect-error 'Preempt' is not a preemption policy
    new Pod(chart, 'preempt-typo', { spec: { containers: app, preemptionPolicy: 'Preempt' } });
    new Pod(chart, 'os', { spec: { containers: app, os: { name: 'windows' } } });
    // @ts-expect-error 'Windows' is not an OS name (lower case)
    new Pod(chart, 'os-typo', { spec: { containers: app, os: { name: 'Windows' } } });
  });

  it('reject a widened string, since Kubernetes takes only the listed values', () => {
    const chart = Testing.chart();
    const policy: string = 'Always';
    // @ts-expect-error a plain string may hold any value: narrow it (as const) or type it
    new Pod(chart, 'wide', { spec: { containers: [{ name: 'a', image: 'nginx', imagePullPolicy: policy }] } });
    const narrow = 'Always' as const;
    new Pod(chart, 'narrow', { spec: { containers: [{ name: 'a', image: 'nginx', imagePullPolicy: narrow }] } });
  });
});
