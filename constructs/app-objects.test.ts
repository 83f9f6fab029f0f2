import { ApiObject, ApiObjectMetadataDefinition, App, Chart, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver, Testing, type IResolver, type ResolutionContext } from 'cdk8s';
import type { Construct } from 'constructs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Violation } from '../lib/violation';
import { appObjects } from './app-objects';
import { CheckedApiObject, isCheckedApiObject } from './checked-api-object';
import { Pod } from './pod';

/** A checked pod that counts how often its manifest is checked and resolved. */
class CountingPod extends CheckedApiObject {
  checks = 0;

  constructor(scope: Construct, id: string, memoryRequest = '100Mi') {
    const counter = { name: 'counted', check: (): Violation[] => { this.checks++; return []; } };
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: { name: id }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: memoryRequest }, limits: { memory: '200Mi' } } }] } }, { promises: [counter] });
    this.checkNow();
  }
}

/** A checked pod with an `add*()` method that changes its manifest in place (no patch, no metadata call). */
class GrowingPod extends CheckedApiObject {
  private readonly containers: { name: string; image: string }[];

  constructor(scope: Construct, id: string) {
    const containers = [{ name: 'c', image: 'x' }];
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: { name: id }, spec: { containers } });
    this.containers = containers;
    this.checkNow();
  }

  /** The supported way: a JSON patch. */
  addContainer(name: string): void {
    this.addJsonPatch(JsonPatch.add('/spec/containers/-', { name, image: 'x' }));
  }

  /** Not supported: the props were copied at construction, so this changes nothing that is written. */
  addContainerInPlace(name: string): void {
    this.containers.push({ name, image: 'x' });
  }
}

/** A checked pod whose props hold a value cdk8s resolves at synthesis (a `Lazy` image). */
class LazyImagePod extends CheckedApiObject {
  image = 'x';

  constructor(scope: Construct, id: string) {
    super(scope, id, { apiVersion: 'v1', kind: 'Pod', metadata: { name: id }, spec: { containers: [{ name: 'c', image: Lazy.any({ produce: () => this.image }) }] } });
    this.checkNow();
  }
}

/** A custom resolver that raises every memory request to 300Mi. */
class RaisingResolver implements IResolver {
  resolve(context: ResolutionContext): void {
    if (context.key.at(-2) === 'requests' && context.key.at(-1) === 'memory' && context.value !== '300Mi') context.replaceValue('300Mi');
  }
}

/** A promise that reads the metadata: no object labelled team=b. */
const noTeamB = {
  name: 'not team b',
  check: (manifest: { metadata?: { labels?: Record<string, string> } }): Violation[] =>
    manifest.metadata?.labels?.team === 'b' ? [{ rule: 'test/team' as Violation['rule'], path: 'metadata.labels.team', message: 'team b may not deploy here', severity: 'error', docs: '', docsEn: '' }] : [],
};

function countingApp(charts: number): { app: App; pods: CountingPod[] } {
  const app = Testing.app();
  const pods = Array.from({ length: charts }, (_, i) => new CountingPod(new Chart(app, `c${i}`), `p${i}`));
  return { app, pods };
}

