/**
 * The languages the standard e-mails are written in, and how a recipient's language is chosen
 * (I18N-WORKING-LANGUAGE, I18N-STANDARD-MESSAGES).
 *
 * @module
 */
import type { Authority, Language } from '@imi-kit/core'

/**
 * The languages every standard e-mail is translated into. A recipient whose working language is
 * another official language of the EU reads the English text.
 *
 * @category mail
 */
export const MAIL_LANGUAGES = ['en', 'fr', 'de'] as const

/** A language of {@link MAIL_LANGUAGES}. @category mail */
export type MailLanguage = (typeof MAIL_LANGUAGES)[number]

/** One value per mail language. @category mail */
export type MailTranslations<T> = Readonly<Record<MailLanguage, T>>

/**
 * The address and the working language of whoever receives an e-mail. A core `User` is one.
 *
 * @category mail
 */
export interface MailRecipient {
  readonly email: string
  readonly language: Language
}

const isMailLanguage = (language: string): language is MailLanguage => (MAIL_LANGUAGES as ReadonlyArray<string>).includes(language)

/**
 * The language an e-mail to a reader of `language` is written in: that language where the messages
 * are translated into it, English otherwise.
 *
 * @example
 * ```ts
 * import { mailLanguageOf } from '@imi-kit/server-adapter'
 * mailLanguageOf('de') // 'de'
 * mailLanguageOf('hu') // 'en'
 * ```
 * @category mail
 */
export const mailLanguageOf = (language: string | undefined): MailLanguage => (language !== undefined && isMailLanguage(language) ? language : 'en')

/**
 * An authority's mailbox as a recipient. An authority has no working language of its own, only the
 * languages it understands: its mail is written in the first of them that the messages are
 * translated into, else in English.
 *
 * @example
 * ```ts
 * import { authorityRecipient } from '@imi-kit/server-adapter'
 * import { world, A } from '@imi-kit/core/testing'
 * const ministry = world().authority(A.itCa)
 * if (ministry !== undefined) authorityRecipient(ministry).language // 'en': Italian, then English
 * ```
 * @category mail
 */
export const authorityRecipient = (authority: Pick<Authority, 'email' | 'languages'>): MailRecipient => ({
  email: authority.email,
  language: authority.languages.find(isMailLanguage) ?? 'en',
})
