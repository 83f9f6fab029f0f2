export * from './compare';
export * from './golden';
