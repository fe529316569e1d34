// The shell a container runs, handed to the kubelet from above (the cluster may not import the
// workstation's shell): what a process in the container sees, and the interface that runs it.
// Imitates: the container runtime's exec (runc starting argv[0] in the container's namespaces).

import type { FsDir } from './vfs'
import type { Output } from './ls'
import type { ContainerPids } from './procs'

/** The width of the terminal a process gets with `kubectl exec -t`: the lab's terminal is 80 columns. */
export const TTY_COLUMNS = 80

/** One process started in a container: its files, environment, standard input and network view. */
export interface ContainerProcess {
  /** The container's root filesystem (built for this exec, so a token file reads the current token). */
  root: FsDir
  env: [string, string][]
  hostname: string
  stdin: string
  /** Attached to a terminal (`kubectl exec -it`): a shell without -c then reads its commands from the student. */
  tty: boolean
  namespace: string
  /** The pod's IP: the source address of the requests the process makes. */
  podIP: string | undefined
  /** The cluster DNS as the pod's resolv.conf reaches it: a name to a ClusterIP, or undefined. */
  resolve(name: string): string | undefined
  /** The cluster DNS's PTR answer for an IPv4 address (a Service's name), or undefined. */
  reverse?(ip: string): string | undefined
  /** The `kubernetes` Service's ClusterIP (port 443 there reaches the API server). */
  apiServiceIP: string
  /** Its PID, PID 1's command line and the container's PID counter (ps, `$$`). */
  pids?: ContainerPids
  /**
   * The container's root as it is now, for a shell that stays open (`kubectl exec -it`): the
   * kubelet first writes the tokens that fell due since, as it would have meanwhile. Undefined
   * once the container this process runs in has stopped (its processes were killed with it).
   */
  current?(): Promise<FsDir | undefined>
  /** The container's main process itself (pods/attach): when its shell ends, the container ends with its status. */
  ended?(code: number): Promise<void>
  /** A stepped main script's variables as its last step left them (kubelet/scriptSteps.ts): set before this step runs. */
  vars?: ShellVars
  /** Receives the shell's variables once its script has run (what differs from the container's environment). */
  keepVars?(vars: ShellVars): void
  /** The mount points of its read-only volumes: writing there fails (`Read-only file system`). */
  readOnly?: string[]
  /** What earlier processes wrote in the container (its writable layer: writableLayer.ts), laid over its files. */
  layer?: LayerWrites
  /** Receives every change to the container's files once the process has run; returns the paths it could not keep (too large). */
  keepLayer?(writes: LayerWrites): string[]
}

/** Changes to a container's files: a file's content, `path/` for a folder made, null for a path removed; when each was made. */
export interface LayerWrites { writes: Record<string, string | null>; at: Record<string, number> }

/** A shell's own variables: values, and the names it exported. */
export interface ShellVars { values: Record<string, string>; exported: string[] }

/** Runs argv (a program found on the container's PATH) in the container, to completion. */
export interface ContainerShell {
  run(argv: string[], p: ContainerProcess): Promise<Output>
  /** Make ahead what every exec into a container with this tree and environment needs (optional; changes nothing seen). */
  prepare?(p: Pick<ContainerProcess, 'root' | 'env'>): void
}
