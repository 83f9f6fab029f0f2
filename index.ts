/** cdk8s-podkit: typed constructs and pure rules for "Configure Pods and Containers". */
export * from './lib';
export * from './constructs';
