/**
 * Pod初期化の設定 (configure-pod-initialization). The page's prose says the init container fetches
 * http://info.cern.ch; its manifest fetches http://kubernetes.io, and the manifest is what is reproduced.
 */
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

export const configurePodInitialization: ExamplePage = {
  page: 'configure-pod-initialization',
  examples: [
    {
      reference: 'manifests/configure-pod-initialization/init-containers.yaml',
      build: (chart) =>
        new Pod(chart, 'init-demo', {
          metadata: { name: 'init-demo' },
          spec: {
            containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], volumeMounts: [{ name: 'workdir', mountPath: '/usr/share/nginx/html' }] }],
            // Run to completion, in order, before the app container starts; they share the `workdir` volume.
            initContainers: [
              {
                name: 'install',
                image: 'busybox',
                command: ['wget', '-O', '/work-dir/index.html', 'http://kubernetes.io'],
                volumeMounts: [{ name: 'workdir', mountPath: '/work-dir' }],
              },
            ],
            dnsPolicy: 'Default',
            volumes: [{ name: 'workdir', emptyDir: {} }],
          },
        }),
    },
  ],
};
