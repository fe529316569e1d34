// Expected texts from k8s.io/apimachinery/pkg/api/errors/errors.go (NewGenericServerResponse,
// NewInternalError) as client-go builds them for a response that is not a Status.
import { describe, expect, it } from 'vitest'
import { newFailure, newGenericServerResponse, newInternalError } from './apiErrors'

describe('newGenericServerResponse', () => {
  it('gives the reason and the generic message of the code, and keeps the body as the cause', () => {
    expect(newGenericServerResponse(404, '404 page not found')).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure',
      message: 'the server could not find the requested resource', reason: 'NotFound',
      details: { causes: [{ type: 'UnexpectedServerResponse', message: '404 page not found' }] }, code: 404,
    })
    expect(newGenericServerResponse(405, '405: Method Not Allowed')).toMatchObject({ reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource' })
    expect(newGenericServerResponse(409, 'x', 'POST').reason).toBe('AlreadyExists')
    expect(newGenericServerResponse(409, 'x', 'PUT')).toMatchObject({ reason: 'Conflict', message: 'the server reported a conflict' })
  })

  it('keeps the server\'s text for 403, quotes it for 5xx, and has no reason for other codes', () => {
    expect(newGenericServerResponse(403, 'no way').message).toBe('no way')
    expect(newGenericServerResponse(502, 'bad "gateway"').message).toBe('an error on the server ("bad \\"gateway\\"") has prevented the request from succeeding')
    const teapot = newGenericServerResponse(418, 'tea')
    expect(teapot.message).toBe('the server responded with the status code 418 but did not return more information')
    expect('reason' in teapot).toBe(false)
  })
})

describe('other failures', () => {
  it('newInternalError prefixes the message and names the cause; newFailure carries no details', () => {
    expect(newInternalError('boom')).toMatchObject({ code: 500, reason: 'InternalError', message: 'Internal error occurred: boom', details: { causes: [{ message: 'boom' }] } })
    expect(newFailure(404, 'NotFound', 'unable to upgrade connection: container not found ("x")')).toEqual({
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'unable to upgrade connection: container not found ("x")', reason: 'NotFound', code: 404,
    })
  })
})
