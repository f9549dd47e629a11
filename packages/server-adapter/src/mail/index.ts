/**
 * The e-mail side of the server adapter: the `Mailer` port and its SMTP implementation, the standard
 * messages of the request and alert workflows, and the builders of the registration, account and
 * directory-of-registers messages.
 *
 * @module
 */
export type { MailMessage, MailError, Mailer, RecordingMailer } from './mailer.js'
export { mailError, createRecordingMailer } from './mailer.js'
export type { SmtpMailerOptions, SmtpMailer } from './smtp-mailer.js'
export { createSmtpMailer, smtpMailError } from './smtp-mailer.js'
export type { MailLanguage, MailTranslations, MailRecipient } from './languages.js'
export { MAIL_LANGUAGES, mailLanguageOf, authorityRecipient } from './languages.js'
export type { MailContent } from './layout.js'
export type { MessageTemplate, NotificationMessage } from './notification-messages.js'
export { NOTIFICATION_MESSAGES, FALLBACK_MESSAGE, exchangeUrl, renderNotification } from './notification-messages.js'
export { notificationMails } from './notification-mails.js'
export type {
  InvitationMailData,
  SelfRegistrationCoordinatorMailData,
  SummaryLine,
  SelfRegistrationConfirmationMailData,
  ValidationAccessMailData,
  UserInstructionsMailData,
  TemporaryPasswordMailData,
  RegisterMailData,
} from './account-messages.js'
export {
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
} from './account-messages.js'
