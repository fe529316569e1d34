// Expected `kubectl -o yaml` text, copied from shared/reference/kubernetes-objects.md §4 (kube-root-ca.crt, folded annotation)

export const configmapRootCaYaml = `apiVersion: v1
data:
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    MIIDCzCCAfOgAwIBAgIUUz1sA+nV3MZJpnTHAgQ/Y/HVLe8wDQYJKoZIhvcNAQEL
    BQAwFTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNjExMjkxNTM1MjZaFw0zNjEx
    MjYxNTM1MjZaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEB
    AQUAA4IBDwAwggEKAoIBAQClJ2U7MKxkcuA2K9+X4Hh2AowlFPo+wDnOn4zlC6wd
    mmG7OVR0Xv7blfLz6Q9/2cPDXLH15/4RYPgQaeO3fuHaXEUrDMYt4qUmE5MerRYJ
    s2xOjFOpjf1XlS+3r96oegcE01rVpLjr44+oFt8X5mAyfujJzmEFy1vY9G0778GP
    dX6KkSG9Ubfsq7E3fsnSZn5tK9hP1BxtP6ITPvMbun2o78FiSZTmkWSzBkqF6fP6
    Z7QDpPxO31vzuDwgvfatOqjQZGNOkpaj5ARYxRvBUjRrAO0Dd4l01sS1f0P/8qqu
    XCKiVszYYdNqXniJr9Q8k2G6znPkEIEsEpQ+LT9Sh1MfAgMBAAGjUzBRMB0GA1Ud
    DgQWBBRQr2BgGmyjzbB7Ed5e1dsMdFBItjAfBgNVHSMEGDAWgBRQr2BgGmyjzbB7
    Ed5e1dsMdFBItjAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQB6
    N1/mh+TSuWSVFX5/PEFo5RjT7Of6QUpy4JHBlGYHZ/OEMBDtv6Fe8z/USdlXC8AE
    crS9IAp6M34ha9K75gUB6oLetbLHkJHMVOoPzu3eXZg9jMLqxWnnBqld4QRhdVcU
    0wYSTC6g9i0n7unA3r2Lio8pqn5TUVCrF09Z438hx5i9Y9+QcC7i7zhp18MdKcGq
    JAJE+icJaVwZEsyYG7dC3CF+6OnOMY650icIpGaxF0MU82Nwmimn+ME/TswNXYxV
    h39t1GLRpkXYQoN9DAq4Typ/raG2mgJ9HZTJq2cW7hQa/RV8rLqrdSS3GgAfVMI3
    PxxNzIok6JRbP8iWRpOT
    -----END CERTIFICATE-----
kind: ConfigMap
metadata:
  annotations:
    kubernetes.io/description: Contains a CA bundle that can be used to verify the
      kube-apiserver when using internal endpoints such as the internal service IP
      or kubernetes.default.svc. No other usage is guaranteed across distributions
      of Kubernetes clusters.
  creationTimestamp: "2026-11-29T15:26:57Z"
  name: kube-root-ca.crt
  namespace: sa-demo
  resourceVersion: "1103"
  uid: a3d4e5f6-0718-4a2b-9c3d-4e5f60718293
`
