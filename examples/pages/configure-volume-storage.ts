/** ストレージにボリュームを使用するPodを構成する (configure-volume-storage): an emptyDir that outlives container restarts. */
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

export const configureVolumeStorage: ExamplePage = {
  page: 'configure-volume-storage',
  examples: [
    {
      reference: 'manifests/configure-volume-storage/as-printed/redis.yaml',
      build: (chart) =>
        new Pod(chart, 'redis', {
          metadata: { name: 'redis' },
          spec: {
            containers: [{ name: 'redis', image: 'redis', volumeMounts: [{ name: 'redis-storage', mountPath: '/data/redis' }] }],
            volumes: [{ name: 'redis-storage', emptyDir: {} }],
          },
        }),
    },
  ],
};
