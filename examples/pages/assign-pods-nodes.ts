/** Podをノードに割り当てる (assign-pods-nodes): nodeSelector and nodeName. */
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

const nginx = { name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' } as const;

export const assignPodsNodes: ExamplePage = {
  page: 'assign-pods-nodes',
  examples: [
    {
      reference: 'manifests/assign-pods-nodes/as-printed/pod-nginx.yaml',
      build: (chart) =>
        new Pod(chart, 'nginx', {
          metadata: { name: 'nginx', labels: { env: 'test' } },
          spec: { containers: [nginx], nodeSelector: { disktype: 'ssd' } },
        }),
    },
    {
      reference: 'manifests/assign-pods-nodes/pod-nginx-specific-node.yaml',
      build: (chart) =>
        new Pod(chart, 'nginx', {
          metadata: { name: 'nginx' },
          // 特定のノードにPodをスケジューリングする
          spec: { nodeName: 'foo-node', containers: [nginx] },
        }),
    },
  ],
};
