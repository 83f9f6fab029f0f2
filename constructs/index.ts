/**
 * The public constructs, their props and the helpers a chart calls. A module whose exports are all public is
 * re-exported whole (a new export there shows up in the package's export list, snapshots/api/, and its test);
 * modules with internals (the validation pass, the wire copy, rule plumbing) are listed name by name.
 */
export { CheckedApiObject, withPromise } from './checked-api-object';
export type { CheckOptions, ManifestPromise } from './checked-api-object';
export { attachClusterProfile } from './cluster-profile';
export type { ClusterProfileOptions } from './cluster-profile';
export * from './container';
export * from './extended-resources';
export * from './node-affinity';
export * from './pod';
export * from './qos-pods';
export * from './static-pod';
export * from './secure-pod';
export * from './security-context';
export * from './shared-process-namespace';
export * from './gmsa-credential-spec';
export * from './windows-deployment';
export { Deployment } from './deployment';
export type { DeploymentProps, DeploymentSpecProps, PodTemplateProps } from './deployment';
export type { GrpcOptions, HttpGetOptions, TcpSocketOptions } from './handler-actions';
export * from './init-container';
export * from './lifecycle-handler';
export * from './probe';
export * from './probed-deployment';
export * from './config-map';
export {
  ExternalConfigMap, configMapKeyRef, configMapProjection, configMapVolume, envFromConfigMap,
} from './config-map-references';
export type { ConfigMapRefLike, ConfigMapVolumeOptions, ExternalConfigMapProps } from './config-map-references';
export * from './secret';
export { ExternalSecret, secretKeyRef, envFromSecret, secretVolume, secretProjection } from './secret-references';
export type { ExternalSecretProps, SecretRefLike, SecretVolumeOptions } from './secret-references';
export * from './volumes';
export { Service } from './service';
export type { ServiceType, ServicePortProps, ServiceSpecProps, PodLabelled, PodSelectable, ServiceProps } from './service';
export { installYamlQuoting } from './yaml-quoting';
export * from './workloads';
