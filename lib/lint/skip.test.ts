/**
 * Which documents of a repository are listed as skipped rather than linted: files of tools that borrow the
 * `apiVersion`/`kind` shape without being API objects, next to custom resources that are API objects.
 */
import { describe, expect, it } from 'vitest';
import { skipReasonOfDocument } from './skip';

const reasonOf = (file: string, value: unknown) => skipReasonOfDocument(file, value, '');

describe('skipReasonOfDocument', () => {
  it('skips a tool configuration whose apiVersion names no Kubernetes API group (a group without a dot that is not built in)', () => {
    const config = { apiVersion: 'skaffold/v4beta1', kind: 'Config', build: { artifacts: [{ image: 'app' }] }, deploy: { kubectl: {} } };
    expect(reasonOf('app/skaffold.yaml', config)).toBe(
      'a tool\'s configuration file (apiVersion skaffold/v4beta1, kind Config): "skaffold" is not a Kubernetes API group, not an API object',
    );
  });

  it.each([
    ['a custom resource of a dotted group', { apiVersion: 'example.com/v1', kind: 'Config', metadata: {} }],
    ['an object of a built-in group without a dot', { apiVersion: 'batch/v1', kind: 'Job', metadata: {} }],
    ['an object of the core group', { apiVersion: 'v1', kind: 'Pod', metadata: {} }],
  ])('lints %s, even without a name', (_, value) => {
    expect(reasonOf('app/object.yaml', value)).toBeUndefined();
  });

  it('skips an istioctl installation configuration (IstioOperator), which istioctl reads and does not send as it stands', () => {
    const operator = { apiVersion: 'install.istio.io/v1alpha1', kind: 'IstioOperator', spec: { profile: 'minimal' } };
    expect(reasonOf('mesh/operator.yaml', operator)).toBe(
      'an istioctl installation configuration (install.istio.io, kind IstioOperator), read by istioctl, not an API object',
    );
  });

  it('lints another kind of the same API group as a custom resource', () => {
    expect(reasonOf('mesh/other.yaml', { apiVersion: 'install.istio.io/v1alpha1', kind: 'Other', spec: {} })).toBeUndefined();
  });
});
