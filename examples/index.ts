/** Every page the examples app reproduces; one line per page. */
import { assignCpuResource } from './pages/assign-cpu-resource';
import { assignMemoryResource } from './pages/assign-memory-resource';
import { configurePodConfigmap } from './pages/configure-pod-configmap';
import { configureProjectedVolumeStorage } from './pages/configure-projected-volume-storage';
import { configureVolumeStorage } from './pages/configure-volume-storage';
import { qualityServicePod } from './pages/quality-service-pod';
import type { ExamplePage } from './registry';

export const EXAMPLE_PAGES: readonly ExamplePage[] = [
  assignMemoryResource,
  assignCpuResource,
  qualityServicePod,
  configurePodConfigmap,
  configureVolumeStorage,
  configureProjectedVolumeStorage,
];

export * from './registry';
