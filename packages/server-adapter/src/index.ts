/**
 * `@imi-kit/server-adapter`: the HTTP side of imi-kit — a web-standard handler over the core's
 * application service, its Node binding, attachment storage, and (as they land) the built-in login,
 * the worker and exports.
 *
 * @module
 */
export type { Authenticate, ExtraRoutes, ImiHandlerOptions, SearchExporter } from './http/handler.js'
export { createImiHandler, DEFAULT_ATTACHMENT_LIMIT, DEFAULT_ATTACHMENT_TYPES, DEFAULT_BODY_LIMIT } from './http/handler.js'
export { createNodeListener } from './http/node.js'
export { openApiDocument } from './http/openapi.js'
export type { ErrorBody } from './http/responses.js'
export { errorResponse, json, statusOf } from './http/responses.js'
export type { Method, OperationId, RouteSpec } from './http/routes.js'
export { ROUTES, matchPath } from './http/routes.js'
export type { BlobInfo, BlobRejection, BlobStore } from './attachments/blob-store.js'
export { createFileBlobStore, createMemoryBlobStore } from './attachments/blob-store.js'
export type { DeliverTemporaryPassword } from './http/login-routes.js'
export { loginRoutes } from './http/login-routes.js'
export type { PublicOperationId } from './http/routes.js'
export type {
  AuthenticatedSession,
  ChangePasswordInput,
  ChangePasswordResult,
  ImiLogin,
  ImiLoginConfig,
  ImiLoginOptions,
  IssuedSession,
  LoginChallenge,
  LoginResult,
  PasswordReset,
  RegisteredAccount,
  TemporaryPasswordDelivery,
  LoginRandom,
  ScryptParameters,
} from './login/index.js'
export {
  createImiLogin,
  DEFAULT_SCRYPT_PARAMETERS,
  cryptoRandom,
  CSRF_HEADER,
  DEFAULT_CSRF_COOKIE,
  DEFAULT_SESSION_COOKIE,
  csrfCookie,
  expiredCookie,
  parseCookies,
  sessionCookie,
  Secret,
} from './login/index.js'
export type {
  MailMessage,
  MailError,
  Mailer,
  RecordingMailer,
  SmtpMailerOptions,
  SmtpMailer,
  MailLanguage,
  MailTranslations,
  MailRecipient,
  MailContent,
  MessageTemplate,
  NotificationMessage,
  InvitationMailData,
  SelfRegistrationCoordinatorMailData,
  SummaryLine,
  SelfRegistrationConfirmationMailData,
  ValidationAccessMailData,
  UserInstructionsMailData,
  TemporaryPasswordMailData,
  RegisterMailData,
} from './mail/index.js'
export {
  mailError,
  createRecordingMailer,
  createSmtpMailer,
  smtpMailError,
  MAIL_LANGUAGES,
  mailLanguageOf,
  authorityRecipient,
  NOTIFICATION_MESSAGES,
  FALLBACK_MESSAGE,
  exchangeUrl,
  renderNotification,
  notificationMails,
  localDataAdministrators,
  invitationMail,
  selfRegistrationCoordinatorMail,
  selfRegistrationConfirmationMail,
  validationAccessMail,
  userInstructionsMail,
  temporaryPasswordMail,
  registerDeletedMail,
  registerTransferredMail,
  registerDeletedMails,
  registerTransferredMails,
} from './mail/index.js'
export type { Backoff, ExponentialBackoffOptions, WorkerOptions, WorkerRun, Worker } from './worker/index.js'
export { exponentialBackoff, createWorker } from './worker/index.js'
export type { ExportColumn, ExportLabels, ExportDates, ExportFormat, ExportSource, ExportSearchOptions, ExportFile, ExportStream } from './exports/index.js'
export {
  EXPORT_COLUMNS,
  EXPORT_HEADERS,
  EXPORT_SHEET_NAME,
  PROCEDURE_LABELS,
  STATUS_LABELS,
  UNKNOWN_LABEL,
  CSV_BOM,
  CSV_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  neutraliseFormula,
  ExportColumnCodec,
  ExportDatesCodec,
  ExportFormatCodec,
  exportSearch,
  exportSearchStream,
  EXPORT_MAX_ROWS,
  loadExchanges,
  searchAll,
} from './exports/index.js'
export { builtInExporter } from './http/export-route.js'
