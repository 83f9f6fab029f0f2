// The same package, a manifest that breaks a rule: synthesis must fail with the rule id and the path.
import { App, Chart } from 'cdk8s';
import { Pod } from 'cdk8s-podkit';

const app = new App();
const chart = new Chart(app, 'bad');
new Pod(chart, 'p', {
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { memory: '300Mi' }, limits: { memory: '200Mi' } } }] },
});
app.synth();
