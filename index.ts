/**
 * cdk8s-podkit: typed constructs and pure rules for "Configure Pods and Containers".
 *
 * The root exports what a chart is written with: the constructs and their props, the promises and check
 * functions, `Quantity`, the violation types. The manifest wire types (`Container`, `PodSpec`, `Probe` …, by
 * their Kubernetes names) are the `k8s` namespace, as cdk8s-plus exports its `k8s`. The list of exports is
 * checked in (snapshots/api/root.txt), so an addition is a decision.
 */
export * from './lib';
export * from './constructs';
export * as k8s from './lib/k8s';
