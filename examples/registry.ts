/**
 * The examples app's contents: for each page of the docs, one chart per reference manifest, each naming the
 * reference file it reproduces (relative to `snapshots/reference/`). The harness in `snapshots/` and the app
 * in `main.ts` both read this list.
 */
import type { Chart } from 'cdk8s';
import type { PageSlug } from '../lib/docs';

/** One reference manifest of the docs and the TypeScript that produces it. */
export interface Example {
  /** The reference manifest, e.g. `manifests/assign-memory-resource/memory-request-limit.yaml`. */
  readonly reference: string;
  /** Adds the manifest's objects to the chart. */
  readonly build: (chart: Chart) => void;
}

/**
 * Objects a page makes with commands rather than manifests (`kubectl create secret generic user --from-file=…`):
 * built before the page's examples, in a chart of their own (`<page>--<id>`), synthesized and validated with
 * the app (so the examples' references to them are checked), but with no reference manifest to equal: the
 * reference harness compares the example charts only.
 */
export interface Prerequisite {
  readonly id: string;
  /** Adds the objects to the chart. */
  readonly build: (chart: Chart) => void;
}

/** The examples of one docs page. */
export interface ExamplePage {
  readonly page: PageSlug;
  /** @default - none: every object of the page comes from a reference manifest */
  readonly prerequisites?: readonly Prerequisite[];
  readonly examples: readonly Example[];
}

/** The chart id of a page's prerequisite: `<page>--<id>`. */
export function prerequisiteChartId(page: PageSlug, prerequisite: Prerequisite): string {
  return `${page}--${prerequisite.id}`;
}

/** The chart id of an example: `<page>--<file name without .yaml>`. */
export function chartId(page: PageSlug, example: Example): string {
  const file = example.reference.split('/').pop()!.replace(/\.ya?ml$/, '');
  return `${page}--${file}`;
}

/**
 * A chart of the examples app that does not come from the docs: one workload kind with guarantees, as a team would
 * write it. It reproduces no reference manifest (the harness in `snapshots/` does not see it); its test lints its
 * output clean with `podkit lint`, and with `--pss <pss>` when given.
 */
export interface WorkloadExample {
  /** The chart id is `workloads--<name>`. */
  readonly name: string;
  /**
   * The Pod Security Standards level `podkit lint --pss` passes the chart at.
   * @default - linted without `--pss` only
   */
  readonly pss?: 'baseline' | 'restricted';
  /** Adds the chart's objects. */
  readonly build: (chart: Chart) => void;
}

/** The chart id of a workload example. */
export function workloadChartId(example: WorkloadExample): string {
  return `workloads--${example.name}`;
}
