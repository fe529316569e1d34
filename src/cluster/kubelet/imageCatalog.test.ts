// The catalogue of images that pull, and the runtime's error text for the others. The error
// forms are containerd's (CRI PullImage through the kubelet's "Failed to pull image %q: %v",
// pkg/kubelet/images/image_manager.go), as real clusters print them:
//  * unknown tag of a known repository: cvisionai/tator#439 `rpc error: code = NotFound desc =
//    failed to pull and unpack image "docker.io/...": failed to resolve reference "docker.io/...":
//    docker.io/...: not found`
//  * unknown Docker Hub repository: bitnami/charts#23406 `rpc error: code = Unknown desc = failed
//    to pull and unpack image ...: failed to resolve reference ...: pull access denied, repository
//    does not exist or may require authorization: server message: insufficient_scope: authorization failed`
import { describe, expect, it } from 'vitest'
import { catalogImage, normalizeImage, pullError } from './imageCatalog'

describe('image catalogue', () => {
  it('knows the common images, their tags and :latest', () => {
    for (const image of ['registry.k8s.io/e2e-test-images/agnhost:2.45', 'registry.k8s.io/e2e-test-images/agnhost:2.53', 'busybox', 'busybox:1.36',
      'busybox:1.36.1-musl', 'alpine:3.20', 'nginx', 'nginx:1.27-alpine', 'nginx:stable', 'curlimages/curl:8.11.1', 'ubuntu:24.04', 'ubuntu:jammy',
      'debian:bookworm-slim', 'debian:12', 'python:3.12-slim', 'python:3', 'registry.k8s.io/pause:3.10', 'docker.io/library/busybox:latest',
      `busybox@sha256:${'a'.repeat(64)}`]) {
      expect(catalogImage(image), image).toBeDefined()
    }
  })

  it('does not know other images or tags that do not exist', () => {
    for (const image of ['nosuchimage', 'nginx:nosuchtag', 'busybox:9.9', 'agnhost:2.45', 'registry.k8s.io/agnhost:2.45', 'ubuntu:99.04', 'Busybox']) {
      expect(catalogImage(image), image).toBeUndefined()
    }
  })

  it('normalises as containerd names images', () => {
    expect(normalizeImage('nginx')).toBe('docker.io/library/nginx:latest')
    expect(normalizeImage('curlimages/curl')).toBe('docker.io/curlimages/curl:latest')
    expect(normalizeImage('registry.k8s.io/pause:3.10')).toBe('registry.k8s.io/pause:3.10')
  })

  it('answers an unknown Docker Hub repository with pull access denied, an unknown tag with not found', () => {
    expect(pullError('nosuchimage')).toBe('rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nosuchimage:latest": failed to resolve reference "docker.io/library/nosuchimage:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed')
    expect(pullError('nginx:nosuchtag')).toBe('rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:nosuchtag": failed to resolve reference "docker.io/library/nginx:nosuchtag": docker.io/library/nginx:nosuchtag: not found')
    expect(pullError('registry.k8s.io/nope:1')).toContain('code = NotFound')
  })
})
