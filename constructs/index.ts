export * from './app-objects';
export * from './checked-api-object';
export * from './container';
export * from './pod';
export * from './qos-pods';
export * from './wire';
export * from './config-map';
export * from './config-map-references';
