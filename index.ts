/** cdk8s-podkit: typed constructs and pure rules for "Configure Pods and Containers". */
export * from './lib';
export * from './constructs';
// The typed `Probe` and `LifecycleHandler` classes win over lib/k8s's wire interfaces of the same names at the
// package root; the wire shapes stay importable from `lib/k8s` (and as `LivenessProbeWire`, `LifecycleHandlerWire`).
export { LifecycleHandler, Probe } from './constructs';
