export * from './docs';
export * from './k8s';
export * from './names';
export * from './path';
export * from './quantity';
export * from './violation';
export * from './rules';
export * from './lint';
