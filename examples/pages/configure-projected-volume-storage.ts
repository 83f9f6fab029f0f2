/**
 * ストレージにProjectedボリュームを使用するようPodを設定する (configure-projected-volume-storage). The Secrets
 * `user` and `pass` are made by the page with `kubectl create secret generic … --from-file`, outside the
 * manifest: they are declared external here, not assumed.
 */
import { ExternalSecret, secretProjection } from '../../constructs/config-map-references';
import { Pod } from '../../constructs/pod';
import { projectedVolume, volumeMount } from '../../constructs/volumes';
import type { ExamplePage } from '../registry';

export const configureProjectedVolumeStorage: ExamplePage = {
  page: 'configure-projected-volume-storage',
  examples: [
    {
      reference: 'manifests/configure-projected-volume-storage/as-printed/projected.yaml',
      build: (chart) => {
        const user = new ExternalSecret(chart, 'user', { name: 'user' });
        const pass = new ExternalSecret(chart, 'pass', { name: 'pass' });
        const allInOne = projectedVolume('all-in-one', [secretProjection(user), secretProjection(pass)]);
        new Pod(chart, 'test-projected-volume', {
          metadata: { name: 'test-projected-volume' },
          spec: {
            containers: [
              {
                name: 'test-projected-volume',
                image: 'busybox',
                args: ['sleep', '86400'],
                volumeMounts: [volumeMount(allInOne, '/projected-volume', { readOnly: true })],
              },
            ],
            volumes: [allInOne],
          },
        });
      },
    },
  ],
};
