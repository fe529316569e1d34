// Services and the objects that list their endpoints (core/v1 Endpoints, discovery.k8s.io/v1
// EndpointSlice): the lab serves them and routes no traffic.
// Imitates: k8s.io/api/core/v1/types.go (Service, Endpoints) and k8s.io/api/discovery/v1/types.go

import type { ObjectReference } from './core'
import type { KObject } from './meta'

export interface ServicePort { name?: string; protocol?: string; appProtocol?: string; port: number; targetPort?: number | string; nodePort?: number }
export interface ServiceSpec {
  ports?: ServicePort[]
  selector?: Record<string, string>
  clusterIP?: string
  clusterIPs?: string[]
  type?: string
  externalIPs?: string[]
  sessionAffinity?: string
  ipFamilies?: string[]
  ipFamilyPolicy?: string
  internalTrafficPolicy?: string
  [k: string]: unknown
}
export interface Service extends KObject { spec?: ServiceSpec; status?: { loadBalancer?: Record<string, unknown>; [k: string]: unknown } }

export interface EndpointAddress { ip: string; hostname?: string; nodeName?: string; targetRef?: ObjectReference }
export interface EndpointPort { name?: string; port: number; protocol?: string; appProtocol?: string }
export interface EndpointSubset { addresses?: EndpointAddress[]; notReadyAddresses?: EndpointAddress[]; ports?: EndpointPort[] }
export interface Endpoints extends KObject { subsets?: EndpointSubset[] }

export interface EndpointConditions { ready?: boolean; serving?: boolean; terminating?: boolean }
export interface Endpoint {
  addresses: string[]
  conditions?: EndpointConditions
  hostname?: string
  targetRef?: ObjectReference
  nodeName?: string
  zone?: string
}
export interface EndpointSlicePort { name?: string; protocol?: string; port?: number; appProtocol?: string }
export interface EndpointSlice extends KObject { addressType: string; endpoints: Endpoint[]; ports?: EndpointSlicePort[] }
