/** Every page the examples app reproduces; one line per page. */
import { assignCpuResource } from './pages/assign-cpu-resource';
import { assignMemoryResource } from './pages/assign-memory-resource';
import { assignPodsNodes } from './pages/assign-pods-nodes';
import { assignPodsNodesUsingNodeAffinity } from './pages/assign-pods-nodes-using-node-affinity';
import { extendedResource } from './pages/extended-resource';
import { configureGmsa } from './pages/configure-gmsa';
import { configurePodConfigmap } from './pages/configure-pod-configmap';
import { configureProjectedVolumeStorage } from './pages/configure-projected-volume-storage';
import { configureVolumeStorage } from './pages/configure-volume-storage';
import { qualityServicePod } from './pages/quality-service-pod';
import { staticPod } from './pages/static-pod';
import { configureLivenessReadinessStartupProbes } from './pages/configure-liveness-readiness-startup-probes';
import { configurePodInitialization } from './pages/configure-pod-initialization';
import { attachHandlerLifecycleEvent } from './pages/attach-handler-lifecycle-event';
import { securityContext } from './pages/security-context';
import { shareProcessNamespace } from './pages/share-process-namespace';
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
  securityContext,
  configureGmsa,
  shareProcessNamespace,
  configurePodConfigmap,
  configureVolumeStorage,
  configureProjectedVolumeStorage,
];

export * from './registry';
