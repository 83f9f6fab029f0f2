/** The examples app: `npx cdk8s synth` writes one file per reference manifest of the docs to `dist/`. */
import { buildExamplesApp } from './app';

buildExamplesApp().app.synth();
