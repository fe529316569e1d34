// Lesson: a year in the life of a pod's token: the kubelet's refresh at about 80%, warnafter and
// the stale-token audit annotation, exp a year out, the 60 seconds of leeway after exp, and the
// refreshes seen from inside a running pod (a loop that prints its token's fingerprint).

import type { Check, Lesson } from './types'
import { claimChecks, podTokensIssued, requestWithToken, variableToken } from './checks'
import { curlStatus, decode, NS, readPodToken, runPod, TOKEN_FILE, waitReady } from './snippets'
import { readJwt } from './tokens'

const STALE = 'authentication.k8s.io/stale-token'

/** $NEW holds a later token of the same pod than $OLD. */
const refreshed: Check = {
  name: '$NEW holds a newer token than $OLD',
  run(v) {
    const expected = '$NEW holding a token issued after the one in $OLD'
    const a = readJwt(v.variable('OLD'))?.claims
    const b = readJwt(v.variable('NEW'))?.claims
    if (!a || !b) return { ok: false, expected, found: `${!a ? '$OLD' : '$NEW'} does not hold a token` }
    const ok = (b.iat ?? 0) > (a.iat ?? 0)
    return { ok, expected, found: ok ? `$NEW was issued ${(b.iat ?? 0) - (a.iat ?? 0)} seconds after $OLD` : `both were issued at ${a.iat}: the file was not refreshed yet` }
  },
}

/** A request with $S was accepted after its exp: the leeway. */
const leeway: Check = {
  name: '$S was accepted after its exp',
  run(v) {
    const expected = 'a request with $S answered (not 401) less than 60 seconds after its exp'
    const c = readJwt(v.variable('S'))?.claims
    if (!c?.jti || c.exp === undefined) return { ok: false, expected, found: '$S does not hold a token' }
    const late = v.audit().filter((e) => e.token?.jti === c.jti && e.at > c.exp! * 1000 && e.code !== 401)
    return { ok: late.length > 0, expected, found: late.length ? `accepted ${Math.round(late[0].at / 1000 - c.exp)} seconds after exp` : 'no request with $S was accepted after its exp' }
  },
}

/** The watcher's log, saved to watch.log: one token fingerprint, then another (a refresh seen from inside the pod). */
const seenInside: Check = {
  name: 'watch.log shows the token changing inside the pod',
  run(v) {
    const expected = 'watch.log with lines of a time and a token fingerprint, the fingerprint changing at least once'
    const text = v.file('watch.log')
    if (text === undefined) return { ok: false, expected, found: 'no watch.log in the home folder' }
    const prints = text.split('\n').map((l) => /^\d\d:\d\d ([0-9a-f]{8})$/.exec(l.trim())?.[1]).filter((p) => p !== undefined)
    const kinds = new Set(prints).size
    if (prints.length === 0) return { ok: false, expected, found: 'watch.log has no line of a time and a fingerprint (had the pod started?)' }
    return { ok: kinds >= 2, expected, found: `${prints.length} lines, ${kinds} different fingerprint${kinds === 1 ? '' : 's'}` }
  },
}

/** The watcher pod: every ten minutes, the time and the start of its token file's md5. */
const WATCHER = `kubectl -n ${NS} run watcher --image=busybox -- sh -c 'while true; do echo "$(date +%H:%M) $(md5sum < ${TOKEN_FILE} | cut -c1-8)"; sleep 600; done'`

