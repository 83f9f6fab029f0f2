/** ストレージにボリュームを使用するPodを構成する (configure-volume-storage): an emptyDir that outlives container restarts. */
import { Pod } from '../../constructs/pod';
import { emptyDirVolume, volumeMount } from '../../constructs/volumes';
import type { ExamplePage } from '../registry';

export const configureVolumeStorage: ExamplePage = {
  page: 'configure-volume-storage',
  examples: [
    {
      reference: 'manifests/configure-volume-storage/as-printed/redis.yaml',
      build: (chart) => {
        const storage = emptyDirVolume('redis-storage');
        new Pod(chart, 'redis', {
          metadata: { name: 'redis' },
          spec: { containers: [{ name: 'redis', image: 'redis', volumeMounts: [volumeMount(storage, '/data/redis')] }], volumes: [storage] },
        });
      },
    },
  ],
};
