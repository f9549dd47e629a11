/**
 * Authorities, their role in each legislative area, their content role in each workflow, and the
 * workflow parameters with the manual's defaults.
 *
 * @module
 */
import type { AuthorityId, LegislativeAreaId } from './ids.js'
import type { MemberState } from './member-states.js'
import type { FreeText, Language, LocalizedText } from '../i18n/languages.js'

/**
 * The administrative role of an authority in one legislative area (spec §1.2). It is independent of
 * the authority's content role in a workflow (ACT-CONTENT-ROLE-INDEPENDENT).
 *
 * @category model
 */
export type LegislativeAreaRole = 'NIMIC' | 'SDIMIC' | 'LIMIC' | 'DIMIC' | 'competent-authority'

/** The roles that make an authority a coordinator (spec §1.2). @category model */
export const COORDINATOR_LA_ROLES: ReadonlyArray<LegislativeAreaRole> = ['NIMIC', 'SDIMIC', 'LIMIC', 'DIMIC']

/** Status of an authority, of its access to a legislative area, or of its access to a workflow. @category model */
export type AccessStatus = 'active' | 'requested' | 'suspended' | 'inactive' | 'removed'

/** Content role of an authority in the request workflow of one legislative area (spec §1.4). @category model */
export type RequestWorkflowRole = 'request-authority' | 'request-coordinator'

/**
 * The request-workflow parameters of a competent authority (spec §10.2), set by its coordinator.
 *
 * @category model
 */
export interface RequestAuthorityParameters {
  /** Requests and replies of this authority go through its coordinator's approval when the coordinator approves them. */
  readonly approvalRequired: boolean
  /** The authority may refuse incoming requests. */
  readonly mayRefuseRequests: boolean
  /** The authority may accept and answer requests; when false it can only send them. */
  readonly mayAcceptRequests: boolean
}

/**
 * The request-workflow parameters of a request coordinator (spec §10.3), per legislative area.
 *
 * @category model
 */
export interface RequestCoordinatorParameters {
  /** The coordinator gives its opinion when a request is escalated to arbitration. */
  readonly takesPartInArbitration: boolean
  /** The coordinator approves the requests of authorities that require approval. */
  readonly approveRequests: boolean
  /** The coordinator approves the replies of authorities that require approval. */
  readonly approveReplies: boolean
}

/**
 * Defaults of a competent authority's parameters (ACT-DEFAULT-APPROVAL-REQUIRED,
 * ACT-DEFAULT-MAY-REFUSE, ACT-DEFAULT-MAY-ACCEPT).
 *
 * @category constants
 */
export const DEFAULT_REQUEST_AUTHORITY_PARAMETERS: RequestAuthorityParameters = {
  approvalRequired: false,
  mayRefuseRequests: false,
  mayAcceptRequests: true,
}

/**
 * Defaults of a coordinator's parameters (ACT-DEFAULT-ARBITRATION, ACT-DEFAULT-APPROVE-REQUESTS,
 * ACT-DEFAULT-APPROVE-REPLIES).
 *
 * @category constants
 */
export const DEFAULT_REQUEST_COORDINATOR_PARAMETERS: RequestCoordinatorParameters = {
  takesPartInArbitration: true,
  approveRequests: false,
  approveReplies: false,
}

/**
 * An authority's access to the request workflow of one legislative area.
 *
 * @category model
 */
export interface RequestWorkflowAccess {
  readonly status: AccessStatus
  readonly role: RequestWorkflowRole
  /** Request coordinators of the same member state linked to the authority for this area. */
  readonly linkedCoordinators: ReadonlyArray<AuthorityId>
  readonly parameters: RequestAuthorityParameters
  /** Present when the role is `request-coordinator`. */
  readonly coordinatorParameters?: RequestCoordinatorParameters
  /** The allocation switch of this (authority, area) request workflow; off by default (ACT-DEFAULT-CA-ALLOCATION). */
  readonly allocation: boolean
}

/** Content role of an authority in the Services alert workflow (spec §1.5; ACT-ALERT-ROLE-EXCLUSIVE). @category model */
export type AlertWorkflowRole = 'alert-authority' | 'alert-coordinator'

/**
 * An authority's access to the alert workflow of the Services legislative area (spec §1.5, §7.3).
 *
 * @category model
 */
