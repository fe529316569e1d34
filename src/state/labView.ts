// Types the panels' pure helpers still import from here (the projection itself is the store's
// lab slice, src/state/slices/lab.ts).

export type { AuditEntry, DecodedJwt, EditRequest, Fact, TokenInspection, TokenSchedule } from './labPort'
