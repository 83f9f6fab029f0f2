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