export interface AlertWorkflowAccess {
  readonly status: AccessStatus
  readonly role: AlertWorkflowRole
  /**
   * Designated incoming alert mailbox of its member state; only an alert coordinator may be one
   * (ACT-MAILBOX-IS-COORDINATOR).
   */
  readonly incomingMailbox: boolean
  /** Alert coordinators of the same member state linked to the authority (ACT-ALERT-AUTHORITY-LINKED). */
  readonly linkedCoordinators: ReadonlyArray<AuthorityId>
  /**
   * The coordinator's "final approval" parameter (spec §7.3): its broadcasters edit and delete content
   * before broadcast, provider data and case after it, and closure proposals. Only alert coordinators
   * hold it (ACT-FINAL-APPROVAL-HOLDERS); unchecked by default (ACT-DEFAULT-FINAL-APPROVAL).
   */
  readonly finalApproval: boolean
}

/**
 * Builds an authority's alert-workflow access with the defaults of the specification: an alert
 * authority, not a mailbox, final approval unchecked. A mailbox or final approval on an alert
 * authority is dropped, since only alert coordinators may hold them.
 *
 * @example
 * ```ts
 * import { alertWorkflowAccess } from '@imi-kit/core'
 * alertWorkflowAccess({ role: 'alert-coordinator', incomingMailbox: true }).finalApproval // false
 * ```
 * @category constructors
 */
export const alertWorkflowAccess = (patch: Partial<AlertWorkflowAccess> = {}): AlertWorkflowAccess => {
  const role = patch.role ?? 'alert-authority'
  const coordinator = role === 'alert-coordinator'
  return {
    status: patch.status ?? 'active',
    role,
    incomingMailbox: coordinator && (patch.incomingMailbox ?? false),
    linkedCoordinators: patch.linkedCoordinators ?? [],
    finalApproval: coordinator && (patch.finalApproval ?? false),
  }
}

/** The legislative area whose alert workflow the Services Directive alerts use (ACT-ALERT-SERVICES-ONLY). @category constants */
export const ALERT_LEGISLATIVE_AREA = 'services' as LegislativeAreaId

/**
 * An authority's access to one legislative area and its workflows.
 *
 * @category model
 */
export interface LegislativeAreaAccess {
  readonly legislativeArea: LegislativeAreaId
  readonly role: LegislativeAreaRole
  readonly status: AccessStatus
  readonly request?: RequestWorkflowAccess
  /** Only in the Services area (ACT-ALERT-SERVICES-ONLY). */
  readonly alert?: AlertWorkflowAccess
}

/**
 * A registered authority.
 *
 * @category model
 */
export interface Authority {
  readonly id: AuthorityId
  readonly name: string
  readonly memberState: MemberState
  readonly region?: string
  /** Receives the copies of automatic messages on requests. */
  readonly email: string
  /** The languages the authority understands, shown to senders of free text (I18N-LANGUAGES-SPOKEN). */
  readonly languages: ReadonlyArray<Language>
  /**
   * The informal name, chosen by the authority to say what it does and ease search, translated into
   * all official languages (I18N-AUTHORITY-INFORMAL-NAME); shown in the reader's display language.
   */
  readonly informalName?: LocalizedText
  /**
   * A short description, written in the authority's own official language and tagged with it, which
   * readers may have machine-translated (I18N-DESCRIPTION-LANGUAGE).
   */
  readonly description?: FreeText
  readonly status: AccessStatus
  readonly access: ReadonlyArray<LegislativeAreaAccess>
  /**
   * The coordinators holding an administrative function towards this authority (spec §1.3), whose
   * data administrators manage its users. Optional: a directory without it gives these powers to
   * nobody but the authority's own local data administrators.
   */
  readonly administrativeCoordinators?: AdministrativeCoordinators
}

/**
 * The coordinators that administer an authority (spec §1.3): its coordinator-validator, exactly one
 * and not tied to a legislative area, and its access coordinator in each legislative area. Their data
 * administrators may, among other things, reset the passwords of the authority's users
 * (LOGIN-RESET-BY-COORDINATOR) and give a forgotten username back (LOGIN-RECOVERY-COORDINATOR).
 *
 * @category model
 */
export interface AdministrativeCoordinators {
  /** The coordinator that registered or validated the authority, or the one it was reassigned to (spec §1.3.1). */
  readonly coordinatorValidator: AuthorityId
  /** The access coordinator of each legislative area the authority has access to (spec §1.3.2). */
  readonly accessCoordinators: ReadonlyArray<{ readonly legislativeArea: LegislativeAreaId; readonly coordinator: AuthorityId }>
}

