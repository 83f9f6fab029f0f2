/** Builds the examples app: one chart per example of every page. Shared by `main.ts` and the tests. */
import { App, Chart, type AppProps } from 'cdk8s';
import { EXAMPLE_PAGES } from './index';
import { chartId, type Example } from './registry';
import type { PageSlug } from '../lib/docs';

/** A chart of the examples app with the example it reproduces. */
export interface ExampleChart {
  readonly page: PageSlug;
  readonly example: Example;
  readonly chart: Chart;
}

/** Builds every example into a new app (nothing is written until `app.synth()`). */
export function buildExamplesApp(props?: AppProps): { app: App; charts: ExampleChart[] } {
  const app = new App(props);
  const charts: ExampleChart[] = [];
  for (const { page, examples } of EXAMPLE_PAGES) {
    for (const example of examples) {
      const chart = new Chart(app, chartId(page, example));
      example.build(chart);
      charts.push({ page, example, chart });
    }
  }
  return { app, charts };
}
