/** Node Affinityを利用してPodをノードに割り当てる (assign-pods-nodes-using-node-affinity). */
import type { NodeSelectorTermProps } from '../../constructs/node-affinity';
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

const nginx = { name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' } as const;
const ssd: NodeSelectorTermProps = { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] };

export const assignPodsNodesUsingNodeAffinity: ExamplePage = {
  page: 'assign-pods-nodes-using-node-affinity',
  examples: [
    {
      reference: 'manifests/assign-pods-nodes-using-node-affinity/pod-nginx-required-affinity.yaml',
      build: (chart) =>
        new Pod(chart, 'nginx', {
          metadata: { name: 'nginx' },
          spec: {
            affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [ssd] } } },
            containers: [nginx],
          },
        }),
    },
    {
      reference: 'manifests/assign-pods-nodes-using-node-affinity/pod-nginx-preferred-affinity.yaml',
      build: (chart) =>
        new Pod(chart, 'nginx', {
          metadata: { name: 'nginx' },
          spec: {
            affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: ssd }] } },
            containers: [nginx],
          },
        }),
    },
  ],
};
