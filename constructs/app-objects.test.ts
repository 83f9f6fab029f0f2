import { ApiObject, App, Chart, ImplicitTokenResolver, JsonPatch, Lazy, LazyResolver, NumberStringUnionResolver, Testing, type IResolver, type ResolutionContext } from 'cdk8s';
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import type { Violation } from '../lib/violation';
import { appObjects } from './app-objects';
import { CheckedApiObject } from './checked-api-object';
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

/** Counts `ApiObject.toJson()` resolutions per object (each resolves the object, then its metadata, from the root key). */
class CountingResolver implements IResolver {
  readonly roots = new Map<ApiObject, number>();

  resolve(context: ResolutionContext): void {
    if (context.key.length === 0) this.roots.set(context.obj, (this.roots.get(context.obj) ?? 0) + 1);
  }

  resolutions(obj: ApiObject): number {
    return (this.roots.get(obj) ?? 0) / 2;
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

  /** Not supported: the props are frozen, so this throws instead of changing the manifest behind the checks. */
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

function countingApp(charts: number, resolver?: CountingResolver): { app: App; pods: CountingPod[] } {
  const app = resolver ? new App({ outdir: Testing.app().outdir, resolvers: [resolver, new LazyResolver(), new ImplicitTokenResolver(), new NumberStringUnionResolver()] }) : Testing.app();
  const pods = Array.from({ length: charts }, (_, i) => new CountingPod(new Chart(app, `c${i}`), `p${i}`));
  return { app, pods };
}

describe('validation passes', () => {
  it('checks each object once per synthesis although cdk8s validates the app once per chart', () => {
    const { app, pods } = countingApp(4);
    app.synthYaml();
    // 1 eager check in the constructor + 1 in the synthesis (cdk8s ran 5 validations of the app).
    expect(pods.map((p) => p.checks)).toEqual([2, 2, 2, 2]);
  });

  it('checks again in the next synthesis', () => {
    const { app, pods } = countingApp(3);
    app.synthYaml();
    app.synthYaml();
    expect(pods.map((p) => p.checks)).toEqual([3, 3, 3]);
  });

  it('synthesizes the same YAML as a fresh app, twice in a row', () => {
    const { app } = countingApp(3);
    const first = app.synthYaml();
    expect(app.synthYaml()).toBe(first);
    expect(first).toBe(countingApp(3).app.synthYaml());
  });

  it('fails when an escape hatch applied between two syntheses of the same job breaks a rule', () => {
    const app = Testing.app();
    new Pod(new Chart(app, 'other'), 'q', { metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const p = new Pod(new Chart(app, 'c'), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } }] } });
    app.synthYaml();
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/requests/memory', '300Mi'));
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.resources\.requests\.memory: .*\[resources\/request-exceeds-limit\]/);
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

  it('resolves a checked object once per synthesis; the eager check resolves only its metadata', () => {
    const resolver = new CountingResolver();
    const { app, pods } = countingApp(3, resolver);
    expect(pods.map((p) => resolver.resolutions(p))).toEqual([0.5, 0.5, 0.5]);
    app.synthYaml();
    // one whole resolve for the output
    expect(pods.map((p) => resolver.resolutions(p))).toEqual([1.5, 1.5, 1.5]);
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

describe('reuse of the eager check at synth', () => {
  const current = (o: CheckedApiObject) => (o as unknown as { eagerResultsCurrent(): boolean }).eagerResultsCurrent();

  it('holds for every checked object of the examples app', async () => {
    const { buildExamplesApp } = await import('../examples/app');
    const { charts } = buildExamplesApp({ outdir: Testing.app().outdir });
    const checked = charts.flatMap(({ chart }) => chart.node.findAll()).filter((c): c is CheckedApiObject => c instanceof CheckedApiObject);
    expect(checked.length).toBeGreaterThan(40);
    expect(checked.filter((o) => !current(o)).map((o) => o.node.path)).toEqual([]);
  });

  it('ends with a patch, a metadata change or an add*() patch', () => {
    const chart = Testing.chart();
    const pod = (id: string) => new Pod(chart, id, { metadata: { name: id }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const [patched, labelled, annotated] = [pod('a'), pod('b'), pod('c')];
    const grown = new GrowingPod(chart, 'g');
    expect([patched, labelled, annotated, grown].map(current)).toEqual([true, true, true, true]);
    patched.addJsonPatch(JsonPatch.add('/spec/hostname', 'h'));
    labelled.metadata.addLabel('team', 'a');
    annotated.metadata.add('generateName', 'c-');
    grown.addContainer('d');
    expect([patched, labelled, annotated, grown].map(current)).toEqual([false, false, false, false]);
  });

  it('is refused by the props themselves: they are frozen, an in-place change throws', () => {
    const app = Testing.app();
    const p = new GrowingPod(new Chart(app, 'c'), 'p');
    expect(() => p.addContainerInPlace('c')).toThrow(TypeError);
    expect(current(p)).toBe(true);
    expect(Testing.synth(app.charts[0]!)).toEqual([expect.objectContaining({ spec: { containers: [{ name: 'c', image: 'x' }] } })]);
  });

  it('does not hold when the props hold a value cdk8s resolves later (a Lazy)', () => {
    const app = Testing.app();
    const p = new LazyImagePod(new Chart(app, 'c'), 'p');
    expect(current(p)).toBe(false);
    p.image = '';
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.image: .*\[objects\/image-required\]/);
  });

  it('passes the Lazy value it resolves to when that keeps the rules', () => {
    const app = Testing.app();
    const p = new LazyImagePod(new Chart(app, 'c'), 'p');
    p.image = 'nginx';
    expect(app.synthYaml()).toContain('image: nginx');
  });

  it('does not hold in an app with a custom resolver: it may change any value, and the rules see what it wrote', () => {
    const app = new App({ outdir: Testing.app().outdir, resolvers: [new RaisingResolver(), new LazyResolver(), new ImplicitTokenResolver(), new NumberStringUnionResolver()] });
    const p = new CountingPod(new Chart(app, 'c'), 'p');
    expect(current(p)).toBe(false);
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.resources\.requests\.memory: .*\[resources\/request-exceeds-limit\]/);
  });

  it('holds in an app with the built-in resolvers only, listed explicitly', () => {
    const app = new App({ outdir: Testing.app().outdir, resolvers: [new LazyResolver(), new ImplicitTokenResolver(), new NumberStringUnionResolver()] });
    const p = new CountingPod(new Chart(app, 'c'), 'p');
    expect(current(p)).toBe(true);
    expect(app.synthYaml()).toContain('memory: 100Mi');
  });
});

describe('instanceof', () => {
  it('is false for a plain ApiObject against a checked construct class (cdk8s answers true for any ApiObject by default)', async () => {
    const { StaticPod } = await import('./static-pod');
    const chart = Testing.chart();
    const plain = new ApiObject(chart, 'plain', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    expect(plain instanceof CheckedApiObject).toBe(false);
    expect(plain instanceof StaticPod).toBe(false);
    expect(plain instanceof ApiObject).toBe(true);
  });

  it('is true for a checked construct, and ApiObject still recognises it', () => {
    const pod = new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(pod instanceof CheckedApiObject).toBe(true);
    expect(pod instanceof Pod).toBe(true);
    expect(pod instanceof ApiObject).toBe(true);
  });
});

describe('the eager check\'s metadata', () => {
  const eager = (o: CheckedApiObject) => (o as unknown as { eagerMetadata(): unknown }).eagerMetadata();

  it('is what cdk8s writes, for every checked object of the examples app', async () => {
    const { buildExamplesApp } = await import('../examples/app');
    const { charts } = buildExamplesApp({ outdir: Testing.app().outdir });
    const checked = charts.flatMap(({ chart }) => chart.node.findAll()).filter((c): c is CheckedApiObject => c instanceof CheckedApiObject);
    expect(checked.length).toBeGreaterThan(40);
    for (const o of checked) expect(eager(o)).toStrictEqual(o.metadata.toJson());
  });

  it.each([
    ['chart labels and namespace, generated name', { labels: { team: 'a', app: 'chart' } , namespace: 'ns' }, undefined],
    ['own labels win over the chart\'s, own namespace over the chart\'s', { labels: { app: 'chart' }, namespace: 'ns' }, { namespace: 'own', labels: { app: 'own' } }],
    ['empty labels, annotations, finalizers and owner references vanish', {}, { name: 'e', labels: {}, annotations: {}, finalizers: [], ownerReferences: [] }],
    ['every field, unsorted', {}, { name: 'z', generateName: 'z-', annotations: { b: '2', a: '1' }, finalizers: ['f'], ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'o', uid: 'u' }], labels: { y: '1', x: '2' } }],
  ] as [string, { labels?: Record<string, string>; namespace?: string }, Record<string, unknown> | undefined][])('is what cdk8s writes: %s', (_name, chartProps, metadata) => {
    const chart = new Chart(Testing.app(), 'c', chartProps);
    const pod = new Pod(chart, 'p', { ...(metadata ? { metadata: metadata as never } : {}), spec: { containers: [{ name: 'c', image: 'x' }] } });
    expect(eager(pod)).toStrictEqual(pod.metadata.toJson());
  });

  it('comes from cdk8s after a metadata change', () => {
    const pod = new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    pod.metadata.addLabel('late', Lazy.any({ produce: () => 'v' }) as unknown as string);
    expect(eager(pod)).toStrictEqual({ name: 'p', labels: { late: 'v' } });
  });
});
