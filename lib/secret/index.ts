export { DEFAULT_DOCKER_SERVER, DOCKER_CONFIG_JSON_KEY, DOCKER_CONFIG_JSON_TYPE, dockerConfigJson, kubectlCreateSecretDockerRegistry, type KubectlDockerRegistryArgs } from './docker-registry';
export { kubectlSecretHash, kustomizeSecretHash } from './hash';
export { kubectlCreateSecretGeneric, type GeneratedSecret, type KubectlSecretArgs } from './kubectl';
export { kustomizeSecret, type GeneratedKustomizeSecret, type SecretGeneratorArgs } from './kustomize';
export { decodePemBlocks, type PemBlock } from './pem';
export { REDACTED } from './redact';
export { kubectlCreateSecretTls, TLS_TYPE, x509KeyPairError, type KubectlTlsArgs } from './tls';
