export * from './cdk8s-validation';
export * from './explain';
export * from './extensions';
export * from './format';
export * from './lint';
export * from './locate';
export * from './read';
export * from './scalars';
