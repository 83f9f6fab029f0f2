import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { Quantity } from '../lib/quantity';
import { Pod } from './pod';
import { thrownRulePaths } from '../testing/violations';

/** The violations a construct throws eagerly, as [rule, path]. */

describe('Pod', () => {
  it('emits exactly the props, with no injected field', () => {
    const chart = Testing.chart();
    new Pod(chart, 'p', {
      metadata: { name: 'cpu-demo', namespace: 'cpu-example' },
      spec: { containers: [{ name: 'c', image: 'vish/stress', resources: { limits: { cpu: '1' }, requests: { cpu: '0.5' } }, args: ['-cpus', '2'] }] },
    });
    expect(Testing.synth(chart)).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'cpu-demo', namespace: 'cpu-example' },
        spec: { containers: [{ args: ['-cpus', '2'], image: 'vish/stress', name: 'c', resources: { limits: { cpu: '1' }, requests: { cpu: '0.5' } } }] },
      },
    ]);
  });

  it('emits quantities as written, and Quantity values canonically', () => {
    const chart = Testing.chart();
    new Pod(chart, 'p', {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { memory: Quantity.parse('0.5Gi'), cpu: 2 }, requests: { memory: '100Mi', cpu: '0.5' } } }] },
    });
    const [obj] = Testing.synth(chart) as { spec: { containers: { resources: unknown }[] } }[];
    expect(obj!.spec.containers[0]!.resources).toEqual({ limits: { cpu: 2, memory: '512Mi' }, requests: { cpu: '0.5', memory: '100Mi' } });
  });

  describe('the error thrown at construction', () => {
    const badPod = (chart: Chart) => new Pod(chart, 'p', { spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } }] } });
    class TeamPod extends Pod {}
    const thrown = (f: () => void): Error => {
      try {
        f();
      } catch (e) {
        return e as Error;
      }
      throw new Error('nothing thrown');
    };
    const frames = (e: Error) => e.stack!.split('\n').filter((l) => /^\s+at /.test(l));

    it('has a trace that starts at the caller of the construct, with no frame inside the package', () => {
      for (const make of [(c: Chart) => badPod(c), (c: Chart) => new TeamPod(c, 'p', { spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } }] } })]) {
        const e = thrown(() => make(Testing.chart()));
        expect(e.name).toBe('ViolationError');
        expect(e.stack).toContain('[resources/request-exceeds-limit]');
        expect(frames(e)[0]).toContain('pod.test.ts');
        expect(e.stack).not.toMatch(/checkNow|checked-api-object|constructs[\\/]pod\.ts/);
      }
    });

    it('keeps its violations readable but out of what Node prints (the message lists them)', () => {
      const e = thrown(() => badPod(Testing.chart())) as Error & { violations: { rule: string }[] };
      expect(e.violations.map((v) => v.rule)).toEqual(['resources/request-exceeds-limit']);
      expect(Object.keys(e)).not.toContain('violations');
      expect(inspect(e)).not.toContain('violations:');
      expect(inspect(e)).toContain('must be less than or equal to memory limit of 200Mi');
    });

    it('passes: the same pod within its limit', () => {
      expect(() => new Pod(Testing.chart(), 'p', { spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '200Mi' }, limits: { memory: '200Mi' } } }] } })).not.toThrow();
    });
  });

  it('fails when a request exceeds its limit', () => {
    expect(
      thrownRulePaths(() => new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } }] } })),
    ).toEqual([['resources/request-exceeds-limit', 'spec.containers[0].resources.requests']]);
  });

  it('passes when the request equals the limit', () => {
    expect(
      thrownRulePaths(() => new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '200Mi' }, limits: { memory: '200Mi' } } }] } })),
    ).toEqual([]);
  });

  it('fails when cpu is written finer than 1m', () => {
    expect(thrownRulePaths(() => new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '0.0001' } } }] } }))).toEqual([
      ['resources/cpu-precision', 'spec.containers[0].resources.requests[cpu]'],
    ]);
  });

  it('lists every violation at once', () => {
    const v = thrownRulePaths(
      () =>
        new Pod(Testing.chart(), 'p', {
          metadata: { name: 'P' },
          spec: { containers: [{ name: 'c', image: 'x' }, { name: 'c', image: 'x', resources: { limits: { memory: '12XB' as '12M' } } }] },
        }),
    );
    expect(v).toEqual([
      ['objects/name-invalid', 'metadata.name'],
      ['objects/container-name-duplicate', 'spec.containers[1].name'],
      ['resources/invalid-quantity', 'spec.containers[1].resources.limits[memory]'],
    ]);
  });

  it('exposes its QoS class', () => {
    const p = new Pod(Testing.chart(), 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }] } });
    expect(p.qosClass).toBe('Guaranteed');
  });

  it('fails at synth when an escape hatch breaks a rule, naming the construct, rule and path', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'c');
    const p = new Pod(chart, 'p', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '100Mi' }, limits: { memory: '200Mi' } } }] } });
    p.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/requests/memory', '300Mi'));
    expect(() => app.synthYaml()).toThrow(/\[c\/p\] spec\.containers\[0\]\.resources\.requests: .*\[resources\/request-exceeds-limit\]/);
  });

  it('writes nothing when any chart of the app is invalid', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'podkit-out-'));
    const app = new App({ outdir });
    new Pod(new Chart(app, 'good'), 'p', { metadata: { name: 'good' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    const bad = new Pod(new Chart(app, 'bad'), 'p', { metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
    bad.addJsonPatch(JsonPatch.add('/spec/containers/-', { name: 'c', image: 'y' }));
    expect(() => app.synth()).toThrow(/objects\/container-name-duplicate/);
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});

describe('strict mode (warnings fail too)', () => {
  /** A pod whose only finding is a warning of ours: runAsNonRoot with uid 0, which the kubelet refuses to start. */
  const warned = (chart: Chart, id: string, strict?: boolean) =>
    new Pod(chart, id, { ...(strict === undefined ? {} : { strict }), metadata: { name: id }, spec: { containers: [{ name: 'c', image: 'x', securityContext: { runAsNonRoot: true, runAsUser: 0 } }] } });
  const rule = 'security-context/run-as-non-root-with-root-user';

  const withStrictEnv = <T>(value: string | undefined, f: () => T): T => {
    const before = process.env.PODKIT_STRICT;
    if (value === undefined) delete process.env.PODKIT_STRICT;
    else process.env.PODKIT_STRICT = value;
    try {
      return f();
    } finally {
      if (before === undefined) delete process.env.PODKIT_STRICT;
      else process.env.PODKIT_STRICT = before;
    }
  };

  it('fails on a warning with strict: true', () => {
    expect(thrownRulePaths(() => warned(Testing.chart(), 'p', true))).toEqual([[rule, 'spec.containers[0].securityContext.runAsUser']]);
  });

  it('fails on a warning when PODKIT_STRICT=1 and the option is not given', () => {
    expect(withStrictEnv('1', () => thrownRulePaths(() => warned(Testing.chart(), 'p')))).toEqual([[rule, 'spec.containers[0].securityContext.runAsUser']]);
  });

  it('passes the warning (printed, not thrown) without either, or when strict: false overrides PODKIT_STRICT=1', () => {
    expect(withStrictEnv(undefined, () => warned(Testing.chart(), 'p'))).toBeInstanceOf(Pod);
    expect(withStrictEnv('1', () => warned(Testing.chart(), 'q', false))).toBeInstanceOf(Pod);
  });
});
