/** 拡張リソースをコンテナに割り当てる (extended-resource). */
import { extendedResources } from '../../constructs/extended-resources';
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

const dongles = (name: string, count: number) => (chart: Parameters<ExamplePage['examples'][number]['build']>[0]) =>
  new Pod(chart, name, {
    metadata: { name },
    spec: { containers: [{ name: `${name}-ctr`, image: 'nginx', resources: extendedResources({ 'example.com/dongle': count }) }] },
  });

export const extendedResource: ExamplePage = {
  page: 'extended-resource',
  examples: [
    { reference: 'manifests/extended-resource/as-printed/extended-resource-pod.yaml', build: dongles('extended-resource-demo', 3) },
    // Pending on the page's cluster (one node with 4 dongles, 3 taken): see lib/rules/schedulability.test.ts
    { reference: 'manifests/extended-resource/extended-resource-pod-2.yaml', build: dongles('extended-resource-demo-2', 2) },
  ],
};
