/** static Podを作成する (static-pod): the static-web Pod for my-node1's staticPodPath. */
import { StaticPod } from '../../constructs/static-pod';
import type { ExamplePage } from '../registry';

export const staticPod: ExamplePage = {
  page: 'static-pod',
  examples: [
    {
      // the example's chart holds only this Pod: its file is /etc/kubelet.d/static-web.yaml on my-node1
      reference: 'manifests/static-pod/inline-static-web.yaml',
      build: (chart) =>
        new StaticPod(chart, 'static-web', {
          node: 'my-node1',
          staticPodPath: '/etc/kubelet.d',
          metadata: { name: 'static-web', labels: { role: 'myrole' } },
          spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'web', containerPort: 80, protocol: 'TCP' }] }] },
        }),
    },
  ],
};