/**
 * Builds the request-workflow access of a competent authority or coordinator with the manual's
 * defaults, overridden where given.
 *
 * @example
 * ```ts
 * import { requestWorkflowAccess, authorityId } from '@imi-kit/core'
 * const access = requestWorkflowAccess({ linkedCoordinators: [authorityId('fr-nimic')] })
 * access.parameters.mayAcceptRequests // true
 * ```
 * @category constructors
 */
export const requestWorkflowAccess = (
  patch: Partial<Omit<RequestWorkflowAccess, 'parameters' | 'coordinatorParameters'>> & {
    readonly parameters?: Partial<RequestAuthorityParameters>
    readonly coordinatorParameters?: Partial<RequestCoordinatorParameters>
  } = {},
): RequestWorkflowAccess => {
  const role = patch.role ?? 'request-authority'
  return {
    status: patch.status ?? 'active',
    role,
    linkedCoordinators: patch.linkedCoordinators ?? [],
    allocation: patch.allocation ?? false,
    parameters: { ...DEFAULT_REQUEST_AUTHORITY_PARAMETERS, ...patch.parameters },
    ...(role === 'request-coordinator'
      ? { coordinatorParameters: { ...DEFAULT_REQUEST_COORDINATOR_PARAMETERS, ...patch.coordinatorParameters } }
      : {}),
  }
}

/** The authority's access to a legislative area, if it has one. @category queries */
export const legislativeAreaAccess = (
  authority: Authority,
  la: LegislativeAreaId,
): LegislativeAreaAccess | undefined => authority.access.find((a) => a.legislativeArea === la)

/** The authority's access to the request workflow of an area, if it has one. @category queries */
export const requestAccess = (authority: Authority, la: LegislativeAreaId): RequestWorkflowAccess | undefined =>
  legislativeAreaAccess(authority, la)?.request

/**
 * True when the authority, its access to the area and its access to the request workflow are all
 * active: the condition to start or take part in an exchange.
 *
 * @category queries
 */
export const canUseRequestWorkflow = (authority: Authority, la: LegislativeAreaId): boolean => {
  const laAccess = legislativeAreaAccess(authority, la)
  return (
    authority.status === 'active' && laAccess?.status === 'active' && laAccess.request?.status === 'active'
  )
}

/** True when the authority is a request coordinator in the area. @category queries */
export const isRequestCoordinator = (authority: Authority, la: LegislativeAreaId): boolean =>
  requestAccess(authority, la)?.role === 'request-coordinator'

/** True when the authority holds a coordinator role (NIMIC, SDIMIC, LIMIC, DIMIC) in the area. @category queries */
export const isCoordinatorInArea = (authority: Authority, la: LegislativeAreaId): boolean => {
  const role = legislativeAreaAccess(authority, la)?.role
  return role !== undefined && COORDINATOR_LA_ROLES.includes(role)
}

/** The authority's access to the Services alert workflow, if it has one. @category queries */
export const alertAccess = (authority: Authority): AlertWorkflowAccess | undefined =>
  legislativeAreaAccess(authority, ALERT_LEGISLATIVE_AREA)?.alert

/**
 * True when the authority, its access to the Services area and its access to the alert workflow are
 * all active: the condition to launch or take part in an alert (ALERT-CREATE-WHO).
 *
 * @category queries
 */
export const canUseAlertWorkflow = (authority: Authority): boolean => {
  const laAccess = legislativeAreaAccess(authority, ALERT_LEGISLATIVE_AREA)
  return authority.status === 'active' && laAccess?.status === 'active' && laAccess.alert?.status === 'active'
}

/** True when the authority is an alert coordinator (incoming mailboxes included). @category queries */
export const isAlertCoordinator = (authority: Authority): boolean => alertAccess(authority)?.role === 'alert-coordinator'

/** True when the authority is an incoming alert mailbox of its member state. @category queries */
export const isIncomingAlertMailbox = (authority: Authority): boolean => {
  const a = alertAccess(authority)
  // Only an alert coordinator can be a mailbox (ACT-MAILBOX-IS-COORDINATOR), whatever the data says.
  return a?.role === 'alert-coordinator' && a.incomingMailbox
}
