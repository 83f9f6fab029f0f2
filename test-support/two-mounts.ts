/** The linter's tests' fixture of mount findings. */

/** A Pod with two mounts; `first` and `second` hold more lines of each mount (six spaces deep). */
export const twoMounts = (first: string, second: string) => `apiVersion: v1
kind: Pod
metadata:
  name: mounts
spec:
  containers:
  - name: app
    image: nginx
    volumeMounts:
    - name: a
      mountPath: /a
${first}    - name: b
      mountPath: /b
${second}  volumes:
  - name: a
    emptyDir: {}
  - name: b
    emptyDir: {}
`;
