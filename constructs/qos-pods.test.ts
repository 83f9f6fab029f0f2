import { Chart, JsonPatch, Testing } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { BestEffortPod, BurstablePod, GuaranteedPod } from './qos-pods';
import { thrownRulePaths } from '../testing/violations';


describe('GuaranteedPod', () => {
  it('emits each value as both the request and the limit', () => {
    const chart = Testing.chart();
    const pod = new GuaranteedPod(chart, 'g', {
      metadata: { name: 'qos-demo', namespace: 'qos-example' },
      spec: { containers: [{ name: 'qos-demo-ctr', image: 'nginx', resources: { memory: '200Mi', cpu: '700m' } }] },
    });
    expect(pod.qosClass).toBe('Guaranteed');
    const [obj] = Testing.synth(chart) as { spec: { containers: { resources: unknown }[] } }[];
    expect(obj!.spec.containers[0]!.resources).toEqual({ limits: { cpu: '700m', memory: '200Mi' }, requests: { cpu: '700m', memory: '200Mi' } });
  });

  it('fails at synth when an escape hatch makes limits differ from requests', () => {
    const app = Testing.app();
    const pod = new GuaranteedPod(new Chart(app, 'c'), 'g', { metadata: { name: 'g' }, spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '1', memory: '1Gi' } }] } });
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/limits/cpu', '2'));
    expect(() => app.synthYaml()).toThrow(/spec\.containers: the pod was declared Guaranteed but its resources make it Burstable \[qos\/class-mismatch\]/);
  });

  it('passes at synth when an escape hatch keeps limits equal to requests', () => {
    const app = Testing.app();
    const pod = new GuaranteedPod(new Chart(app, 'c'), 'g', { metadata: { name: 'g' }, spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '1', memory: '1Gi' } }] } });
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/limits/cpu', '1000m'));
    expect(() => app.synthYaml()).not.toThrow();
  });

  it('fails at synth when a subclass tries to switch the promise off', () => {
    // The promise is kept in the base's private list: no method a subclass can override removes it.
    class Lenient extends GuaranteedPod {
      promiseViolations(): never[] {
        return [];
      }
      override violations(): never[] {
        return [];
      }
    }
    const app = Testing.app();
    const pod = new Lenient(new Chart(app, 'c'), 'g', { metadata: { name: 'g' }, spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '1', memory: '1Gi' } }] } });
    expect(pod.promiseNames).toEqual(['QoS class Guaranteed']);
    pod.addJsonPatch(JsonPatch.replace('/spec/containers/0/resources/limits/cpu', '2'));
    expect(() => app.synthYaml()).toThrow(/\[qos\/class-mismatch\]/);
  });

  it('passes at synth for the same subclass when the promise holds', () => {
    class Lenient extends GuaranteedPod {
      promiseViolations(): never[] {
        return [];
      }
    }
    const app = Testing.app();
    new Lenient(new Chart(app, 'c'), 'g', { metadata: { name: 'g' }, spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '1', memory: '1Gi' } }] } });
    expect(() => app.synthYaml()).not.toThrow();
  });

  it('fails when a wrongly typed value sneaks in (the runtime rule is the authority)', () => {
    const resources = { cpu: '1', memory: undefined } as unknown as { cpu: '1'; memory: '1Gi' };
    expect(thrownRulePaths(() => new GuaranteedPod(Testing.chart(), 'g', { metadata: { name: 'g' }, spec: { containers: [{ name: 'c', image: 'x', resources }] } }))).toEqual([
      ['qos/class-mismatch', 'spec.containers'],
    ]);
  });
});

describe('BurstablePod', () => {
  it('fails when its resources make it Guaranteed', () => {
    expect(
      thrownRulePaths(() => new BurstablePod(Testing.chart(), 'b', { metadata: { name: 'b' }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' } } }] } })),
    ).toEqual([['qos/class-mismatch', 'spec.containers']]);
  });

  it('passes when one resource has a request below its limit', () => {
    const b = new BurstablePod(Testing.chart(), 'b', {
      metadata: { name: 'b' },
      spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }] },
    });
    expect(b.qosClass).toBe('Burstable');
  });

  it('fails when it has no resources at all', () => {
    expect(thrownRulePaths(() => new BurstablePod(Testing.chart(), 'b', { metadata: { name: 'b' }, spec: { containers: [{ name: 'c', image: 'x' }] } }))).toEqual([
      ['qos/class-mismatch', 'spec.containers'],
    ]);
  });
});

describe('BestEffortPod', () => {
  it('passes with containers without resources', () => {
    expect(new BestEffortPod(Testing.chart(), 'e', { metadata: { name: 'e' }, spec: { containers: [{ name: 'c', image: 'x' }] } }).qosClass).toBe('BestEffort');
  });

  it('fails when resources sneak in through a cast', () => {
    const container = { name: 'c', image: 'x', resources: { requests: { memory: '1Mi' } } } as unknown as { name: string; image: string };
    expect(thrownRulePaths(() => new BestEffortPod(Testing.chart(), 'e', { metadata: { name: 'e' }, spec: { containers: [container] } }))).toEqual([
      ['qos/class-mismatch', 'spec.containers'],
    ]);
  });
});
