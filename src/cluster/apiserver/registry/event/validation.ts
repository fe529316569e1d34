// Event validation, on the stored (core/v1) form whichever group the request came through: the
// legacy rules always, the strict ones only for requests through events.k8s.io/v1. Field paths are
// those of the internal type as upstream prints them.
// Imitates: pkg/apis/core/validation/events.go (ValidateEventCreate, legacyValidateEvent,
// validateV1EventSeries) and k8s.io/apimachinery/pkg/util/validation (IsQualifiedName, in v0.35 content.IsLabelKey)

import { invalid, required, type FieldError } from '../../../../common/apiErrors'
import type { Event } from '../../../api/event'
import { isLabelKey, nameIsDNSSubdomain, validateObjectMeta } from '../../../api/validation'

const REPORTING_INSTANCE_LENGTH_LIMIT = 128
const ACTION_LENGTH_LIMIT = 128
const REASON_LENGTH_LIMIT = 128
const NOTE_LENGTH_LIMIT = 1024

const len = (s: string | undefined) => (s ?? '').length

/** legacyValidateEvent: the namespace of the event and of its object agree; new-style events carry their reporter. */
function legacyValidateEvent(e: Event): FieldError[] {
  const errs: FieldError[] = []
  const ns = e.metadata.namespace ?? ''
  const objNs = e.involvedObject?.namespace ?? ''
  const mismatch = () => invalid('involvedObject.namespace', objNs, 'does not match event.namespace')
  if (!e.eventTime) {
    if (objNs === '' ? ns !== '' && ns !== 'default' : ns !== objNs) errs.push(mismatch())
  } else {
    if (objNs === '' && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch())
    // core/v1's JSON name of ReportingController (kubernetes PR 111506)
    if (len(e.reportingComponent) === 0) errs.push(required('reportingComponent'))
    for (const m of isLabelKey(e.reportingComponent ?? '')) errs.push(invalid('reportingComponent', e.reportingComponent ?? '', m))
    if (len(e.reportingInstance) === 0) errs.push(required('reportingInstance'))
    if (len(e.reportingInstance) > REPORTING_INSTANCE_LENGTH_LIMIT) errs.push(invalid('reportingInstance', '', `can have at most ${REPORTING_INSTANCE_LENGTH_LIMIT} characters`))
    if (len(e.action) === 0) errs.push(required('action'))
    if (len(e.action) > ACTION_LENGTH_LIMIT) errs.push(invalid('action', '', `can have at most ${ACTION_LENGTH_LIMIT} characters`))
    if (len(e.reason) === 0) errs.push(required('reason'))
    if (len(e.reason) > REASON_LENGTH_LIMIT) errs.push(invalid('reason', '', `can have at most ${REASON_LENGTH_LIMIT} characters`))
    if (len(e.message) > NOTE_LENGTH_LIMIT) errs.push(invalid('message', '', `can have at most ${NOTE_LENGTH_LIMIT} characters`))
  }
  // (IsDNS1123Subdomain(namespace): the URL's namespace, which exists, always passes)
  return errs
}

function validateV1EventSeries(e: Event): FieldError[] {
  const errs: FieldError[] = []
  if (e.series) {
    if ((e.series.count ?? 0) < 2) errs.push(invalid('series.count', '', 'should be at least 2'))
    if (!e.series.lastObservedTime) errs.push(required('series.lastObservedTime'))
  }
  return errs
}

/** ValidateEventCreate: `strict` for requests through events.k8s.io/v1 (not core/v1 or v1beta1). */
export function validateEventCreate(e: Event, strict: boolean): FieldError[] {
  const errs = legacyValidateEvent(e)
  if (!strict) return errs
  errs.push(...validateObjectMeta(e.metadata, true, nameIsDNSSubdomain), ...validateV1EventSeries(e))
  if (!e.eventTime) errs.push(required('eventTime'))
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${e.type ?? ''}`))
  if (e.firstTimestamp) errs.push(invalid('firstTimestamp', '', 'needs to be unset'))
  if (e.lastTimestamp) errs.push(invalid('lastTimestamp', '', 'needs to be unset'))
  if (e.count) errs.push(invalid('count', '', 'needs to be unset'))
  if (e.source?.component || e.source?.host) errs.push(invalid('source', '', 'needs to be unset'))
  return errs
}
