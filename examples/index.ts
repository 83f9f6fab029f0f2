/** Every page the examples app reproduces; one line per page. */
import { assignCpuResource } from './pages/assign-cpu-resource';
import { assignMemoryResource } from './pages/assign-memory-resource';
import { assignPodsNodes } from './pages/assign-pods-nodes';
import { assignPodsNodesUsingNodeAffinity } from './pages/assign-pods-nodes-using-node-affinity';
import { extendedResource } from './pages/extended-resource';
import { qualityServicePod } from './pages/quality-service-pod';
import { staticPod } from './pages/static-pod';
import type { ExamplePage } from './registry';

export const EXAMPLE_PAGES: readonly ExamplePage[] = [
  assignMemoryResource,
  assignCpuResource,
  qualityServicePod,
  assignPodsNodes,
  assignPodsNodesUsingNodeAffinity,
  extendedResource,
  staticPod,
];

export * from './registry';
