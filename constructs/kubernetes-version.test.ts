import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { thrownRulePaths } from '../testing/violations';
import { KUBERNETES_VERSION_CONTEXT, ruleOptionsOf } from './kubernetes-version';
import { Pod } from './pod';

/** A Pod whose env var name starts with a digit: invalid before 1.32 (strict names), valid from 1.32 (relaxed). */
function podIn(context: Record<string, unknown>) {
  const app = new App({ outdir: '/tmp/podkit-kubernetes-version-test' });
  for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
  const chart = new Chart(app, 'c');
  return () => new Pod(chart, 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', env: [{ name: '1ST', value: 'x' }] }] } });
}

describe('the app-level target Kubernetes version (context podkit:kubernetesVersion)', () => {
  it('fails when the app targets 1.31, where env var names are strict', () => {
    expect(thrownRulePaths(podIn({ [KUBERNETES_VERSION_CONTEXT]: '1.31' }))).toEqual([['env/name-invalid', 'spec.containers[0].env[0].name']]);
  });
  it('passes the same Pod when the app targets 1.32, or sets no version (the newest)', () => {
    expect(podIn({ [KUBERNETES_VERSION_CONTEXT]: '1.32' })).not.toThrow();
    expect(podIn({})).not.toThrow();
  });
  it('fails with a clear error on an unsupported version', () => {
    const app = new App({ outdir: '/tmp/podkit-kubernetes-version-test' });
    app.node.setContext(KUBERNETES_VERSION_CONTEXT, '1.12');
    expect(() => ruleOptionsOf(app)).toThrow('podkit:kubernetesVersion: must be one of 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36, not "1.12"');
  });
});
