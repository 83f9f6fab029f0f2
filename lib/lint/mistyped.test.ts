/**
 * A value of the wrong JSON type (a placeholder string in an int32 field) is reported once, as the API server's
 * decoding reports it, not a second time by a rule that judges the value (a port range, an integer check).
 */
import { describe, expect, it } from 'vitest';
import { lintSourced } from './lint';
import { readManifests } from './read';

const deployment = (containerPort: string, period: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
      - name: api
        image: example/api:1.0
        ports: [{containerPort: ${containerPort}}]
        readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: ${period}}
`;

const service = (port: string) => `apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{port: ${port}, targetPort: 8080}]
`;

const rulesAndPaths = (text: string) => lintSourced(readManifests({ file: 'app.yaml', text })).findings.map((f) => [f.violation.rule, f.violation.path]);

describe('a value of the wrong JSON type', () => {
  it('fails when a placeholder stands in int32 fields, once per field, as fields/type-mismatch', () => {
    expect(rulesAndPaths(deployment('"${API_PORT}"', '"${PERIOD:-10}"'))).toStrictEqual([
      ['fields/type-mismatch', 'spec.template.spec.containers[0].ports[0].containerPort'],
      ['fields/type-mismatch', 'spec.template.spec.containers[0].readinessProbe.periodSeconds'],
    ]);
    expect(rulesAndPaths(service('"${SERVICE_PORT}"'))).toStrictEqual([['fields/type-mismatch', 'spec.ports[0].port']]);
  });

  it('fails when the numbers are of the right type but out of range, by the range rules', () => {
    expect(rulesAndPaths(deployment('70000', '10'))).toStrictEqual([['ports/container-port-range', 'spec.template.spec.containers[0].ports[0].containerPort']]);
    expect(rulesAndPaths(service('0'))).toStrictEqual([['service/port-invalid', 'spec.ports[0].port']]);
  });

  it('passes the same objects with valid numbers', () => {
    expect(rulesAndPaths(deployment('8080', '10'))).toStrictEqual([]);
    expect(rulesAndPaths(service('80'))).toStrictEqual([]);
  });
});
