import { describe, expect, it } from 'vitest'
import { nameOf, printNames } from './name'

describe('name printer', () => {
  it('prints kind/name for the core group and kind.group/name otherwise', () => {
    expect(nameOf({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'app' } })).toBe('pod/app')
    expect(nameOf({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'sa-demo' } })).toBe('namespace/sa-demo')
    expect(nameOf({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'app-sa' } })).toBe('serviceaccount/app-sa')
    expect(nameOf({ kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: { name: 'x' } })).toBe(
      'role.rbac.authorization.k8s.io/x',
    )
    expect(nameOf({ kind: 'RoleBinding', apiVersion: 'rbac.authorization.k8s.io/v1', metadata: { name: 'read-pods' } })).toBe(
      'rolebinding.rbac.authorization.k8s.io/read-pods',
    )
  })
  it('prints one line per object, with the operation', () => {
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'app' } }
    expect(printNames(pod, 'created')).toBe('pod/app created\n')
    expect(printNames({ kind: 'List', items: [pod, { ...pod, metadata: { name: 'web' } }] })).toBe('pod/app\npod/web\n')
    expect(printNames({ kind: 'Pod', apiVersion: 'v1', metadata: { name: '' } })).toBe('pod/<unknown>\n')
  })
})
