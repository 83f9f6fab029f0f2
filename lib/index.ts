export * from './docs';
export * from './k8s';
export * from './names';
export * from './path';
export * from './quantity';
export * from './violation';
export * from './rules';
export * from './scheduling';
export * from './configmap';
export * from './secret';
// The linter (reader, `lintObjects`, the CLI's formats) is its own entry point, `cdk8s-podkit/lint`: a chart's
// type check then does not load it or the `yaml` package's declarations.
