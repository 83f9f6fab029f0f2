/** Type tests: hooks and probes on init containers only as sidecars (`restartPolicy: 'Always'`). */
import { expectTypeOf } from 'vitest';
import type { ContainerSidecarFields } from './container';
import { LifecycleHandler } from './lifecycle-handler';
import type { InitContainerProps, RunToCompletionInitContainerProps, SidecarOnlyField } from './init-container';
import { Probe } from './probe';

const install: InitContainerProps = { name: 'install', image: 'busybox', command: ['wget', '-O', '/work-dir/index.html', 'http://kubernetes.io'] };
const sidecarProbe: InitContainerProps = { name: 'proxy', image: 'envoy', restartPolicy: 'Always', readinessProbe: Probe.tcpSocket({ port: 9901 }) };
// @ts-expect-error an init container without restartPolicy Always may not have a probe
const initProbe: InitContainerProps = { name: 'install', image: 'busybox', readinessProbe: Probe.tcpSocket({ port: 9901 }) };
const sidecarHook: InitContainerProps = { name: 'proxy', image: 'envoy', restartPolicy: 'Always', lifecycle: { preStop: LifecycleHandler.sleep(5) } };
// @ts-expect-error an init container without restartPolicy Always may not have lifecycle hooks
const initHook: InitContainerProps = { name: 'install', image: 'busybox', lifecycle: { preStop: LifecycleHandler.sleep(5) } };
// @ts-expect-error an init container's restartPolicy can only be Always
const initNever: InitContainerProps = { name: 'install', image: 'busybox', restartPolicy: 'Never' };

export { install, sidecarProbe, initProbe, sidecarHook, initHook, initNever };

// SidecarOnlyField names exactly the sidecar field group's fields besides restartPolicy, which a run-to-completion init container leaves out
expectTypeOf<SidecarOnlyField>().toEqualTypeOf<Exclude<keyof ContainerSidecarFields, 'restartPolicy'>>();
expectTypeOf<RunToCompletionInitContainerProps[SidecarOnlyField]>().toEqualTypeOf<undefined>();
