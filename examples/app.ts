/** Builds the examples app: one chart per example of every page. Shared by `main.ts` and the tests. */
import { App, Chart, type AppProps } from 'cdk8s';
import { EXAMPLE_PAGES } from './index';
import { chartId, prerequisiteChartId, workloadChartId, type Example, type Prerequisite, type WorkloadExample } from './registry';
import { WORKLOAD_EXAMPLES } from './workloads';
import type { PageSlug } from '../lib/docs';

/** A chart of the examples app with the example it reproduces. */
export interface ExampleChart {
  readonly page: PageSlug;
  readonly example: Example;
  readonly chart: Chart;
}

/** A chart of a page's prerequisite objects (made by commands on the page, compared with no reference). */
export interface PrerequisiteChart {
  readonly page: PageSlug;
  readonly prerequisite: Prerequisite;
  readonly chart: Chart;
}

/** A chart of the examples app that is not from the docs (examples/workloads). */
export interface WorkloadChart {
  readonly example: WorkloadExample;
  readonly chart: Chart;
}

/**
 * Builds every example into a new app (nothing is written until `app.synth()`): each page's prerequisites
 * first, then its examples. `charts` reproduce the docs' manifests; `workloads` are the charts not from the docs,
 * kept apart so the reference comparison never sees them.
 */
export function buildExamplesApp(props?: AppProps): { app: App; charts: ExampleChart[]; prerequisites: PrerequisiteChart[]; workloads: WorkloadChart[] } {
  const app = new App(props);
  const charts: ExampleChart[] = [];
  const prerequisites: PrerequisiteChart[] = [];
  for (const { page, examples, prerequisites: needed } of EXAMPLE_PAGES) {
    for (const prerequisite of needed ?? []) {
      const chart = new Chart(app, prerequisiteChartId(page, prerequisite));
      prerequisite.build(chart);
      prerequisites.push({ page, prerequisite, chart });
    }
    for (const example of examples) {
      const chart = new Chart(app, chartId(page, example));
      example.build(chart);
      charts.push({ page, example, chart });
    }
  }
  const workloads = WORKLOAD_EXAMPLES.map((example) => {
    const chart = new Chart(app, workloadChartId(example));
    example.build(chart);
    return { example, chart };
  });
  return { app, charts, prerequisites, workloads };
}
