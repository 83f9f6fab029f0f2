import { Testing } from 'cdk8s';
import { describe, expectTypeOf, it } from 'vitest';
import { Quantity } from '../lib/quantity';
import { Pod } from './pod';
import { BestEffortPod, GuaranteedPod } from './qos-pods';

describe('QoS pod types', () => {
  it('Guaranteed containers take one value per resource', () => {
    const chart = Testing.chart();
    new GuaranteedPod(chart, 'ok', { spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '700m', memory: '200Mi' } }] } });
    // @ts-expect-error a Guaranteed container needs a memory value as well as cpu
    new GuaranteedPod(chart, 'no-memory', { spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '700m' } }] } });
    // @ts-expect-error separate requests and limits are not expressible for a Guaranteed container
    new GuaranteedPod(chart, 'split', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' }, requests: { cpu: '1' } } }] } });
  });

  it('BestEffort containers take no resources', () => {
    const chart = Testing.chart();
    new BestEffortPod(chart, 'ok', { spec: { containers: [{ name: 'c', image: 'x' }] } });
    // @ts-expect-error a BestEffort container cannot have resources
    new BestEffortPod(chart, 'res', { spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { memory: '1Mi' } } }] } });
  });

  it('exposes the QoS class as a literal type', () => {
    const pod = new GuaranteedPod(Testing.chart(), 'g', { spec: { containers: [{ name: 'c', image: 'x', resources: { cpu: '1', memory: '1Gi' } }] } });
    expectTypeOf(pod.qosClass).toEqualTypeOf<'Guaranteed'>();
  });

  it('quantities take literals, numbers, Quantity values and widened strings (the syntax is checked at synth)', () => {
    const chart = Testing.chart();
    new Pod(chart, 'ok', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { memory: '1000Gi', cpu: '0.5' }, requests: { memory: '129e6', cpu: '700m' } } }] } });
    const fromFile: string = '100Mi';
    new Pod(chart, 'wide', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { memory: fromFile } } }] } });
    new Pod(chart, 'parsed', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { memory: Quantity.parse(fromFile) } } }] } });
    // @ts-expect-error a quantity is a string, a number or a Quantity, never a boolean
    new Pod(chart, 'bool', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { memory: true } } }] } });
  });

  it('a resources object declared without `as const` is one value per resource of a Guaranteed container', () => {
    const chart = Testing.chart();
    const res = { cpu: '500m', memory: '128Mi' };
    new GuaranteedPod(chart, 'wide', { spec: { containers: [{ name: 'c', image: 'x', resources: res }] } });
    const cpuOnly = { cpu: '500m' };
    // @ts-expect-error a widened object without memory is still not Guaranteed
    new GuaranteedPod(chart, 'cpu-only', { spec: { containers: [{ name: 'c', image: 'x', resources: cpuOnly }] } });
  });

  it('a BestEffort container may still limit ephemeral-storage (it does not decide the QoS class)', () => {
    const chart = Testing.chart();
    new BestEffortPod(chart, 'eph', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'ephemeral-storage': '1Gi' } } }] } });
    // @ts-expect-error a BestEffort container cannot limit memory
    new BestEffortPod(chart, 'mem', { spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { 'ephemeral-storage': '1Gi', memory: '1Gi' } } }] } });
  });
});
