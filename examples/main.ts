/** The examples app: `npx cdk8s synth` writes one file per reference manifest of the docs to `dist/`. */
import { App, Chart } from 'cdk8s';
import { EXAMPLE_PAGES, chartId } from './index';

const app = new App();
for (const { page, examples } of EXAMPLE_PAGES) {
  for (const example of examples) example.build(new Chart(app, chartId(page, example)));
}
app.synth();