export const tokenLifetime: Lesson = {
  id: 'token-lifetime',
  title: 'A year in the life of a token',
  summary: 'Move the lab clock: the kubelet refreshes the token, an old copy turns stale, then expires.',
  start: [`kubectl create namespace ${NS}`, runPod('app'), waitReady('app')],
  steps: [
    {
      title: 'Keep a copy',
      text: `Pod \`app\` is running. Keep a copy of its token as it is now.

\`\`\`sh
OLD=$(${readPodToken('app')})
${decode('OLD')}
\`\`\`

Note \`iat\`, \`kubernetes.io.warnafter\` (one hour and 7 seconds later) and \`exp\` (a year later).`,
      task: { goal: '$OLD holds the token of pod app.', checks: [variableToken('OLD', 'the token of pod app', claimChecks.boundToPod('app'))] },
      hints: ['`OLD=$(kubectl -n sa-demo exec app -- cat FILE)`'],
      solution: [`OLD=$(${readPodToken('app')})`, decode('OLD')],
      focus: { panel: 'timeline', variable: 'OLD', mark: 'refresh' },
    },
    {
      title: 'The kubelet refreshes early',
      text: `The kubelet does not wait for \`warnafter\`: it writes a new token once about **80%** of the hour has passed, close to 48 minutes. Move the clock and read the file again.

\`\`\`sh
lab advance 49m
NEW=$(${readPodToken('app')})
${decode('NEW')}
\`\`\``,
      task: { goal: 'The file holds a newer token, kept in $NEW.', checks: [podTokensIssued(NS, 'app', 2), refreshed] },
      hints: ['`lab advance 49m` moves the clock past the refresh point.', 'Read the token file again into $NEW.'],
      solution: ['lab advance 49m', `NEW=$(${readPodToken('app')})`, decode('NEW')],
      focus: { panel: 'decoder', variable: 'NEW' },
    },
    {
      title: 'Past warnafter: stale',
      text: `Someone kept the old copy. Past \`warnafter\` it still works, but the API server marks each use in its audit record, so you can find clients that never re-read the file.

\`\`\`sh
lab advance 12m
${curlStatus('OLD')}
lab audit 1
\`\`\``,
      task: { goal: 'A request with $OLD, marked stale.', checks: [requestWithToken('OLD', 403, { annotation: STALE, what: 'a request with $OLD accepted but marked stale' })] },
      hints: ['403 is fine here: the token was accepted, RBAC said no.', 'Look for STALE in `lab audit 1`.'],
      solution: ['lab advance 12m', curlStatus('OLD'), 'lab audit 1'],
      focus: { panel: 'why', variable: 'OLD' },
    },
    {
      title: 'A year later',
      text: `Jump a year ahead. The pod still runs, and the kubelet kept its file fresh all along, but the old copy has reached \`exp\`.

\`\`\`sh
lab advance 365d
${curlStatus('OLD')}
lab audit 1
\`\`\``,
      task: { goal: '$OLD refused as expired.', checks: [requestWithToken('OLD', 401, { reason: 'expired', what: 'a request with $OLD refused as expired' })] },
      hints: ['`lab advance 365d`'],
      solution: ['lab advance 365d', curlStatus('OLD'), 'lab audit 1'],
      focus: { panel: 'why', code: 401 },
    },
    {
      title: 'Sixty seconds of leeway',
      text: `The API server allows clocks to disagree a little: a token is still accepted up to **60 seconds** after its \`exp\`. Try it with a ten-minute token.

\`\`\`sh
S=$(kubectl -n ${NS} create token default --duration=10m)
lab advance 10m30s
${curlStatus('S')}
lab advance 31s
${curlStatus('S')}
\`\`\`

Thirty seconds after \`exp\` it still gets through (403); a minute and one second after, it is refused (401).`,
      task: { goal: '$S accepted within the leeway, then refused.', checks: [leeway, requestWithToken('S', 401, { reason: 'expired', what: 'a request with $S refused as expired' })] },
      hints: ['Advance in two steps: 10m30s, then 31s.'],
      solution: [`S=$(kubectl -n ${NS} create token default --duration=10m)`, 'lab advance 10m30s', curlStatus('S'), 'lab advance 31s', curlStatus('S')],
      focus: { panel: 'timeline', variable: 'S', mark: 'exp' },
    },
    {
      title: 'Seen from inside the pod',
      text: `The kubelet replaces the file while the pod's process keeps running: nothing restarts. Watch it from inside. This pod prints the time and a short fingerprint of its token file every ten minutes. No need to wait for it to start: moving the clock two hours starts it on the way. Then save its log.

\`\`\`sh
${WATCHER}
lab advance 2h
kubectl -n ${NS} logs watcher | tee watch.log
\`\`\`

The fingerprint changes about every 48 minutes (the log, written every ten, shows it 40 or 50 minutes apart). Each change is a refresh by the kubelet, seen by the same running process: the pod never restarted.`,
      task: { goal: "watch.log holds the watcher's log, with the token changing.", checks: [seenInside] },
      hints: ['Each line is the time and the start of the md5 of the token file: find where it changes.', 'An empty log means the pod had not started: `lab advance 30s`, then save the log again.'],
      solution: [WATCHER, 'lab advance 2h', `kubectl -n ${NS} logs watcher | tee watch.log`],
    },
  ],
}
