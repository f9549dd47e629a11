/**
 * `@imi-kit/core` — the procedures of the EU Internal Market Information system as pure deciders,
 * with roles, need-to-know views, deadlines, retention and notifications as data, and the application
 * service that runs them over storage ports.
 *
 * @packageDocumentation
 */

// model
export type { Brand, AuthorityId, UserId, ExchangeId, LegislativeAreaId, QuestionSetId, AttachmentId } from './model/ids.js'
export {
  AuthorityIdCodec,
  UserIdCodec,
  ExchangeIdCodec,
  LegislativeAreaIdCodec,
  QuestionSetIdCodec,
  AttachmentIdCodec,
  authorityId,
  userId,
  exchangeId,
  legislativeAreaId,
  questionSetId,
  attachmentId,
} from './model/ids.js'
export type { MemberState } from './model/member-states.js'
export { MEMBER_STATES, COMMISSION, MemberStateCodec, isMemberState } from './model/member-states.js'
export type { Language, LocalizedText, FreeText, DraftFreeText } from './i18n/languages.js'
export { LANGUAGES, LanguageCodec, FreeTextCodec, DraftFreeTextCodec, FREE_TEXT_MAX_LENGTH, localize } from './i18n/languages.js'
export type { RuleId, DomainError } from './model/errors.js'
export { domainError, isDomainError, invalidInput } from './model/errors.js'
export type { Redacted, MaybeRedacted, AnyCodec, PersonalDataRef } from './model/personal-data.js'
export {
  PersonalDataType,
  personalData,
  isRedacted,
  mapPersonalData,
  redactPersonalData,
  collectPersonalData,
  extractPersonalData,
  restorePersonalData,
} from './model/personal-data.js'
export type {
  LegislativeAreaRole,
  AccessStatus,
  RequestWorkflowRole,
  RequestAuthorityParameters,
  RequestCoordinatorParameters,
  RequestWorkflowAccess,
  LegislativeAreaAccess,
  Authority,
} from './model/authorities.js'
export {
  COORDINATOR_LA_ROLES,
  DEFAULT_REQUEST_AUTHORITY_PARAMETERS,
  DEFAULT_REQUEST_COORDINATOR_PARAMETERS,
  requestWorkflowAccess,
  legislativeAreaAccess,
  requestAccess,
  canUseRequestWorkflow,
  isRequestCoordinator,
  isCoordinatorInArea,
  alertWorkflowAccess,
  alertAccess,
  canUseAlertWorkflow,
  isAlertCoordinator,
  isIncomingAlertMailbox,
  ALERT_LEGISLATIVE_AREA,
} from './model/authorities.js'
export type { AlertWorkflowAccess, AlertWorkflowRole } from './model/authorities.js'
export type { RequestUserRole, GeneralUserRole, RequestRoleGrant, User, AlertUserRole } from './model/users.js'
export { effectiveRequestRoles, hasRequestRole, effectiveAlertRoles, hasAlertRole } from './model/users.js'
export type {
  CaseField,
  LegislativeArea,
  QuestionParameter,
  PredefinedAnswer,
  PredefinedQuestion,
  QuestionCategory,
  QuestionSet,
} from './model/legislative-areas.js'
export { findQuestion, allQuestions } from './model/legislative-areas.js'
export type { Directory, DirectoryData } from './model/directory.js'
export { createDirectory } from './model/directory.js'
export type { DirectoryProblem } from './model/directory-invariants.js'
export { checkDirectory } from './model/directory-invariants.js'
export type { Actor, Viewer } from './model/actor.js'
export { ActorCodec, SYSTEM, userViewer, viewerOf } from './model/actor.js'
export type { IdSource, Context } from './model/context.js'
export { sequentialIds } from './model/context.js'

// data
export { PROFESSIONAL_QUALIFICATIONS, SERVICES, LEGISLATIVE_AREAS } from './data/legislative-areas.js'
export { PROFESSIONAL_QUALIFICATIONS_GENERAL, SERVICES_PROVIDER, QUESTION_SETS } from './data/question-sets.js'

// procedures
export type {
  ProcedureId,
  ActionId,
  EventEnvelope,
  Decision,
  Timer,
  Recipient,
  Notification,
  HistoryEntry,
  AccessLevel,
  ExchangeView,
  ExchangeSummary,
  RetentionSchedule,
  Procedure,
  AnyProcedure,
  ProcedureRegistry,
} from './procedure/procedure.js'
export { createProcedureRegistry } from './procedure/procedure.js'
export type { ExchangeAudience, ListingScope } from './procedure/listing.js'
export { listingScope, isListedFor, listedStatus, COMMISSION_SCOPE, COMMISSION_SCOPE_ID } from './procedure/listing.js'
export type { SearchKey } from './procedure/search.js'
export { DASHBOARD_RECENT_DAYS, TO_ANSWER_STATUSES, dashboardOf, decodeSearchCursor, encodeSearchCursor, matchesSearch, searchKey, searchSummaries } from './procedure/search.js'
export type { ResolvedRecipients } from './procedure/recipients.js'
export { resolveRecipients } from './procedure/recipients.js'
export * from './procedures/request/index.js'
export * from './procedures/alert/index.js'

