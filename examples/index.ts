/** Every page the examples app reproduces; one line per page. */
import { assignCpuResource } from './pages/assign-cpu-resource';
import { assignMemoryResource } from './pages/assign-memory-resource';
import { assignPodsNodes } from './pages/assign-pods-nodes';
import { assignPodsNodesUsingNodeAffinity } from './pages/assign-pods-nodes-using-node-affinity';
import { extendedResource } from './pages/extended-resource';
import { qualityServicePod } from './pages/quality-service-pod';
import { staticPod } from './pages/static-pod';
import { configureLivenessReadinessStartupProbes } from './pages/configure-liveness-readiness-startup-probes';
import { configurePodInitialization } from './pages/configure-pod-initialization';
import { attachHandlerLifecycleEvent } from './pages/attach-handler-lifecycle-event';
import type { ExamplePage } from './registry';

export const EXAMPLE_PAGES: readonly ExamplePage[] = [
  assignMemoryResource,
  assignCpuResource,
  qualityServicePod,
  assignPodsNodes,
  assignPodsNodesUsingNodeAffinity,
  extendedResource,
  staticPod,
  configureLivenessReadinessStartupProbes,
  configurePodInitialization,
  attachHandlerLifecycleEvent,
];

export * from './registry';
