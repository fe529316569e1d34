// The kernel the lab's machines run. The nodes and the student's workstation are Debian 12
// machines: the nodes report its release as status.nodeInfo.kernelVersion, and `uname` prints it
// on the workstation and in every container (a container shares its node's kernel).
// Imitates: Debian 12's linux-image-6.1.0-40-amd64, whose `uname -a` reads
// `Linux HOST 6.1.0-40-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20) x86_64 GNU/Linux`.

/** The fields of the kernel's utsname that do not depend on the host: `uname -s`, `-r`, `-v` and `-m`. */
export const KERNEL = {
  name: 'Linux',
  release: '6.1.0-40-amd64',
  version: '#1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)',
  machine: 'x86_64',
} as const