// application
export type {
  StoredEvent,
  EventStore,
  SummaryQuery,
  SearchSort,
  SearchQuery,
  SearchPage,
  DashboardCounts,
  Projections,
  TimerStore,
  OutboxMessage,
  Outbox,
  DeadLetter,
  AccountRecord,
  AccountStore,
  SessionRecord,
  SessionStore,
  ReportListing,
  ReportRecord,
  ReportStore,
  Changes,
  ConcurrencyConflict,
  Storage,
  Clock,
} from './application/ports.js'
export { fixedClock } from './application/ports.js'
export type { ExecutionResult, ApplicationOptions, LoadedExchange, ApplicationService } from './application/service.js'
export { createApplicationService } from './application/service.js'
export { decodeCommand, decodeRegisteredCommand } from './application/decode.js'
export { machineToMermaid } from './procedure/diagram.js'

// individual derogations (Services Directive, Art. 18 and 35; spec §8). The request procedure's
// derogation exports come through `./procedures/request/index.js` above.
export type { DerogationKind, DerogationChecklistItem, DerogationFreeTextField, QuestionSetDerogation } from './model/legislative-areas.js'
export { DEROGATION_CHECKLIST_STEPS } from './model/legislative-areas.js'
export { SERVICES_DEROGATION_REQUEST, SERVICES_MEASURES_NOTIFICATION } from './data/question-sets.js'

// alert-role assignment and the first user's roles (spec §1.2.7, §1.6; ACT-ASSIGN-ALERT-*, ACT-FIRST-USER-*)
export type { AssignableAlertRole, AlertRoleAssigner, FirstUserRoles } from './model/alert-role-assignment.js'
export { ASSIGNABLE_ALERT_ROLES, ALERT_ROLE_ASSIGNMENT, mayAssignAlertRole, firstUserRoles } from './model/alert-role-assignment.js'

// client
export type { AuthorityCard, AuthorityQuery } from './client/authority-search.js'
export { AuthorityQueryCodec, decodeAuthorityQuery, searchAuthorities } from './client/authority-search.js'
export type { SearchInput } from './client/search-input.js'
export { SearchInputCodec, decodeSearchInput } from './client/search-input.js'
export type { CommandResult, ImiClient, ListedPage, ListedSummary, LocalClientOptions, SignedIn } from './client/client.js'
export { createLocalImiClient, signedIn } from './client/client.js'

// built-in IMI login: credentials, security-code challenge, account lifecycle, credential administration (spec §4; LOGIN-*)
export type { AdministrativeCoordinators } from './model/authorities.js'
export type {
  RandomInt,
  CharacterClass,
  PasswordPolicy,
  PasswordRequirement,
  SecurityCodeProblem,
  ChallengePositions,
  RegistrationPath,
  UsernameChannel,
  UsernameDelivery,
  LoginRules,
  AccountStage,
  LoginAccountState,
  AccountEffect,
  AccountTransition,
  LoginEvidence,
  LoginOutcome,
  LoginAttemptResult,
  CredentialAdministration,
  CredentialAction,
  RecoveryContacts,
} from './login/index.js'
export {
  PASSWORD_MIN_LENGTH,
  SECURITY_CODE_LENGTH,
  TEMPORARY_PASSWORD_LENGTH,
  DEFAULT_PASSWORD_POLICY,
  characterClass,
  credentialCharacters,
  normalizeCredential,
  passwordPolicy,
  describePasswordPolicy,
  checkPassword,
  checkSecurityCode,
  generateTemporaryPassword,
  SECURITY_CODE_CHALLENGE_COUNT,
  challengePositions,
  isChallengePositions,
  verifySecurityCode,
  USERNAME_LENGTH,
  generateUsername,
  usernameDelivery,
  mentionsUsername,
  MAX_LOGIN_ATTEMPTS,
  TEMP_PASSWORD_SEND_MAX_DELAY_HOURS,
  DEFAULT_TEMP_PASSWORD_VALIDITY_DAYS,
  DEFAULT_LOGIN_RULES,
  LoginAccountStateCodec,
  loginRules,
  isBlocked,
  isTemporaryPasswordExpired,
  openAccount,
  validateAccount,
  resetAccount,
  recordFailure,
  attemptLogin,
  changeAccountPassword,
  setAccountSecurityCode,
  responsibleCoordinators,
  mayAdministerCredentials,
  recoveryContacts,
} from './login/index.js'

