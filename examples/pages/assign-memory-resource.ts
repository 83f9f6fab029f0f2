/** コンテナおよびPodへのメモリーリソースの割り当て (assign-memory-resource). */
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

const stress = (vmBytes: string) => ({ command: ['stress'], args: ['--vm', '1', '--vm-bytes', vmBytes, '--vm-hang', '1'] });

export const assignMemoryResource: ExamplePage = {
  page: 'assign-memory-resource',
  examples: [
    {
      reference: 'manifests/assign-memory-resource/memory-request-limit.yaml',
      build: (chart) =>
        new Pod(chart, 'memory-demo', {
          metadata: { name: 'memory-demo', namespace: 'mem-example' },
          spec: {
            containers: [
              { name: 'memory-demo-ctr', image: 'polinux/stress', resources: { limits: { memory: '200Mi' }, requests: { memory: '100Mi' } }, ...stress('150M') },
            ],
          },
        }),
    },
    {
      reference: 'manifests/assign-memory-resource/memory-request-limit-2.yaml',
      build: (chart) =>
        new Pod(chart, 'memory-demo-2', {
          metadata: { name: 'memory-demo-2', namespace: 'mem-example' },
          spec: {
            containers: [
              { name: 'memory-demo-2-ctr', image: 'polinux/stress', resources: { requests: { memory: '50Mi' }, limits: { memory: '100Mi' } }, ...stress('250M') },
            ],
          },
        }),
    },
    {
      reference: 'manifests/assign-memory-resource/as-printed/memory-request-limit-3.yaml',
      build: (chart) =>
        new Pod(chart, 'memory-demo-3', {
          metadata: { name: 'memory-demo-3', namespace: 'mem-example' },
          spec: {
            containers: [
              { name: 'memory-demo-3-ctr', image: 'polinux/stress', resources: { limits: { memory: '1000Gi' }, requests: { memory: '1000Gi' } }, ...stress('150M') },
            ],
          },
        }),
    },
  ],
};
