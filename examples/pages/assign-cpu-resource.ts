/** コンテナおよびPodへのCPUリソースの割り当て (assign-cpu-resource). */
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

export const assignCpuResource: ExamplePage = {
  page: 'assign-cpu-resource',
  examples: [
    {
      reference: 'manifests/assign-cpu-resource/cpu-request-limit.yaml',
      build: (chart) =>
        new Pod(chart, 'cpu-demo', {
          metadata: { name: 'cpu-demo', namespace: 'cpu-example' },
          spec: {
            containers: [{ name: 'cpu-demo-ctr', image: 'vish/stress', resources: { limits: { cpu: '1' }, requests: { cpu: '0.5' } }, args: ['-cpus', '2'] }],
          },
        }),
    },
    {
      reference: 'manifests/assign-cpu-resource/cpu-request-limit-2.yaml',
      build: (chart) =>
        new Pod(chart, 'cpu-demo-2', {
          metadata: { name: 'cpu-demo-2', namespace: 'cpu-example' },
          spec: {
            containers: [{ name: 'cpu-demo-ctr-2', image: 'vish/stress', resources: { limits: { cpu: '100' }, requests: { cpu: '100' } }, args: ['-cpus', '2'] }],
          },
        }),
    },
  ],
};
