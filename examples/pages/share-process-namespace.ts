/** Pod内のコンテナ間でプロセス名前空間を共有する (share-process-namespace). */
import { SharedProcessNamespacePod, withSysPtrace } from '../../constructs/shared-process-namespace';
import type { ExamplePage } from '../registry';

export const shareProcessNamespace: ExamplePage = {
  page: 'share-process-namespace',
  examples: [
    {
      reference: 'manifests/share-process-namespace/share-process-namespace.yaml',
      build: (chart) =>
        new SharedProcessNamespacePod(chart, 'nginx', {
          metadata: { name: 'nginx' },
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx' },
              // `kill -HUP 8` on nginx's master process from this shell needs SYS_PTRACE.
              withSysPtrace({ name: 'shell', image: 'busybox:1.28', stdin: true, tty: true }),
            ],
          },
        }),
    },
  ],
};
