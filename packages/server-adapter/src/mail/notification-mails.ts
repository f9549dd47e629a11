/**
 * From a notification to the e-mails it causes: its symbolic recipients resolved against the
 * directory at delivery time, one e-mail per user in that user's working language, and one per
 * authority mailbox copied (request messages only; alert messages name no mailbox).
 *
 * @module
 */
import type { Authority, Directory, Notification } from '@imi-kit/core'
import { resolveRecipients } from '@imi-kit/core'
import type { MailMessage } from './mailer.js'
import { authorityRecipient, mailLanguageOf } from './languages.js'
import { renderNotification } from './notification-messages.js'

/**
 * The e-mails of one notification: one per active user it reaches, rendered in the user's working
 * language (I18N-WORKING-LANGUAGE), then one per authority mailbox it copies, in the authority's
 * first language the messages are translated into. An address reached twice (a user whose address is
 * also a mailbox) gets one e-mail.
 *
 * @example
 * ```ts
 * import { notificationMails } from '@imi-kit/server-adapter'
 * import { exchangeId } from '@imi-kit/core'
 * import type { Notification } from '@imi-kit/core'
 * import { world, A } from '@imi-kit/core/testing'
 * const n: Notification = { message: 'request.incoming', exchangeId: exchangeId('x-1'), exchangeNumber: 'REQ-000001', ruleId: 'MAIL-INCOMING-ALLOC-OFF', recipients: [{ kind: 'authority-mailbox', authorityId: A.deCa }] }
 * notificationMails(n, world(), { baseUrl: 'https://imi.example.org' })[0]?.subject // 'IMI: neues Ersuchen REQ-000001 wartet auf Annahme'
 * ```
 * @category mail
 */
export const notificationMails = (notification: Notification, directory: Directory, options: { readonly baseUrl: string }): ReadonlyArray<MailMessage> => {
  const { users, mailboxes } = resolveRecipients(notification, directory)
  // The mailboxes come back as addresses: their authorities, for their languages, are among the recipients.
  const mailboxAuthorities = new Map<string, Authority>()
  for (const r of notification.recipients) {
    if (r.kind !== 'authority-mailbox') continue
    const authority = directory.authority(r.authorityId)
    if (authority !== undefined) mailboxAuthorities.set(authority.email, authority)
  }
  const seen = new Set<string>()
  const mails: MailMessage[] = []
  const add = (to: string, language: string) => {
    const key = to.trim().toLowerCase()
    if (key.length === 0 || seen.has(key)) return
    seen.add(key)
    mails.push({ to, ...renderNotification(notification, { language: mailLanguageOf(language), baseUrl: options.baseUrl }) })
  }
  for (const u of users) add(u.email, u.language)
  for (const address of mailboxes) {
    const authority = mailboxAuthorities.get(address)
    add(address, authority === undefined ? 'en' : authorityRecipient(authority).language)
  }
  return mails
}