// user-interface labels
export type { LabelSection } from './i18n/ui/catalogue.js'
export { COMPLETE_UI_LANGUAGES, UI_LABELS, extendUiLabels, isUiLanguageAvailable, uiLabel } from './i18n/ui/catalogue.js'
export type { UiLanguagePack } from './i18n/packs.js'
export { registerUiLanguage, isUiLanguageRegistered, isUiLanguagePack } from './i18n/packs.js'
export { COMMON_LABELS } from './i18n/ui/common.js'
export { STATUS_LABELS as UI_STATUS_LABELS } from './i18n/ui/statuses.js'

// machine translation (I18N-MT-*) and the directory of registers, reduced to its multilingual rules (spec §9, §12)
export type { LanguagePair, TranslationConfig, Translator, TranslationRequest, MachineTranslation, TranslationInput } from './i18n/translation.js'
export {
  isPairSupported,
  translationRequest,
  translateFreeText,
  TranslationInputCodec,
  decodeTranslationInput,
  missingTranslations,
  createDictionaryTranslator,
} from './i18n/translation.js'
export type { Register, DisplayedInformalName } from './registers/registers.js'
export { registerInformalName, withCommissionTranslations, searchRegisters } from './registers/registers.js'

// retention rules as data per legal basis, and `explain` for every derived date (issue 7, RET-*)
export type {
  RetentionCalendar,
  RetentionAnchor,
  RetentionStepKind,
  RetentionStepRule,
  RetentionPolicy,
  RetentionPolicyId,
  ScheduledRetentionStep,
  RetentionOverrides,
  StatisticalField,
} from './retention/policies.js'
export {
  RETENTION_TIME_ZONE,
  RETENTION_POLICIES,
  STATISTICAL_FIELDS,
  addInCalendar,
  retentionSchedule,
  scheduledStep,
  statisticsStub,
} from './retention/policies.js'
export type { ExplainQuestion, ExplainCalendar, ExplainInput, Explanation, ExplainOptions } from './retention/explain.js'
export { explain, explainRequest, explainAlert, hasPassed } from './retention/explain.js'
// early removal of personal data before its scheduled date (RET-EARLY-REMOVAL)
export type { EarlyRemoval, EarlyRemovalRequester } from './retention/early-removal.js'
export { EARLY_REMOVAL_REQUESTERS, EarlyRemovalRequesterCodec, ErasurePayloadCodec, earlyRemovalFields, earlyRemovalOf, scheduleAfterEarlyRemoval } from './retention/early-removal.js'

// time done right: calendar days, calendar months clamped to the month end, working days, Europe/Brussels local-time
// rules (RET-SYSTEM-TIMEZONE, RET-MONTH-ARITHMETIC, REG-INV-DISPATCH-*). `addCalendarMonths` and `REFERENCE_TIME_ZONE`
// are these, which take precedence over the same names re-exported from the request procedure.
export type { LocalDate, Weekday, WorkingDayCalendar } from './time/index.js'
export {
  REFERENCE_TIME_ZONE,
  MONDAY_TO_FRIDAY,
  EU_INSTITUTIONS_2026_2027,
  localDate,
  localTimeOfDay,
  addCalendarDays,
  addCalendarMonths,
  isWorkingDay,
  nextWorkingDay,
  addWorkingDays,
  INVITATION_CUTOFF_LOCAL_TIME,
  invitationDispatchNight,
} from './time/index.js'

// request reports and the data-subject facilities (spec §6.16, §11.4; SRCH-REPORT-*, RET-SUBJECT-REPORT, RET-CONSENT-FORM)
export type {
  ReportKind,
  ReportPart,
  ReportInput,
  ReportRow,
  ReportSectionId,
  ReportSection,
  ReportDocument,
  ReportLanguage,
  ReportLabels,
  PersonalDataWithheld,
  ReportPermissions,
  CheckedReportInput,
  BuildReportInput,
  ReportServiceOptions,
  ReportService,
} from './reports/index.js'
export {
  REPORT_KINDS,
  PERSONAL_DATA_KINDS,
  REPORT_PARTS,
  PERSONAL_DATA_PARTS,
  PARTS_OF_KIND,
  ReportInputCodec,
  REPORT_LANGUAGES,
  REPORT_LABELS,
  isReportLanguage,
  personalDataAvailableAt,
  reportPermissions,
  allowedReportKinds,
  checkReportInput,
  buildReport,
  reportView,
  escapeHtml,
  renderReportHtml,
  REPORT_AVAILABILITY_DAYS,
  reportExpiresAt,
  isReportAvailable,
  createReportService,
} from './reports/index.js'
