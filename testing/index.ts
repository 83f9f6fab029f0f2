export * from './compare';
export * from './golden';
export * from './violations';
