import { ApiObject, Chart, JsonPatch, Lazy, Testing } from 'cdk8s';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from '../lib/k8s';
import { Deployment } from './deployment';
import { Pod } from './pod';

/** How often the single-object rules ran, per object name. */
const runs = new Map<string, number>();

vi.mock('../lib/rules', async (importOriginal) => {
  const rules = await importOriginal<typeof import('../lib/rules')>();
  return {
    ...rules,
    checkObject: (obj: KubeObject, ...rest: unknown[]) => {
      const name = String(obj.metadata?.name);
      runs.set(name, (runs.get(name) ?? 0) + 1);
      return (rules.checkObject as (...args: unknown[]) => ReturnType<typeof rules.checkObject>)(obj, ...rest);
    },
  };
});

const container = { name: 'c', image: 'nginx', resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } };

function pod(chart: Chart, name: string): Pod {
  return new Pod(chart, name, { metadata: { name }, spec: { containers: [container] } });
}

function deployment(chart: Chart, name: string) {
  return new Deployment(chart, name, {
    metadata: { name },
    externalReferences: { gmsaCredentialSpecNames: ['spec-a'] },
    guarantees: { probed: true },
    spec: {
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ ...container, livenessProbe: { exec: { command: ['true'] } }, readinessProbe: { exec: { command: ['true'] } } }] },
      },
    },
  });
}

describe('the single-object rules run once per object per synthesis', () => {
  afterEach(() => {
    runs.clear();
    vi.restoreAllMocks();
  });

  it('runs them once (at construction) for a workload whose manifest did not change, although cdk8s validates once per chart', () => {
    const app = Testing.app();
    const objects = [pod(new Chart(app, 'a'), 'p'), deployment(new Chart(app, 'b'), 'd')];
    const toJson = vi.spyOn(ApiObject.prototype, 'toJson');
    app.synthYaml();
    expect(Object.fromEntries(runs)).toEqual({ p: 1, d: 1 });
    // each object resolved once, for what is written
    expect(objects.map((o) => toJson.mock.contexts.filter((c) => c === o).length)).toEqual([1, 1]);
  });

  it('runs them again in a later synthesis for a manifest that changed, and only for it', () => {
    const app = Testing.app();
    pod(new Chart(app, 'a'), 'p');
    const q = pod(new Chart(app, 'b'), 'q');
    app.synthYaml();
    q.addJsonPatch(JsonPatch.add('/spec/hostname', 'q'));
    expect(app.synthYaml()).toContain('hostname: q');
    expect(Object.fromEntries(runs)).toEqual({ p: 1, q: 2 });
  });

  it('fails when a patch after construction breaks a rule of a workload: the rules run again on the changed manifest', () => {
    const app = Testing.app();
    const d = deployment(new Chart(app, 'b'), 'd');
    d.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/resources/requests/memory', '300Mi'));
    expect(() => app.synthYaml()).toThrow(/\[b\/d\] spec\.template\.spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
    expect(runs.get('d')).toBe(2);
  });

  it('passes when the same patch keeps the rules', () => {
    const app = Testing.app();
    const d = deployment(new Chart(app, 'b'), 'd');
    d.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/resources/requests/memory', '150Mi'));
    expect(app.synthYaml()).toContain('memory: 150Mi');
    expect(runs.get('d')).toBe(2);
  });

  it('fails when a metadata change after construction breaks a rule', () => {
    const app = Testing.app();
    const p = pod(new Chart(app, 'a'), 'p');
    p.metadata.addLabel('app', '-bad-');
    expect(() => app.synthYaml()).toThrow(/\[a\/p\] metadata\.labels: .*-bad-/);
  });

  it('passes when the same metadata change keeps the rules, running them again on the new metadata', () => {
    const app = Testing.app();
    const p = pod(new Chart(app, 'a'), 'p');
    p.metadata.addLabel('app', 'good');
    expect(app.synthYaml()).toContain('app: good');
    expect(runs.get('p')).toBe(2);
  });

  it('fails when a Lazy resolves to a value that breaks a rule: no eager run, one at synth on the resolved value', () => {
    const app = Testing.app();
    let memory = '300Mi';
    new Pod(new Chart(app, 'a'), 'p', { metadata: { name: 'p' }, spec: { containers: [{ ...container, resources: { requests: { memory: Lazy.any({ produce: () => memory }) as unknown as '1Mi' }, limits: { memory: '200Mi' } } }] } });
    expect(runs.get('p')).toBeUndefined();
    expect(() => app.synthYaml()).toThrow(/\[a\/p\] spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
    expect(runs.get('p')).toBe(1);
    memory = '150Mi';
    expect(app.synthYaml()).toContain('memory: 150Mi');
  });
});
