import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s';
import { checkDeployment, deploymentRules, goStringMap } from './deployments';
import { checkObject } from './index';

const deployment = (spec: Record<string, unknown>, labels: Record<string, string> = { run: 'with-creds' }): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'with-creds' },
  spec: { selector: { matchLabels: { run: 'with-creds' } }, template: { metadata: { labels }, spec: { containers: [{ name: 'iis', image: 'iis' }] } }, ...spec },
});

const cases = [
  {
    name: 'the selector does not match the template labels',
    bad: deployment({}, { run: 'other' }),
    good: deployment({}, { run: 'with-creds', tier: 'web' }),
    rule: 'deployments/selector-mismatch',
    path: 'spec.template.metadata.labels',
    message: 'Invalid value: map[string]string{"run":"other"}: `selector` does not match template `labels`',
  },
  {
    name: 'a matchExpressions selector does not match',
    bad: deployment({ selector: { matchExpressions: [{ key: 'run', operator: 'In', values: ['a', 'b'] }] } }),
    good: deployment({ selector: { matchExpressions: [{ key: 'run', operator: 'In', values: ['a', 'with-creds'] }] } }),
    rule: 'deployments/selector-mismatch',
    path: 'spec.template.metadata.labels',
    message: deploymentRules.selectorMismatch.message({ run: 'with-creds' }),
  },
  {
    name: 'the selector is missing',
    bad: deployment({ selector: undefined }),
    good: deployment({}),
    rule: 'deployments/selector-required',
    path: 'spec.selector',
    message: 'Required value',
  },
  {
    name: 'the selector is empty',
    bad: deployment({ selector: { matchLabels: {} } }),
    good: deployment({ selector: { matchLabels: { run: 'with-creds' } } }),
    rule: 'deployments/selector-empty',
    path: 'spec.selector',
    message: deploymentRules.selectorEmpty.message({ matchLabels: {} }),
  },
  {
    name: 'replicas is negative',
    bad: deployment({ replicas: -1 }),
    good: deployment({ replicas: 0 }),
    rule: 'deployments/replicas-negative',
    path: 'spec.replicas',
    message: 'Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: "the template's restartPolicy is OnFailure",
    bad: deployment({ template: { metadata: { labels: { run: 'with-creds' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'a', image: 'b' }] } } }),
    good: deployment({ template: { metadata: { labels: { run: 'with-creds' } }, spec: { restartPolicy: 'Always', containers: [{ name: 'a', image: 'b' }] } } }),
    rule: 'deployments/template-restart-policy',
    path: 'spec.template.spec.restartPolicy',
    message: 'Unsupported value: "OnFailure": supported values: "Always"',
  },
  {
    name: 'the strategy type is unknown',
    bad: deployment({ strategy: { type: 'BlueGreen' } }),
    good: deployment({ strategy: { type: 'Recreate' } }),
    rule: 'deployments/strategy-unsupported',
    path: 'spec.strategy',
    message: 'Unsupported value: {"type":"BlueGreen"}: supported values: "Recreate", "RollingUpdate"',
  },
  {
    name: 'the strategy type is not spelled as Kubernetes spells it (a type written null reads as unset: RollingUpdate)',
    bad: deployment({ strategy: { type: 'rollingUpdate', rollingUpdate: { maxSurge: null, maxUnavailable: null } } }),
    good: deployment({ strategy: { type: null, rollingUpdate: { maxSurge: null, maxUnavailable: null } } }),
    rule: 'deployments/strategy-unsupported',
    path: 'spec.strategy',
    message: 'Unsupported value: {"type":"rollingUpdate","rollingUpdate":{"maxSurge":null,"maxUnavailable":null}}: supported values: "Recreate", "RollingUpdate"',
  },
  {
    name: 'a Recreate strategy has rollingUpdate',
    bad: deployment({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
    good: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
    rule: 'deployments/recreate-rolling-update',
    path: 'spec.strategy.rollingUpdate',
    message: "Forbidden: may not be specified when strategy `type` is 'Recreate'",
  },
  {
    name: 'maxUnavailable and maxSurge are both 0',
    bad: deployment({ strategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } } }),
    good: deployment({ strategy: { rollingUpdate: { maxUnavailable: 0 } } }),
    rule: 'deployments/max-unavailable-and-surge-zero',
    path: 'spec.strategy.rollingUpdate.maxUnavailable',
    message: 'Invalid value: 0: may not be 0 when `maxSurge` is 0',
  },
  {
    name: 'maxSurge is not an integer or a percentage',
    bad: deployment({ strategy: { rollingUpdate: { maxSurge: '1.5' } } }),
    good: deployment({ strategy: { rollingUpdate: { maxSurge: '150%' } } }),
    rule: 'workloads/int-or-percent-invalid',
    path: 'spec.strategy.rollingUpdate.maxSurge',
    message: expect.stringContaining("Invalid value: 1.5: a valid percent string"),
  },
  {
    name: 'minReadySeconds is not less than the default progressDeadlineSeconds (600)',
    bad: deployment({ minReadySeconds: 600 }),
    good: deployment({ minReadySeconds: 599 }),
    rule: 'deployments/progress-deadline',
    path: 'spec.progressDeadlineSeconds',
    message: 'Invalid value: 600: must be greater than minReadySeconds',
  },
  {
    name: 'progressDeadlineSeconds is negative',
    bad: deployment({ progressDeadlineSeconds: -5, minReadySeconds: -10 }),
    good: deployment({ progressDeadlineSeconds: 5 }),
    rule: 'workloads/negative-value',
    path: 'spec.progressDeadlineSeconds',
    message: 'Invalid value: -5: must be greater than or equal to 0',
  },
];

describe('checkDeployment', () => {
  it.each(cases)('fails when $name', ({ bad, rule, path, message }) => {
    expect(checkDeployment(bad)).toContainEqual(expect.objectContaining({ rule, path, message }));
  });
  it.each(cases)('passes the twin of: $name', ({ good }) => {
    expect(checkObject(good)).toEqual([]);
  });
  it('prints maps as Go does, keys sorted', () => {
    expect(goStringMap({ b: '2', a: '1' })).toBe('map[string]string{"a":"1", "b":"2"}');
  });
  it('runs the pod rules on the template at spec.template.spec', () => {
    const bad = deployment({ template: { metadata: { labels: { run: 'with-creds' } }, spec: { containers: [{ name: 'a', image: 'b', livenessProbe: { exec: { command: ['true'] }, successThreshold: 2 } }] } } });
    expect(checkObject(bad).map((v) => v.path)).toEqual(['spec.template.spec.containers[0].livenessProbe.successThreshold']);
  });
});