describe('validation passes', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('checks each object once per synthesis although cdk8s validates the app once per chart', () => {
    const { app, pods } = countingApp(4);
    app.synthYaml();
    // 1 eager check in the constructor + 1 in the synthesis (cdk8s ran 5 validations of the app).
    expect(pods.map((p) => p.checks)).toEqual([2, 2, 2, 2]);
  });

  it('checks again in the next synthesis, in the same job', () => {
    const { app, pods } = countingApp(3);
    app.synthYaml();
    app.synthYaml();
    expect(pods.map((p) => p.checks)).toEqual([3, 3, 3]);
  });

  it('checks again in the next synthesis, in a later job', async () => {
    const { app, pods } = countingApp(3);
    app.synthYaml();
    await Promise.resolve();
    app.synthYaml();
    expect(pods.map((p) => p.checks)).toEqual([3, 3, 3]);
  });

  it('synthesizes the same YAML as a fresh app, twice in a row', () => {
    const { app } = countingApp(3);
    const first = app.synthYaml();
    expect(app.synthYaml()).toBe(first);
    expect(first).toBe(countingApp(3).app.synthYaml());
  });

  it('resolves each checked object once per synthesis, for what is written (the eager check and the pass read its metadata only)', () => {
    const { app, pods } = countingApp(3);
    const spy = vi.spyOn(ApiObject.prototype, 'toJson');
    const metadata = vi.spyOn(ApiObjectMetadataDefinition.prototype, 'toJson');
    app.synthYaml();
    expect(pods.map((p) => spy.mock.contexts.filter((c) => c === p).length)).toEqual([1, 1, 1]);
    // the pass's metadata read + the one inside the written manifest
    expect(metadata.mock.calls.length).toBe(6);
  });

  it('fails when an escape hatch applied between two syntheses of the same job breaks a rule', () => {
    const app = Testing.app();
    new Pod(new Chart(app, 'other'), 'q', { metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const p = new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } }] } });
    app.synthYaml();
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/requests/memory', '300Mi'));
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
  });

  it('passes when the same escape hatch keeps the rule', () => {
    const app = Testing.app();
    const p = new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } }] } });
    app.synthYaml();
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/requests/memory', '150Mi'));
    expect(app.synthYaml()).toContain('memory: 150Mi');
  });

  it('checks again after a metadata change while synthesizing chart by chart', () => {
    const { app, pods } = countingApp(2);
    const [first, second] = app.charts;
    Testing.synth(first!);
    const checked = pods[1]!.checks;
    pods[1]!.metadata.addLabel('team', 'a');
    expect(Testing.synth(second!)).toEqual([expect.objectContaining({ metadata: { name: 'p1', labels: { team: 'a' } } })]);
    expect(pods[1]!.checks).toBe(checked + 1);
  });

  it('fails when a metadata change between two syntheses of the same job breaks a promise', () => {
    const app = Testing.app();
    const p = new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] }, promises: [noTeamB] });
    app.synthYaml();
    p.metadata.addLabel('team', 'b');
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] metadata\.labels\.team: team b may not deploy here \[test\/team\]/);
  });

  it('passes when the same metadata change keeps the promise', () => {
    const app = Testing.app();
    const p = new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] }, promises: [noTeamB] });
    app.synthYaml();
    p.metadata.addLabel('team', 'a');
    expect(app.synthYaml()).toContain('team: a');
  });

  it('gives every object of the app to cross-object lookups, also outside a synthesis', () => {
    const { app } = countingApp(2);
    expect(appObjects(app).map((o) => [o.manifest.metadata?.name, o.constructPath])).toEqual([
      ['p0', 'c0/p0'],
      ['p1', 'c1/p1'],
    ]);
  });

  it('fails when an add*() method patches the manifest after the eager check so that it breaks a rule', () => {
    const app = Testing.app();
    const p = new GrowingPod(new Chart(app, 'c'), 'p');
    p.addContainer('c');
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[1\]\.name: .*\[objects\/container-name-duplicate\]/);
  });

  it('passes when the add*() method keeps the rules', () => {
    const app = Testing.app();
    const p = new GrowingPod(new Chart(app, 'c'), 'p');
    p.addContainer('d');
    expect(app.synthYaml()).toContain('name: d');
  });

  it('fails at synth when the eager check was passed but a later patch breaks it, in a one-chart app', () => {
    const app = Testing.app();
    const p = new CountingPod(new Chart(app, 'c'), 'p');
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/requests/memory', '300Mi'));
    expect(() => app.synthYaml()).toThrow(/\[resources\/request-exceeds-limit\]/);
  });
});

describe('props', () => {
  it('are copied at construction: a later in-place change of the objects given changes nothing written', () => {
    const app = Testing.app();
    const p = new GrowingPod(new Chart(app, 'c'), 'p');
    p.addContainerInPlace('c');
    expect(Testing.synth(app.charts[0]!)).toEqual([expect.objectContaining({ spec: { containers: [{ name: 'c', image: 'x' }] } })]);
  });

  it('fails at synth when a Lazy resolves to a value that breaks a rule (no eager check: the props hold a token)', () => {
    const app = Testing.app();
    const p = new LazyImagePod(new Chart(app, 'c'), 'p');
    p.image = '';
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.image: .*\[objects\/image-required\]/);
  });

  it('passes the Lazy value it resolves to when that keeps the rules', () => {
    const app = Testing.app();
    const p = new LazyImagePod(new Chart(app, 'c'), 'p');
    p.image = 'nginx';
    expect(app.synthYaml()).toContain('image: nginx');
  });

  it('fails when a custom resolver writes a value that breaks a rule: the rules see what it wrote', () => {
    const app = new App({ outdir: Testing.app().outdir, resolvers: [new RaisingResolver(), new LazyResolver(), new ImplicitTokenResolver(), new NumberStringUnionResolver()] });
    new CountingPod(new Chart(app, 'c'), 'p');
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
  });

  it('passes with the built-in resolvers listed explicitly', () => {
    const app = new App({ outdir: Testing.app().outdir, resolvers: [new LazyResolver(), new ImplicitTokenResolver(), new NumberStringUnionResolver()] });
    new CountingPod(new Chart(app, 'c'), 'p');
    expect(app.synthYaml()).toContain('memory: 100Mi');
  });
});

describe('cdk8s public API only', () => {
  it('leaves cdk8s metadata objects as cdk8s made them', () => {
    const pod = new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(Object.getPrototypeOf(pod.metadata)).toBe(ApiObjectMetadataDefinition.prototype);
  });

  it('does not override instanceof: cdk8s answers it for every ApiObject; isCheckedApiObject and isPrototypeOf tell', async () => {
    const { StaticPod } = await import('./static-pod');
    const chart = Testing.chart();
    const plain = new ApiObject(chart, 'plain', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    const pod = new Pod(chart, 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(Object.prototype.hasOwnProperty.call(CheckedApiObject, Symbol.hasInstance)).toBe(false);
    expect(plain instanceof CheckedApiObject).toBe(true);
    expect([isCheckedApiObject(plain), StaticPod.prototype.isPrototypeOf(plain), Pod.prototype.isPrototypeOf(plain)]).toEqual([false, false, false]);
    expect([isCheckedApiObject(pod), StaticPod.prototype.isPrototypeOf(pod), Pod.prototype.isPrototypeOf(pod)]).toEqual([true, false, true]);
    expect([isCheckedApiObject(undefined), isCheckedApiObject({}), isCheckedApiObject(chart)]).toEqual([false, false, false]);
  });
});
