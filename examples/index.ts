/** Every page the examples app reproduces; one line per page. */
import { assignCpuResource } from './pages/assign-cpu-resource';
import { assignMemoryResource } from './pages/assign-memory-resource';
import { qualityServicePod } from './pages/quality-service-pod';
import type { ExamplePage } from './registry';

export const EXAMPLE_PAGES: readonly ExamplePage[] = [
  assignMemoryResource,
  assignCpuResource,
  qualityServicePod,
];

export * from './registry';
