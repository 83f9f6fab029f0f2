export * from './node-affinity';
export * from './pod-requests';
export * from './profile';
export * from './simulate';
