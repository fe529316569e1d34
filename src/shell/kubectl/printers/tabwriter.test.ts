import { describe, expect, it } from 'vitest'
import { DESCRIBE_TABWRITER, formatColumns, formatTabbed, tabwrite } from './tabwriter'

describe('formatColumns (kubectl get tables: minwidth 6, padding 3)', () => {
  it('pads each column to its widest cell + 3, last column unpadded', () => {
    expect(formatColumns([['NAME', 'SECRETS', 'AGE'], ['default', '0', '12s']])).toBe(
      'NAME      SECRETS   AGE\ndefault   0         12s\n',
    )
    expect(formatColumns([['NAME', 'DATA', 'AGE'], ['kube-root-ca.crt', '1', '12s']])).toBe(
      'NAME               DATA   AGE\nkube-root-ca.crt   1      12s\n',
    )
  })

  it('gives short columns the minimum width 6', () => {
    expect(formatColumns([['A', 'B'], ['x', 'y']])).toBe('A     B\nx     y\n')
  })

  it('prints the pod tables of the reference', () => {
    expect(
      formatColumns([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
        ['app', '1/1', 'Running', '0', '7m2s', '10.244.1.5', 'worker-0', '<none>', '<none>'],
      ]),
    ).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE    IP           NODE       NOMINATED NODE   READINESS GATES\n' +
        'app    1/1     Running   0          7m2s   10.244.1.5   worker-0   <none>           <none>\n',
    )
  })

  it('prints the whoami table (§6.5), counting runes not bytes', () => {
    const rows = [
      ['ATTRIBUTE', 'VALUE'],
      ['Username', 'system:serviceaccount:sa-demo:default'],
      ['UID', '5b2f…'],
      ['Groups', '[system:serviceaccounts system:serviceaccounts:sa-demo system:authenticated]'],
      ['Extra: authentication.kubernetes.io/credential-id', '[JTI=7c1e…]'],
      ['Extra: authentication.kubernetes.io/node-name', '[worker-0]'],
      ['Extra: authentication.kubernetes.io/node-uid', '[9a3d…]'],
      ['Extra: authentication.kubernetes.io/pod-name', '[app]'],
      ['Extra: authentication.kubernetes.io/pod-uid', '[e21c…]'],
    ]
    expect(formatColumns(rows)).toBe(
      [
        'ATTRIBUTE                                           VALUE',
        'Username                                            system:serviceaccount:sa-demo:default',
        'UID                                                 5b2f…',
        'Groups                                              [system:serviceaccounts system:serviceaccounts:sa-demo system:authenticated]',
        'Extra: authentication.kubernetes.io/credential-id   [JTI=7c1e…]',
        'Extra: authentication.kubernetes.io/node-name       [worker-0]',
        'Extra: authentication.kubernetes.io/node-uid        [9a3d…]',
        'Extra: authentication.kubernetes.io/pod-name        [app]',
        'Extra: authentication.kubernetes.io/pod-uid         [e21c…]',
        '',
      ].join('\n'),
    )
  })

  it('cuts a cell at its first line break, as printRows does', () => {
    expect(formatColumns([['NAME', 'MESSAGE'], ['a', 'first\nsecond'], ['b', 'esc\x1b[0m']])).toBe(
      'NAME   MESSAGE\na      first...\nb      esc^[[0m\n',
    )
  })

  it('remembers widths across tables separated by an empty line (RememberWidths)', () => {
    const out = formatColumns([['NAME', 'AGE'], ['a-long-name', '1s'], [], ['NAME', 'AGE'], ['b', '2s']])
    expect(out).toBe('NAME          AGE\na-long-name   1s\n\nNAME          AGE\nb             2s\n')
  })
})

describe('formatTabbed (kubectl describe: minwidth 0, padding 2)', () => {
  it('aligns the describe sa block', () => {
    const text =
      'Name:\tdefault\nNamespace:\tsa-demo\nLabels:\t<none>\nAnnotations:\t<none>\nImage pull secrets:\t<none>\nEvents:\t<none>\n'
    expect(formatTabbed(text, DESCRIBE_TABWRITER)).toBe(
      'Name:                default\nNamespace:           sa-demo\nLabels:              <none>\nAnnotations:         <none>\n' +
        'Image pull secrets:  <none>\nEvents:              <none>\n',
    )
  })

  it('aligns blocks separately: a line without the cell ends the block (describe ns, terminating)', () => {
    const t = 'Sun, 29 Nov 2026 16:27:03 +0000'
    const text =
      'Name:\tsa-demo\nLabels:\tkubernetes.io/metadata.name=sa-demo\nAnnotations:\t<none>\nStatus:\tTerminating\n' +
      'Conditions:\n' +
      '  Type\tStatus\tLastTransitionTime\tReason\tMessage\n' +
      '  ----\t------\t------------------\t------\t-------\n' +
      `  NamespaceDeletionDiscoveryFailure\tFalse\t${t}\tResourcesDiscovered\tAll resources successfully discovered\n` +
      `  NamespaceContentRemaining\tTrue\t${t}\tSomeResourcesRemain\tSome resources are remaining: pods. has 1 resource instances\n` +
      '\nNo resource quota.\n\nNo LimitRange resource.\n'
    expect(formatTabbed(text)).toBe(
      'Name:         sa-demo\nLabels:       kubernetes.io/metadata.name=sa-demo\nAnnotations:  <none>\nStatus:       Terminating\n' +
        'Conditions:\n' +
        '  Type                               Status  LastTransitionTime               Reason               Message\n' +
        '  ----                               ------  ------------------               ------               -------\n' +
        `  NamespaceDeletionDiscoveryFailure  False   ${t}  ResourcesDiscovered  All resources successfully discovered\n` +
        `  NamespaceContentRemaining          True    ${t}  SomeResourcesRemain  Some resources are remaining: pods. has 1 resource instances\n` +
        '\nNo resource quota.\n\nNo LimitRange resource.\n',
    )
  })

  it('keeps the trailing space of the pod Conditions rows', () => {
    const text = 'Conditions:\n  Type\tStatus\n  PodReadyToStartContainers \tTrue \n  Initialized \tTrue \n'
    expect(formatTabbed(text)).toBe(
      'Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n',
    )
  })

  it('nests column blocks: a cell only some lines have forms its own block', () => {
    // Go text/tabwriter doc example: column blocks are per consecutive lines having that cell.
    const text = 'aaaa\tbbb\td\naa\tb\tdd\na\n\tb\tc\n'
    expect(tabwrite(text, { minwidth: 0, padding: 1 })).toBe('aaaa bbb d\naa   b   dd\na\n b c\n')
  })

  it('follows the column blocks of the text/tabwriter package documentation', () => {
    // aaaa|bbb|d / aa  |b  |dd / a   | / aa  |cccc|eee
    const text = 'aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n'
    expect(tabwrite(text, { minwidth: 0, padding: 1 })).toBe('aaaa bbb d\naa   b   dd\na    \naa   cccc eee\n')
  })

  it('does not add a newline the text lacks', () => {
    expect(formatTabbed('a:\tb')).toBe('a:  b')
  })
})
