/**
 * `@imi-kit/core/testing` — fixtures and a pure harness for testing procedures and the systems that
 * embed them: a directory of authorities and users in three member states, and a harness that runs
 * commands through decide and evolve, with fixtures for examples of the request procedure.
 *
 * @packageDocumentation
 */
export { PQ, SERVICES_LA, A, U, worldData, withRequestAccess, withAlertAccess, withUser, world } from './world.js'
export type { HarnessExchange, Harness } from './harness.js'
export { createHarness } from './harness.js'
export type { RequestHarness, WithOverrides } from './request-fixtures.js'
export {
  REQUEST_START,
  Q1,
  Q2,
  Q3,
  freeText,
  pqDraft,
  servicesDraft,
  standardAnswers,
  requestHarness,
  cmd,
  createRequest,
  sendRequest,
  acceptedRequest,
  repliedRequest,
  contentOf,
  allocationOn,
  coordinatorParametersOn,
  approvalRequiredOn,
  requestApprovalOn,
  replyApprovalOn,
  refusalOf,
  refusalCodeOf,
  DEROGATION_REQUEST_CONTENT,
  MEASURES_NOTIFICATION_CONTENT,
  derogationDraft,
  measuresNotificationDraft,
} from './request-fixtures.js'
export { ALERT_START, DAY, TEST_ALERT_POLICY, alertDraft, alertHarness, broadcastAlert, closedAlert, closureProposedAlert, forwardedAlert, objectionPeriodAlert, submittedAlert, testAlertProcedure } from './alert-fixtures.js'
export type { AlertSteps } from './alert-fixtures.js'
