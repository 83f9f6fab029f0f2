/**
 * ストレージにProjectedボリュームを使用するようPodを設定する (configure-projected-volume-storage). The page makes
 * the Secrets `user` and `pass` with `kubectl create secret generic user --from-file=./username.txt` and
 * `… pass --from-file=./password.txt`: they are built here with the same command's construct, from the page's
 * files, in a prerequisite chart of their own (the page prints no manifest of them), and the Pod projects them
 * by object.
 */
import * as path from 'node:path';
import type { Construct, IConstruct } from 'constructs';
import { Pod } from '../../constructs/pod';
import { SecretFromFiles } from '../../constructs/secret';
import { secretProjection } from '../../constructs/secret-references';
import { projectedVolume, volumeMount } from '../../constructs/volumes';
import type { ExamplePage } from '../registry';

/** The page's `username.txt` and `password.txt` (`echo -n "admin" > ./username.txt`, …). */
const FILES = path.resolve(__dirname, '../../snapshots/reference/files/configure-projected-volume-storage');

interface PageSecrets {
  readonly user: SecretFromFiles;
  readonly pass: SecretFromFiles;
}

/** The Secrets built in each app, for the Pod of the same app. */
const built = new WeakMap<IConstruct, PageSecrets>();

function secretsOf(scope: Construct): PageSecrets {
  const secrets = built.get(scope.node.root);
  if (!secrets) throw new Error('configure-projected-volume-storage: the Secrets prerequisite must be built before the Pod');
  return secrets;
}

export const configureProjectedVolumeStorage: ExamplePage = {
  page: 'configure-projected-volume-storage',
  prerequisites: [
    {
      id: 'secrets',
      build: (chart) => {
        const user = new SecretFromFiles(chart, 'user', { name: 'user', files: ['./username.txt'], baseDir: FILES });
        const pass = new SecretFromFiles(chart, 'pass', { name: 'pass', files: ['./password.txt'], baseDir: FILES });
        built.set(chart.node.root, { user, pass });
      },
    },
  ],
  examples: [
    {
      reference: 'manifests/configure-projected-volume-storage/as-printed/projected.yaml',
      build: (chart) => {
        const { user, pass } = secretsOf(chart);
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
