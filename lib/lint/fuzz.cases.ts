/**
 * Generated hostile inputs for the linter's tests (the fuzz test, the reader's differential test): a fixed seed
 * gives the same inputs on every run, so a failure can be replayed.
 */

/** mulberry32: a small deterministic generator, so a failure can be replayed. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VALID = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      volumes: [{name: data, emptyDir: {}}]
      containers:
      - name: app
        image: nginx
        command: ["sh", "-c", "echo $(POD) $(date)"]
        env: [{name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
        resources: {requests: {cpu: 100m, memory: "64Mi "}, limits: {memory: 128Mi}}
        volumeMounts: [{name: data, mountPath: /data}]
        ports: [{containerPort: 80, protocol: TCP}]
---
apiVersion: v1
kind: Secret
metadata: {name: s}
stringData: {password: x}
`;

/** Pieces that have broken YAML readers: syntax, anchors, tags, numbers, encodings, nesting, control bytes. */
const PIECES = [
  '{', '}', '[', ']', ':', '- ', '? ', '&a ', '*a', '*b', '<<: *a', '!!binary ', '!!str ', '!!int ', '!custom ', '%YAML 1.1\n', '---\n', '...\n',
  '"', "'", '|', '>', '#', '\t', '\r\n', '\n', '  ', '\u0000', '\u001b[31m', '\u0085', '\u202e', '\ufeff', '\ud800', '💥',
  '1e400', '-.inf', '.nan', '0x7fffffffffffffffff', '99999999999999999999', '0o777', '~', 'null', 'yes', '{{ .Values.x }}', '$(X)', '$$(', '__proto__: {a: 1}',
  'constructor: 1', 'items: [1]', 'kind: List', 'apiVersion: v1', 'kind: Pod', 'metadata: {name: ""}', 'spec: {containers: [{}]}', 'x'.repeat(300),
];

function mutate(random: () => number, base: string): string {
  let text = base;
  const edits = 1 + Math.floor(random() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(random() * (text.length + 1));
    const kind = random();
    if (kind < 0.5) text = text.slice(0, at) + PIECES[Math.floor(random() * PIECES.length)]! + text.slice(at);
    else if (kind < 0.75) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 20));
    else if (kind < 0.9) text = text.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x100)) + text.slice(at);
    else {
      const depth = Math.floor(random() * 2000);
      text = `${text.slice(0, at)}${random() < 0.5 ? '['.repeat(depth) : '{a: '.repeat(depth)}${text.slice(at)}`;
    }
  }
  return text;
}

export function hostile(random: () => number): string | Uint8Array {
  const choice = random();
  if (choice < 0.7) return mutate(random, VALID);
  if (choice < 0.8) return Buffer.from(Array.from({ length: Math.floor(random() * 400) }, () => Math.floor(random() * 256)));
  if (choice < 0.9) {
    const text = mutate(random, VALID);
    return Buffer.concat([Buffer.from(random() < 0.5 ? [0xff, 0xfe] : [0xfe, 0xff]), Buffer.from(text, 'utf16le')]);
  }
  return Array.from({ length: 1 + Math.floor(random() * 30) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
}
