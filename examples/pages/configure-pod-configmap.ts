/**
 * Podを構成してConfigMapを使用する (configure-pod-configmap). The ConfigMaps the page prints as kubectl output are
 * generated here from the page's input files (snapshots/reference/files/) by the same rules as kubectl, not typed in.
 */
import * as path from 'node:path';
import { ConfigMap, ConfigMapFromEnvFile, ConfigMapFromFiles, ConfigMapFromLiterals } from '../../constructs/config-map';
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

/** The page's working directory: `configmap/` and `configmap-env/` hold its input files. */
const FILES = path.resolve(__dirname, '../../snapshots/reference/files');
const M = 'manifests/configure-pod-configmap';
const busybox = { name: 'test-container', image: 'registry.k8s.io/busybox' };
const keyRef = (name: string, key: string) => ({ configMapKeyRef: { name, key } });

export const configurePodConfigmap: ExamplePage = {
  page: 'configure-pod-configmap',
  examples: [
    {
      // kubectl create configmap game-config --from-file=configure-pod-container/configmap/
      reference: `${M}/inline-output-game-config.yaml`,
      build: (chart) => new ConfigMapFromFiles(chart, 'game-config', { name: 'game-config', baseDir: FILES, files: ['configmap/'] }),
    },
    {
      // kubectl create configmap game-config-env-file --from-env-file=configure-pod-container/configmap/game-env-file.properties
      reference: `${M}/inline-output-game-config-env-file.yaml`,
      build: (chart) =>
        new ConfigMapFromEnvFile(chart, 'game-config-env-file', {
          name: 'game-config-env-file', baseDir: FILES, envFiles: ['configmap-env/game-env-file.properties'], environment: {},
        }),
    },
    {
      // two --from-env-file: current kubectl merges them (the page shows only the last; see snapshots/deviations.json)
      reference: `${M}/inline-output-config-multi-env-files.yaml`,
      build: (chart) =>
        new ConfigMapFromEnvFile(chart, 'config-multi-env-files', {
          name: 'config-multi-env-files',
          baseDir: FILES,
          envFiles: ['configmap-env/game-env-file.properties', 'configmap-env/ui-env-file.properties'],
          environment: {},
        }),
    },
    {
      // kubectl create configmap game-config-3 --from-file=game-special-key=configure-pod-container/configmap/game.properties
      reference: `${M}/inline-output-game-config-3.yaml`,
      build: (chart) => new ConfigMapFromFiles(chart, 'game-config-3', { name: 'game-config-3', baseDir: FILES, files: ['game-special-key=configmap/game.properties'] }),
    },
    {
      // kubectl create configmap special-config --from-literal=special.how=very --from-literal=special.type=charm
      reference: `${M}/inline-output-special-config.yaml`,
      build: (chart) => new ConfigMapFromLiterals(chart, 'special-config', { name: 'special-config', literals: ['special.how=very', 'special.type=charm'] }),
    },
    {
      reference: `${M}/configmaps.yaml`,
      build: (chart) => {
        new ConfigMap(chart, 'special-config', { metadata: { name: 'special-config', namespace: 'default' }, data: { 'special.how': 'very' } });
        new ConfigMap(chart, 'env-config', { metadata: { name: 'env-config', namespace: 'default' }, data: { log_level: 'INFO' } });
      },
    },
    {
      reference: `${M}/configmap-multikeys.yaml`,
      build: (chart) =>
        new ConfigMap(chart, 'special-config', { metadata: { name: 'special-config', namespace: 'default' }, data: { SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' } }),
    },
    {
      reference: `${M}/inline-example-config.yaml`,
      build: (chart) =>
        new ConfigMap(chart, 'example-config', {
          metadata: { name: 'example-config', namespace: 'default' },
          data: {
            // as from --from-literal
            'example.property.1': 'hello',
            'example.property.2': 'world',
            // as from --from-file
            'example.property.file': 'property.1=value-1\nproperty.2=value-2\nproperty.3=value-3',
          },
        }),
    },
    {
      reference: `${M}/pod-single-configmap-env-variable.yaml`,
      build: (chart) =>
        new Pod(chart, 'dapi-test-pod', {
          metadata: { name: 'dapi-test-pod' },
          spec: {
            containers: [{ ...busybox, command: ['/bin/sh', '-c', 'env'], env: [{ name: 'SPECIAL_LEVEL_KEY', valueFrom: keyRef('special-config', 'special.how') }] }],
            restartPolicy: 'Never',
          },
        }),
    },
    {
      reference: `${M}/pod-multiple-configmap-env-variable.yaml`,
      build: (chart) =>
        new Pod(chart, 'dapi-test-pod', {
          metadata: { name: 'dapi-test-pod' },
          spec: {
            containers: [
              {
                ...busybox,
                command: ['/bin/sh', '-c', 'env'],
                env: [
                  { name: 'SPECIAL_LEVEL_KEY', valueFrom: keyRef('special-config', 'special.how') },
                  { name: 'LOG_LEVEL', valueFrom: keyRef('env-config', 'log_level') },
                ],
              },
            ],
            restartPolicy: 'Never',
          },
        }),
    },
    {
      reference: `${M}/pod-configmap-envFrom.yaml`,
      build: (chart) =>
        new Pod(chart, 'dapi-test-pod', {
          metadata: { name: 'dapi-test-pod' },
          spec: { containers: [{ ...busybox, command: ['/bin/sh', '-c', 'env'], envFrom: [{ configMapRef: { name: 'special-config' } }] }], restartPolicy: 'Never' },
        }),
    },
    {
      reference: `${M}/pod-configmap-env-var-valueFrom.yaml`,
      build: (chart) =>
        new Pod(chart, 'dapi-test-pod', {
          metadata: { name: 'dapi-test-pod' },
          spec: {
            containers: [
              {
                ...busybox,
                command: ['/bin/echo', '$(SPECIAL_LEVEL_KEY) $(SPECIAL_TYPE_KEY)'],
                env: [
                  { name: 'SPECIAL_LEVEL_KEY', valueFrom: keyRef('special-config', 'SPECIAL_LEVEL') },
                  { name: 'SPECIAL_TYPE_KEY', valueFrom: keyRef('special-config', 'SPECIAL_TYPE') },
                ],
              },
            ],
            restartPolicy: 'Never',
          },
        }),
    },
    {
      reference: `${M}/as-printed/pod-configmap-volume.yaml`,
      build: (chart) =>
        new Pod(chart, 'dapi-test-pod', {
          metadata: { name: 'dapi-test-pod' },
          spec: {
            containers: [{ ...busybox, command: ['/bin/sh', '-c', 'ls /etc/config/'], volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config' }] }],
            volumes: [{ name: 'config-volume', configMap: { name: 'special-config' } }],
            restartPolicy: 'Never',
          },
        }),
    },
    {
      reference: `${M}/pod-configmap-volume-specific-key.yaml`,
      build: (chart) =>
        new Pod(chart, 'dapi-test-pod', {
          metadata: { name: 'dapi-test-pod' },
          spec: {
            containers: [{ ...busybox, command: ['/bin/sh', '-c', 'cat /etc/config/keys'], volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config' }] }],
            volumes: [{ name: 'config-volume', configMap: { name: 'special-config', items: [{ key: 'SPECIAL_LEVEL', path: 'keys' }] } }],
            restartPolicy: 'Never',
          },
        }),
    },
  ],
};
