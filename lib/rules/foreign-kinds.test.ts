/**
 * A custom resource may carry a built-in kind's name in its own API group (Knative's `serving.knative.dev` Service,
 * Volcano's `batch.volcano.sh` Job, a made-up `Deployment` in an example): it is not that kind, so it gets only the
 * rules every object has, never the built-in kind's rules or its pod spec's.
 */
import { describe, expect, it } from 'vitest';
import { isForeignKind, podSpecOf, type KubeObject } from '../k8s';
import { checkObject } from './check';

/** A Deployment-shaped body whose container has no image, in the group given. */
const deploymentIn = (apiVersion: string | undefined, name = 'web'): KubeObject => ({
  ...(apiVersion === undefined ? {} : { apiVersion }),
  kind: 'Deployment',
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } } },
});

const rulesAndPaths = (obj: KubeObject) => checkObject(obj).map((v) => [v.rule, v.path]);

describe('a custom resource named like a built-in kind', () => {
  it('fails when an apps Deployment has a container without an image', () => {
    expect(rulesAndPaths(deploymentIn('apps/v1'))).toContainEqual(['objects/image-required', 'spec.template.spec.containers[0].image']);
  });

  it('passes the same body as a Deployment of another API group, whose pod spec is not a pod spec', () => {
    expect(rulesAndPaths(deploymentIn('example.com/v1'))).toStrictEqual([]);
    expect(podSpecOf(deploymentIn('example.com/v1'))).toBeUndefined();
  });

  it('fails when the custom resource\'s own name is invalid: the rules every object has still apply', () => {
    expect(rulesAndPaths(deploymentIn('example.com/v1', 'Web_App'))).toStrictEqual([['objects/name-invalid', 'metadata.name']]);
  });

  it.each([
    ['apps/v1', false],
    ['extensions/v1beta1', false],
    [undefined, false],
    ['example.com/v1', true],
    ['v1', true],
  ])('a Deployment of apiVersion %s is foreign: %s', (apiVersion, foreign) => {
    expect(isForeignKind(deploymentIn(apiVersion))).toBe(foreign);
  });

  it('fails when a batch Job has no containers, and passes a Volcano Job of the same shape', () => {
    const job = (apiVersion: string): KubeObject => ({ apiVersion, kind: 'Job', metadata: { name: 'train' }, spec: { template: { spec: { containers: [], restartPolicy: 'Never' } } } });
    expect(rulesAndPaths(job('batch/v1'))).toContainEqual(['objects/containers-required', 'spec.template.spec.containers']);
    expect(rulesAndPaths(job('batch.volcano.sh/v1alpha1'))).toStrictEqual([]);
  });
});
