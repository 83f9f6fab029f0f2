export * from './docker-registry';
export * from './hash';
export * from './kubectl';
export * from './kustomize';
export * from './pem';
export * from './redact';
export * from './tls';
