/** コンテナライフサイクルイベントへのハンドラー紐付け (attach-handler-lifecycle-event). */
import { LifecycleHandler } from '../../constructs/lifecycle-handler';
import { Pod } from '../../constructs/pod';
import type { ExamplePage } from '../registry';

export const attachHandlerLifecycleEvent: ExamplePage = {
  page: 'attach-handler-lifecycle-event',
  examples: [
    {
      reference: 'manifests/attach-handler-lifecycle-event/as-printed/lifecycle-events.yaml',
      build: (chart) =>
        new Pod(chart, 'lifecycle-demo', {
          metadata: { name: 'lifecycle-demo' },
          spec: {
            containers: [
              {
                name: 'lifecycle-demo-container',
                image: 'nginx',
                lifecycle: {
                  postStart: LifecycleHandler.exec(['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message']),
                  preStop: LifecycleHandler.exec(['/usr/sbin/nginx', '-s', 'quit']),
                },
              },
            ],
          },
        }),
    },
  ],
};
