// One tab owns the saved lab at a time (Web Locks): the first tab to open it saves; another tab
// follows read-only (it shows the lab as saved and does not save) until it takes over, which
// steals the lock: the former owner is told at once and stops saving. Where Web Locks are
// missing every tab owns the lab (the old behaviour). Works on the main thread and in a worker.

export const LOCK_NAME = 'tokenlab:owner'

export type Role = 'owner' | 'follower'

export interface TabLock {
  role(): Role
  /** Called when this tab loses the lab to another tab, or gains it. */
  onChange(cb: (role: Role) => void): () => void
  /** Take the lab over from the tab that owns it; resolves once this tab owns it. */
  takeOver(): Promise<void>
  /** Let the lab go (tests; a page that closes lets it go by itself). */
  release(): void
}

interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean; steal?: boolean }, cb: (lock: unknown) => Promise<unknown> | unknown): Promise<unknown>
}

export function locksOf(scope: unknown = globalThis): LockManagerLike | undefined {
  const nav = (scope as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : undefined
}

/** Try to own the lab; a tab that cannot (another holds it) follows. */
export async function claimLab(locks: LockManagerLike | undefined = locksOf(), name = LOCK_NAME): Promise<TabLock> {
  const listeners = new Set<(r: Role) => void>()
  let current: Role = 'follower'
  let letGo: (() => void) | undefined
  const set = (r: Role) => {
    if (r === current) return
    current = r
    for (const cb of listeners) cb(r)
  }
  const lock: TabLock = {
    role: () => current,
    onChange(cb) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    takeOver: () => (locks ? hold({ steal: true }).then(() => undefined) : Promise.resolve()),
    release() {
      letGo?.()
      letGo = undefined
    },
  }
  if (!locks) {
    current = 'owner'
    return lock
  }
  /** Resolves true once the lock is held (false if it was not available); keeps holding it. */
  function hold(options: { ifAvailable?: boolean; steal?: boolean }): Promise<boolean> {
    return new Promise<boolean>((granted) => {
      const held = locks!.request(name, options, (l) => {
        if (!l) {
          granted(false)
          return undefined
        }
        set('owner')
        granted(true)
        return new Promise<void>((release) => {
          letGo = release
        })
      })
      // A stolen lock rejects the request: another tab owns the lab now.
      held.then(
        () => {
          if (current === 'owner' && !letGo) set('follower')
        },
        () => {
          letGo = undefined
          set('follower')
        },
      )
    })
  }
  await hold({ ifAvailable: true })
  return lock
}
