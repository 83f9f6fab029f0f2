/** What the workload examples share: the namespace they run in and a health probe. Not from the docs. */
import { Probe } from '../../constructs/probe';

/** The namespace of every workload example. */
export const NAMESPACE = 'shop';

/** An HTTP health check on the container port named `http`. */
export const health = Probe.httpGet({ path: '/healthz', port: 'http' }, { periodSeconds: 10 });
