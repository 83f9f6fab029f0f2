import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../testing/golden';
import type { Container, PodLike } from '../k8s';
import { checkQosClass, qosClassOf } from './qos';

const REF = path.join(__dirname, '..', '..', 'snapshots', 'reference', 'manifests', 'quality-service-pod');
const readPod = (file: string) => parseManifests(fs.readFileSync(path.join(REF, file), 'utf8'))[0] as unknown as PodLike;
const pod = (containers: Partial<Container>[], initContainers?: Partial<Container>[]): PodLike => ({
  spec: {
    containers: containers.map((c, i) => ({ name: `c${i}`, image: 'x', ...c })),
    ...(initContainers ? { initContainers: initContainers.map((c, i) => ({ name: `i${i}`, image: 'x', ...c })) } : {}),
  },
});
const both = (cpu: string, memory: string) => ({ resources: { limits: { cpu, memory }, requests: { cpu, memory } } });

describe('qosClassOf on the docs pods (the page prints the class)', () => {
  it.each([
    ['as-printed/qos-pod.yaml', 'Guaranteed'],
    ['qos-pod.yaml', 'Guaranteed'],
    ['qos-pod-2.yaml', 'Burstable'],
    ['qos-pod-3.yaml', 'BestEffort'],
    ['qos-pod-4.yaml', 'Burstable'],
  ])('%s is %s', (file, cls) => {
    expect(qosClassOf(readPod(file))).toBe(cls);
  });
});

describe('qosClassOf on tricky cases', () => {
  it.each([
    ['limits only: requests default to them', [{ resources: { limits: { cpu: '1', memory: '1Gi' } } }], undefined, 'Guaranteed'],
    ['equal in different spellings', [{ resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1073741824' } } }], undefined, 'Guaranteed'],
    ['cpu only', [{ resources: { limits: { cpu: '1' } } }], undefined, 'Burstable'],
    ['request below limit', [{ resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } } }], undefined, 'Burstable'],
    ['one guaranteed and one empty container', [both('1', '1Gi'), {}], undefined, 'Burstable'],
    ['an init container without limits breaks Guaranteed', [both('1', '1Gi')], [{}], 'Burstable'],
    ['an init container with equal limits keeps Guaranteed', [both('1', '1Gi')], [both('2', '2Gi')], 'Guaranteed'],
    ['an init container alone makes Burstable', [{}], [{ resources: { requests: { memory: '1Mi' } } }], 'Burstable'],
    ['only extended resources: BestEffort', [{ resources: { limits: { 'example.com/dongle': '1' } } }], undefined, 'BestEffort'],
    ['only ephemeral-storage: BestEffort', [{ resources: { requests: { 'ephemeral-storage': '1Gi' } } }], undefined, 'BestEffort'],
    ['zero requests do not count', [{ resources: { requests: { cpu: '0', memory: '0' } } }], undefined, 'BestEffort'],
    ['zero limits break Guaranteed', [{ resources: { limits: { cpu: '0', memory: '1Gi' } } }], undefined, 'Burstable'],
    ['extra extended resource keeps Guaranteed', [{ resources: { limits: { cpu: '1', memory: '1Gi', 'example.com/d': '2' } } }], undefined, 'Guaranteed'],
  ] as const)('%s', (_n, containers, init, cls) => {
    expect(qosClassOf(pod(containers as unknown as Partial<Container>[], init as unknown as Partial<Container>[] | undefined))).toBe(cls);
  });
});

describe('checkQosClass', () => {
  it('fails when a pod declared Guaranteed is Burstable', () => {
    const v = checkQosClass(pod([{ resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '512Mi' } } }]), 'Guaranteed');
    expect(v.map((x) => [x.rule, x.path])).toEqual([['qos/class-mismatch', 'spec.containers']]);
    expect(v[0]!.message).toBe('the pod was declared Guaranteed but its resources make it Burstable');
  });

  it('passes when a pod declared Guaranteed is Guaranteed', () => {
    expect(checkQosClass(pod([both('1', '1Gi')]), 'Guaranteed')).toEqual([]);
  });
});
