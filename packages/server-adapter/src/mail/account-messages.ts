/**
 * The standard e-mails of registration, user accounts and the directory of registers (spec §3.3–3.6,
 * §4.2, §9.3), as pure builders: each takes the data its message needs and returns the e-mail, in the
 * recipient's working language (English, French or German; English for the other languages). The
 * registration, login and registers procedures call them when they send these messages.
 *
 * No builder takes a username: a username is never e-mailed (LOGIN-USERNAME-NEVER-EMAILED). The one
 * builder whose data may hold it, the self-registration confirmation, takes it only to leave out
 * whatever contains it.
 *
 * @module
 */
import type { AuthorityId, Directory, LocalizedText, User } from '@imi-kit/core'
import { localize } from '@imi-kit/core'
import type { MailMessage } from './mailer.js'
import type { MailLanguage, MailRecipient, MailTranslations } from './languages.js'
import { mailLanguageOf } from './languages.js'
import { fill, layOut } from './layout.js'

/** The translations of one text, `{name}` placeholders filled by the builders. */
type T = MailTranslations<string>

const FOOTER: T = {
  en: 'This is an automatic message from IMI, the Internal Market Information System. Please do not reply to this message.',
  fr: "Ceci est un message automatique d'IMI, le système d'information du marché intérieur. Merci de ne pas répondre à ce message.",
  de: 'Dies ist eine automatische Nachricht von IMI, dem Binnenmarkt-Informationssystem. Bitte antworten Sie nicht auf diese Nachricht.',
}

/** The login procedure in steps (spec §4.1, §4.3, §4.4, §4.5), shared by the messages that explain it. */
const LOGIN_STEPS: MailTranslations<ReadonlyArray<string>> = {
  en: [
    'How to log in to IMI:',
    '1. Your username is communicated to you outside IMI, by telephone, encrypted message or in person. It is never sent by e-mail.',
    '2. A temporary password is sent to you in a separate e-mail within 48 hours.',
    '3. At your first login, enter your username and the temporary password, then choose your own password of at least 8 characters.',
    '4. Right after, create and confirm a security code of exactly 12 characters mixing letters, digits and symbols.',
    '5. At each later login, enter your username, your password and the 3 characters of your security code at the positions IMI asks for.',
    'After 5 failed attempts the account is blocked: a local data administrator of your authority then resets your password.',
  ],
  fr: [
    'Pour vous connecter à IMI :',
    "1. Votre nom d'utilisateur vous est communiqué en dehors d'IMI, par téléphone, message chiffré ou en personne. Il n'est jamais envoyé par courrier électronique.",
    '2. Un mot de passe temporaire vous est envoyé dans un courrier électronique distinct, dans les 48 heures.',
    "3. Lors de votre première connexion, saisissez votre nom d'utilisateur et le mot de passe temporaire, puis choisissez votre propre mot de passe d'au moins 8 caractères.",
    '4. Aussitôt après, créez et confirmez un code de sécurité de 12 caractères exactement, mêlant lettres, chiffres et symboles.',
    "5. Lors des connexions suivantes, saisissez votre nom d'utilisateur, votre mot de passe et les 3 caractères de votre code de sécurité aux positions demandées par IMI.",
    'Après 5 tentatives infructueuses, le compte est bloqué : un administrateur local des données de votre autorité réinitialise alors votre mot de passe.',
  ],
  de: [
    'So melden Sie sich bei IMI an:',
    '1. Ihr Benutzername wird Ihnen außerhalb von IMI mitgeteilt, telefonisch, per verschlüsselter Nachricht oder persönlich. Er wird nie per E-Mail versandt.',
    '2. Ein vorläufiges Passwort erhalten Sie innerhalb von 48 Stunden in einer gesonderten E-Mail.',
    '3. Geben Sie bei der ersten Anmeldung Ihren Benutzernamen und das vorläufige Passwort ein und wählen Sie dann ein eigenes Passwort mit mindestens 8 Zeichen.',
    '4. Erstellen und bestätigen Sie gleich danach einen Sicherheitscode aus genau 12 Zeichen, der Buchstaben, Ziffern und Sonderzeichen mischt.',
    '5. Geben Sie bei jeder späteren Anmeldung Ihren Benutzernamen, Ihr Passwort und die 3 Zeichen Ihres Sicherheitscodes an den von IMI verlangten Stellen ein.',
    'Nach 5 fehlgeschlagenen Versuchen wird das Konto gesperrt: Ein lokaler Datenadministrator Ihrer Behörde setzt dann Ihr Passwort zurück.',
  ],
}

/** Steps 1 and 2 for the first user of a self-registered authority, at validation (spec §3.5, AMB-I10). */
const SELF_REGISTERED_STEPS: MailTranslations<readonly [string, string]> = {
  en: [
    "1. Your first user's username is the one shown in the registration summary you printed or saved. It is never sent by e-mail.",
    '2. A temporary password is sent to your first user in a separate e-mail within 48 hours of this validation.',
  ],
  fr: [
    "1. Le nom d'utilisateur de votre premier utilisateur est celui indiqué dans le résumé d'enregistrement que vous avez imprimé ou enregistré. Il n'est jamais envoyé par courrier électronique.",
    '2. Un mot de passe temporaire est envoyé à votre premier utilisateur dans un courrier électronique distinct, dans les 48 heures suivant cette validation.',
  ],
  de: [
    '1. Der Benutzername Ihres ersten Benutzers ist der in der gedruckten oder gespeicherten Registrierungszusammenfassung angegebene. Er wird nie per E-Mail versandt.',
    '2. Ein vorläufiges Passwort erhält Ihr erster Benutzer innerhalb von 48 Stunden nach dieser Validierung in einer gesonderten E-Mail.',
  ],
}

/** The steps as one paragraph, a line each, and the closing remark as another. */
const loginSteps = (language: MailLanguage, selfRegistered = false): ReadonlyArray<string> => {
  const lines = LOGIN_STEPS[language]
  const steps = selfRegistered ? [lines[0] ?? '', ...SELF_REGISTERED_STEPS[language], ...lines.slice(3, -1)] : lines.slice(0, -1)
  return [steps.join('\n'), ...lines.slice(-1)]
}

const LOGIN_LINK: T = { en: 'Log in to IMI:', fr: 'Se connecter à IMI :', de: 'Bei IMI anmelden:' }
const TRAINING_LINK: T = { en: 'Training material:', fr: 'Supports de formation :', de: 'Schulungsmaterial:' }

interface Build {
  readonly to: MailRecipient
  readonly subject: T
  readonly paragraphs: MailTranslations<ReadonlyArray<string>>
  readonly values?: Readonly<Record<string, string>>
  readonly items?: (language: MailLanguage) => ReadonlyArray<{ readonly label: string; readonly value: string }>
  readonly after?: (language: MailLanguage) => ReadonlyArray<string>
  readonly link?: { readonly label: T; readonly url: string }
  readonly links?: ReadonlyArray<{ readonly label: T; readonly url: string }>
  /** Names the message in the `X-IMI-Message` header, as the notification messages do. */
  readonly id: string
}

const build = (b: Build): MailMessage => {
  const language = mailLanguageOf(b.to.language)
  const values = b.values ?? {}
  const content = layOut({
    language,
    subject: fill(b.subject[language], values),
    paragraphs: b.paragraphs[language].map((p) => fill(p, values)),
    ...(b.items === undefined ? {} : { items: b.items(language) }),
    ...(b.after === undefined ? {} : { after: b.after(language) }),
    ...(b.link === undefined ? {} : { link: { label: b.link.label[language], url: b.link.url } }),
    ...(b.links === undefined ? {} : { links: b.links.map((l) => ({ label: l.label[language], url: l.url })) }),
    footer: FOOTER[language],
  })
  return { to: b.to.email, ...content, headers: { ...content.headers, 'X-IMI-Message': b.id } }
}

/** A calendar date as `YYYY-MM-DD`, the same in every language. */
const dateOf = (iso: string): string => iso.slice(0, 10)

/**
 * The local data administrators of an authority who can be reached: its active users holding the
 * role. The directory-of-registers messages go to them (MAIL-REGISTER-DELETED,
 * MAIL-REGISTER-TRANSFERRED).
 *
 * @category mail
 */
export const localDataAdministrators = (directory: Directory, authorityId: AuthorityId): ReadonlyArray<User> =>
  directory.usersOf(authorityId).filter((u) => u.status === 'active' && u.generalRoles.includes('local-data-administrator'))

// ---------------------------------------------------------------------------------------------
// invitations and self-registration (spec §3.3–§3.6)

/**
 * The data of {@link invitationMail}.
 *
 * @category mail
 */
export interface InvitationMailData {
  /** The invited authority's address (the invitation's "authority email address"). */
  readonly to: MailRecipient
  /** The inviting coordinator: its name and e-mail address. */
  readonly coordinator: { readonly name: string; readonly email: string }
  /** The IMI registration page. */
  readonly registrationUrl: string
  readonly registrationCode: string
  /** ISO-8601 instant at which the code expires (30 days after sending). */
  readonly expiresAt: string
  /** The coordinator's optional personal message, as written. */
  readonly personalMessage?: string
  /** The reminder sent 5 days before the code expires, rather than the invitation itself. */
  readonly reminder?: boolean
}

/**
 * The invitation to self-register (spec §3.3): the inviting coordinator's name and e-mail address,
 * a link to the IMI registration page and the registration code (MAIL-INVITATION-CONTENT), with the
 * code's expiry and the coordinator's personal message if any. With `reminder`, the reminder sent 5
 * days before the code expires (spec §3.4.3).
 *
 * @example
 * ```ts
 * import { invitationMail } from '@imi-kit/server-adapter'
 * const mail = invitationMail({
 *   to: { email: 'contact@ordre.example.fr', language: 'fr' },
 *   coordinator: { name: 'Ministère de la santé (DIMIC)', email: 'imi@sante.example.fr' },
 *   registrationUrl: 'https://imi.example.org/register',
 *   registrationCode: 'K7Q2-9XPL-4MWD',
 *   expiresAt: '2026-04-01T00:00:00Z',
 * })
 * mail.subject // "IMI : invitation à enregistrer votre autorité"
 * ```
 * @category mail
 */
export const invitationMail = (d: InvitationMailData): MailMessage =>
  build({
    id: d.reminder === true ? 'registration.invitation-reminder' : 'registration.invitation',
    to: d.to,
    values: { coordinator: d.coordinator.name, coordinatorEmail: d.coordinator.email, expiry: dateOf(d.expiresAt) },
    subject:
      d.reminder === true
        ? { en: 'IMI reminder: your invitation to register expires on {expiry}', fr: "IMI, rappel : votre invitation à vous enregistrer expire le {expiry}", de: 'IMI-Erinnerung: Ihre Einladung zur Registrierung läuft am {expiry} ab' }
        : { en: 'IMI: invitation to register your authority', fr: 'IMI : invitation à enregistrer votre autorité', de: 'IMI: Einladung zur Registrierung Ihrer Behörde' },
    paragraphs: {
      en: [
        ...(d.reminder === true ? ['This is a reminder: your authority has not registered yet, and its registration code expires on {expiry}.'] : []),
        '{coordinator} ({coordinatorEmail}) invites your authority to register in IMI, the Internal Market Information System used by public authorities to cooperate across the European Union.',
        'To register, open the registration page and enter the registration code below. If the code is not accepted, ask the coordinator for a new invitation.',
      ],
      fr: [
        ...(d.reminder === true ? ["Ceci est un rappel : votre autorité ne s'est pas encore enregistrée, et son code d'enregistrement expire le {expiry}."] : []),
        "{coordinator} ({coordinatorEmail}) invite votre autorité à s'enregistrer dans IMI, le système d'information du marché intérieur qu'utilisent les autorités publiques pour coopérer dans l'Union européenne.",
        "Pour vous enregistrer, ouvrez la page d'enregistrement et saisissez le code d'enregistrement ci-dessous. Si le code n'est pas accepté, demandez une nouvelle invitation au coordonnateur.",
      ],
      de: [
        ...(d.reminder === true ? ['Dies ist eine Erinnerung: Ihre Behörde hat sich noch nicht registriert, und ihr Registrierungscode läuft am {expiry} ab.'] : []),
        '{coordinator} ({coordinatorEmail}) lädt Ihre Behörde ein, sich in IMI zu registrieren, dem Binnenmarkt-Informationssystem, über das Behörden in der Europäischen Union zusammenarbeiten.',
        'Öffnen Sie zur Registrierung die Registrierungsseite und geben Sie den unten stehenden Registrierungscode ein. Wird der Code nicht akzeptiert, bitten Sie den Koordinator um eine neue Einladung.',
      ],
    },
    items: (l) => [
      { label: { en: 'Registration code', fr: "Code d'enregistrement", de: 'Registrierungscode' }[l], value: d.registrationCode },
      { label: { en: 'Valid until', fr: "Valable jusqu'au", de: 'Gültig bis' }[l], value: dateOf(d.expiresAt) },
    ],
    after: (l) =>
      d.personalMessage === undefined || d.personalMessage.trim().length === 0
        ? []
        : [`${{ en: 'Message from the coordinator:', fr: 'Message du coordonnateur :', de: 'Nachricht des Koordinators:' }[l]}\n${d.personalMessage.trim()}`],
    link: { label: { en: 'Registration page:', fr: "Page d'enregistrement :", de: 'Registrierungsseite:' }, url: d.registrationUrl },
  })

/**
 * The data of {@link selfRegistrationCoordinatorMail}.
 *
 * @category mail
 */
export interface SelfRegistrationCoordinatorMailData {
  /** The inviting coordinator (its mailbox, or a data administrator of it). */
  readonly to: MailRecipient
  /** The name the invited authority registered under. */
  readonly authorityName: string
  /** Where the coordinator validates the registration. */
  readonly validationUrl: string
}

/**
 * Tells the inviting coordinator that an invited authority completed its self-registration and asks
 * it to validate it (MAIL-SELFREG-COORDINATOR, spec §3.4.3, §3.6).
 *
 * @example
 * ```ts
 * import { selfRegistrationCoordinatorMail } from '@imi-kit/server-adapter'
 * const mail = selfRegistrationCoordinatorMail({ to: { email: 'imi@sante.example.fr', language: 'fr' }, authorityName: 'Ordre des pharmaciens', validationUrl: 'https://imi.example.org/invitations/42' })
 * mail.to // 'imi@sante.example.fr'
 * ```
 * @category mail
 */
export const selfRegistrationCoordinatorMail = (d: SelfRegistrationCoordinatorMailData): MailMessage =>
  build({
    id: 'registration.awaiting-validation',
    to: d.to,
    values: { authority: d.authorityName },
    subject: {
      en: 'IMI: {authority} has registered and awaits your validation',
      fr: "IMI : {authority} s'est enregistrée et attend votre validation",
      de: 'IMI: {authority} hat sich registriert und wartet auf Ihre Validierung',
    },
    paragraphs: {
      en: [
        'The authority {authority}, which your authority invited, has completed its self-registration in IMI.',
        'Please check its data, designate at least one linked coordinator, and validate or refuse its registration. Its users can log in only once it is validated.',
      ],
      fr: [
        "L'autorité {authority}, invitée par votre autorité, a terminé son enregistrement dans IMI.",
        "Veuillez vérifier ses données, désigner au moins un coordonnateur lié, puis valider ou refuser son enregistrement. Ses utilisateurs ne peuvent se connecter qu'une fois l'enregistrement validé.",
      ],
      de: [
        'Die von Ihrer Behörde eingeladene Behörde {authority} hat ihre Registrierung in IMI abgeschlossen.',
        'Bitte prüfen Sie ihre Daten, benennen Sie mindestens einen verbundenen Koordinator und validieren Sie die Registrierung oder lehnen Sie sie ab. Ihre Benutzer können sich erst nach der Validierung anmelden.',
      ],
    },
    link: { label: { en: 'Validate the registration in IMI:', fr: "Valider l'enregistrement dans IMI :", de: 'Registrierung in IMI validieren:' }, url: d.validationUrl },
  })

/**
 * One line of the summary of a self-registration: a label in the recipient's language (or
 * pre-translated) and the value entered.
 *
 * @category mail
 */
export interface SummaryLine {
  readonly label: string | LocalizedText
  readonly value: string
}

/**
 * The data of {@link selfRegistrationConfirmationMail}.
 *
 * @category mail
 */
export interface SelfRegistrationConfirmationMailData {
  /** The address the authority registered with. */
  readonly to: MailRecipient
  /** The data entered, as shown in the end-of-registration summary. */
  readonly summary: ReadonlyArray<SummaryLine>
  /**
   * The first user's generated username, given only so that it can be left out: every line whose
   * value contains it is dropped (LOGIN-USERNAME-NEVER-EMAILED).
   */
  readonly username: string
}

/**
 * Confirms a completed self-registration to the authority, with a summary of the data it entered
 * but never the first user's username (MAIL-SELFREG-CONFIRMATION, spec §3.5).
 *
 * @example
 * ```ts
 * import { selfRegistrationConfirmationMail } from '@imi-kit/server-adapter'
 * const mail = selfRegistrationConfirmationMail({
 *   to: { email: 'contact@ordre.example.fr', language: 'en' },
 *   summary: [{ label: 'Name', value: 'Ordre des pharmaciens' }, { label: 'Username', value: 'opharma7' }],
 *   username: 'opharma7',
 * })
 * mail.text.includes('opharma7') // false
 * ```
 * @category mail
 */
export const selfRegistrationConfirmationMail = (d: SelfRegistrationConfirmationMailData): MailMessage => {
  const secret = d.username.trim().toLowerCase()
  const label = (l: SummaryLine['label'], language: MailLanguage) => (typeof l === 'string' ? l : localize(l, language)[0])
  const lines = d.summary.filter((s) => secret.length === 0 || !JSON.stringify(s).toLowerCase().includes(secret))
  return build({
    id: 'registration.confirmation',
    to: d.to,
    subject: {
      en: 'IMI: your registration has been received',
      fr: 'IMI : votre enregistrement a bien été reçu',
      de: 'IMI: Ihre Registrierung ist eingegangen',
    },
    paragraphs: {
      en: [
        "Your authority's registration in IMI is complete and has been sent to the coordinator for validation. You will receive another e-mail once it is validated; until then nobody in your authority can log in.",
        'Here is a summary of the data you entered. For security, the username of your first user is not included: it is the one shown in the summary you printed or saved.',
      ],
      fr: [
        "L'enregistrement de votre autorité dans IMI est terminé et a été transmis au coordonnateur pour validation. Vous recevrez un autre courrier électronique une fois l'enregistrement validé ; d'ici là, personne dans votre autorité ne peut se connecter.",
        "Voici un résumé des données saisies. Par sécurité, le nom d'utilisateur de votre premier utilisateur n'y figure pas : c'est celui indiqué dans le résumé que vous avez imprimé ou enregistré.",
      ],
      de: [
        'Die Registrierung Ihrer Behörde in IMI ist abgeschlossen und wurde dem Koordinator zur Validierung übermittelt. Sie erhalten eine weitere E-Mail, sobald sie validiert ist; bis dahin kann sich niemand in Ihrer Behörde anmelden.',
        'Hier ist eine Zusammenfassung der eingegebenen Daten. Aus Sicherheitsgründen ist der Benutzername Ihres ersten Benutzers nicht enthalten: Es ist der in der gedruckten oder gespeicherten Zusammenfassung angegebene.',
      ],
    },
    items: (language) => lines.map((s) => ({ label: label(s.label, language), value: s.value })),
  })
}

/**
 * The data of {@link validationAccessMail}.
 *
 * @category mail
 */
export interface ValidationAccessMailData {
  readonly to: MailRecipient
  readonly loginUrl: string
  /** The online training material. */
  readonly trainingUrl: string
}

/**
 * Tells a validated authority that it now has access to IMI, explains the login procedure in detail
 * and links to the training material (MAIL-VALIDATION-ACCESS, spec §3.5, §3.6).
 *
 * @example
 * ```ts
 * import { validationAccessMail } from '@imi-kit/server-adapter'
 * const mail = validationAccessMail({ to: { email: 'kontakt@kammer.example.de', language: 'de' }, loginUrl: 'https://imi.example.org/login', trainingUrl: 'https://imi.example.org/training' })
 * mail.subject // 'IMI: Ihre Behörde hat jetzt Zugang zu IMI'
 * ```
 * @category mail
 */
export const validationAccessMail = (d: ValidationAccessMailData): MailMessage =>
  build({
    id: 'registration.validated',
    to: d.to,
    subject: { en: 'IMI: your authority now has access to IMI', fr: 'IMI : votre autorité a désormais accès à IMI', de: 'IMI: Ihre Behörde hat jetzt Zugang zu IMI' },
    paragraphs: {
      en: ['The coordinator has validated the registration of your authority: it now has access to IMI, and other authorities can find it.', ...loginSteps('en', true)],
      fr: ["Le coordonnateur a validé l'enregistrement de votre autorité : elle a désormais accès à IMI, et les autres autorités peuvent la trouver.", ...loginSteps('fr', true)],
      de: ['Der Koordinator hat die Registrierung Ihrer Behörde validiert: Sie hat jetzt Zugang zu IMI, und andere Behörden können sie finden.', ...loginSteps('de', true)],
    },
    link: { label: LOGIN_LINK, url: d.loginUrl },
    links: [{ label: TRAINING_LINK, url: d.trainingUrl }],
  })

// ---------------------------------------------------------------------------------------------
// users (spec §4.2, §4.6)

/**
 * The data of {@link userInstructionsMail}.
 *
 * @category mail
 */
export interface UserInstructionsMailData {
  /** The new user. */
  readonly to: MailRecipient
  readonly loginUrl: string
  readonly trainingUrl?: string
}

/**
 * The first of the two e-mails a newly registered user receives: how to connect to IMI. The
 * temporary password comes separately ({@link temporaryPasswordMail}), and the username never by
 * e-mail (MAIL-USER-INSTRUCTIONS, spec §4.2).
 *
 * @example
 * ```ts
 * import { userInstructionsMail } from '@imi-kit/server-adapter'
 * const mail = userInstructionsMail({ to: { email: 'lena.mueller@kammer.example.de', language: 'de' }, loginUrl: 'https://imi.example.org/login' })
 * mail.subject // 'IMI: So melden Sie sich bei IMI an'
 * ```
 * @category mail
 */
export const userInstructionsMail = (d: UserInstructionsMailData): MailMessage =>
  build({
    id: 'user.instructions',
    to: d.to,
    subject: { en: 'IMI: how to connect to IMI', fr: 'IMI : comment vous connecter à IMI', de: 'IMI: So melden Sie sich bei IMI an' },
    paragraphs: {
      en: ['You have been registered as a user of IMI, the Internal Market Information System.', ...loginSteps('en')],
      fr: ["Vous avez été enregistré comme utilisateur d'IMI, le système d'information du marché intérieur.", ...loginSteps('fr')],
      de: ['Sie wurden als Benutzer von IMI, dem Binnenmarkt-Informationssystem, registriert.', ...loginSteps('de')],
    },
    link: { label: LOGIN_LINK, url: d.loginUrl },
    ...(d.trainingUrl === undefined ? {} : { links: [{ label: TRAINING_LINK, url: d.trainingUrl }] }),
  })

/**
 * The data of {@link temporaryPasswordMail}. There is no username field: a username is never
 * e-mailed (LOGIN-USERNAME-NEVER-EMAILED).
 *
 * @category mail
 */
export interface TemporaryPasswordMailData {
  readonly to: MailRecipient
  readonly temporaryPassword: string
  readonly loginUrl: string
  /** `registration` for a new user, `reset` after a password reset. Default `registration`. */
  readonly reason?: 'registration' | 'reset'
  /** The first user of an authority, who also learns which data and parameters to update first. */
  readonly firstUser?: boolean
  /** ISO-8601 instant at which the temporary password expires. */
  readonly expiresAt?: string
}

const FIRST_USER: MailTranslations<ReadonlyArray<string>> = {
  en: [
    'As the first user of your authority, at your first login please:',
    "- check and complete your authority's data: names, address, telephone, website, the languages it understands and its competences (keywords) in each legislative area;",
    '- check the parameters of each workflow your authority uses, such as allocation of requests and the linked coordinators;',
    '- register the other users of your authority and give them their rights, including at least one other local data administrator.',
  ],
  fr: [
    'En tant que premier utilisateur de votre autorité, lors de votre première connexion, veuillez :',
    '- vérifier et compléter les données de votre autorité : dénominations, adresse, téléphone, site web, langues comprises et compétences (mots-clés) dans chaque domaine législatif ;',
    "- vérifier les paramètres de chaque flux de travail utilisé par votre autorité, comme l'assignation des demandes et les coordonnateurs liés ;",
    "- enregistrer les autres utilisateurs de votre autorité et leur attribuer leurs droits, dont au moins un autre administrateur local des données.",
  ],
  de: [
    'Als erster Benutzer Ihrer Behörde nehmen Sie bitte bei der ersten Anmeldung Folgendes vor:',
    '- Prüfen und ergänzen Sie die Daten Ihrer Behörde: Bezeichnungen, Anschrift, Telefon, Website, verstandene Sprachen und Zuständigkeiten (Schlüsselwörter) in jedem Rechtsbereich;',
    '- prüfen Sie die Parameter jedes von Ihrer Behörde genutzten Arbeitsablaufs, etwa die Zuweisung von Ersuchen und die verbundenen Koordinatoren;',
    '- registrieren Sie die weiteren Benutzer Ihrer Behörde und erteilen Sie ihnen ihre Rechte, darunter mindestens einem weiteren lokalen Datenadministrator.',
  ],
}

/**
 * The temporary-password e-mail: sent within 48 hours of a user's registration, separately from the
 * instructions (LOGIN-TEMP-PASSWORD-48H, MAIL-USER-INSTRUCTIONS), or after a password reset
 * (LOGIN-RESET-NEW-TEMP). For the first user of an authority it also explains which data and
 * parameters to update at first login (MAIL-FIRST-USER-PASSWORD). It never holds the username.
 *
 * @example
 * ```ts
 * import { temporaryPasswordMail } from '@imi-kit/server-adapter'
 * const mail = temporaryPasswordMail({ to: { email: 'lea.richard@ordre.example.fr', language: 'fr' }, temporaryPassword: 'q7#Lm2!vXp', loginUrl: 'https://imi.example.org/login', firstUser: true })
 * mail.subject // 'IMI : votre mot de passe temporaire'
 * ```
 * @category mail
 */
export const temporaryPasswordMail = (d: TemporaryPasswordMailData): MailMessage =>
  build({
    id: d.reason === 'reset' ? 'user.password-reset' : d.firstUser === true ? 'user.first-user-password' : 'user.temporary-password',
    to: d.to,
    subject: { en: 'IMI: your temporary password', fr: 'IMI : votre mot de passe temporaire', de: 'IMI: Ihr vorläufiges Passwort' },
    paragraphs: {
      en: [
        d.reason === 'reset'
          ? 'Your IMI password has been reset by an administrator. Here is a new temporary password; your security code has been cleared as well.'
          : 'Here is the temporary password for your new IMI account. Your username is communicated to you outside IMI; it is never sent by e-mail.',
      ],
      fr: [
        d.reason === 'reset'
          ? 'Votre mot de passe IMI a été réinitialisé par un administrateur. Voici un nouveau mot de passe temporaire ; votre code de sécurité a également été effacé.'
          : "Voici le mot de passe temporaire de votre nouveau compte IMI. Votre nom d'utilisateur vous est communiqué en dehors d'IMI ; il n'est jamais envoyé par courrier électronique.",
      ],
      de: [
        d.reason === 'reset'
          ? 'Ihr IMI-Passwort wurde von einem Administrator zurückgesetzt. Hier ist ein neues vorläufiges Passwort; Ihr Sicherheitscode wurde ebenfalls gelöscht.'
          : 'Hier ist das vorläufige Passwort für Ihr neues IMI-Konto. Ihr Benutzername wird Ihnen außerhalb von IMI mitgeteilt; er wird nie per E-Mail versandt.',
      ],
    },
    items: (l) => [
      { label: { en: 'Temporary password', fr: 'Mot de passe temporaire', de: 'Vorläufiges Passwort' }[l], value: d.temporaryPassword },
      ...(d.expiresAt === undefined ? [] : [{ label: { en: 'Valid until', fr: "Valable jusqu'au", de: 'Gültig bis' }[l], value: dateOf(d.expiresAt) }]),
    ],
    after: (l) => [
      {
        en: 'At your next login, enter your username and this temporary password. IMI then asks you to choose your own password of at least 8 characters and to create a security code of exactly 12 characters mixing letters, digits and symbols.',
        fr: "Lors de votre prochaine connexion, saisissez votre nom d'utilisateur et ce mot de passe temporaire. IMI vous demande ensuite de choisir votre propre mot de passe d'au moins 8 caractères et de créer un code de sécurité de 12 caractères exactement, mêlant lettres, chiffres et symboles.",
        de: 'Geben Sie bei Ihrer nächsten Anmeldung Ihren Benutzernamen und dieses vorläufige Passwort ein. IMI fordert Sie dann auf, ein eigenes Passwort mit mindestens 8 Zeichen zu wählen und einen Sicherheitscode aus genau 12 Zeichen zu erstellen, der Buchstaben, Ziffern und Sonderzeichen mischt.',
      }[l],
      ...(d.firstUser === true && d.reason !== 'reset' ? [FIRST_USER[l].join('\n')] : []),
    ],
    link: { label: LOGIN_LINK, url: d.loginUrl },
  })

// ---------------------------------------------------------------------------------------------
// directory of registers (spec §9.3)

/**
 * The data of the directory-of-registers messages.
 *
 * @category mail
 */
export interface RegisterMailData {
  readonly to: MailRecipient
  /** The register's name: its informal name, translated into the official languages where it is. */
  readonly registerName: string | LocalizedText
  /** The register's page, or the directory's for a deleted register. */
  readonly url: string
}

// A translated name is read in the recipient's own language where it exists, even when the message
// around it falls back to English.
const registerName = (name: RegisterMailData['registerName'], recipient: MailRecipient): string => (typeof name === 'string' ? name : localize(name, recipient.language)[0])

/**
 * Tells a local data administrator of a register's managing authority that the register was deleted
 * from the directory (MAIL-REGISTER-DELETED, spec §9.3). See {@link registerDeletedMails}.
 *
 * @category mail
 */
export const registerDeletedMail = (d: RegisterMailData): MailMessage =>
  build({
    id: 'register.deleted',
    to: d.to,
    values: { register: registerName(d.registerName, d.to) },
    subject: {
      en: 'IMI: register "{register}" deleted from the directory of registers',
      fr: 'IMI : registre « {register} » supprimé du répertoire des registres',
      de: 'IMI: Register „{register}“ aus dem Verzeichnis der Register gelöscht',
    },
    paragraphs: {
      en: ['The register "{register}", managed by your authority, has been deleted from the IMI directory of registers.'],
      fr: ['Le registre « {register} », géré par votre autorité, a été supprimé du répertoire des registres d\'IMI.'],
      de: ['Das von Ihrer Behörde verwaltete Register „{register}“ wurde aus dem IMI-Verzeichnis der Register gelöscht.'],
    },
    link: { label: { en: 'Directory of registers:', fr: 'Répertoire des registres :', de: 'Verzeichnis der Register:' }, url: d.url },
  })

/**
 * Tells a local data administrator of a register's new managing authority that its authority is now
 * responsible for the register's information in IMI (MAIL-REGISTER-TRANSFERRED, spec §9.3). See
 * {@link registerTransferredMails}.
 *
 * @category mail
 */
export const registerTransferredMail = (d: RegisterMailData): MailMessage =>
  build({
    id: 'register.transferred',
    to: d.to,
    values: { register: registerName(d.registerName, d.to) },
    subject: {
      en: 'IMI: your authority now manages the register "{register}"',
      fr: 'IMI : votre autorité gère désormais le registre « {register} »',
      de: 'IMI: Ihre Behörde verwaltet jetzt das Register „{register}“',
    },
    paragraphs: {
      en: ['The management of the register "{register}" has been transferred to your authority: it is now responsible for the information on this register in the IMI directory of registers, and its local data administrators may update or delete it.'],
      fr: ["La gestion du registre « {register} » a été transférée à votre autorité : elle est désormais responsable des informations sur ce registre dans le répertoire des registres d'IMI, et ses administrateurs locaux des données peuvent les mettre à jour ou le supprimer."],
      de: ['Die Verwaltung des Registers „{register}“ wurde Ihrer Behörde übertragen: Sie ist jetzt für die Angaben zu diesem Register im IMI-Verzeichnis der Register verantwortlich, und ihre lokalen Datenadministratoren können sie aktualisieren oder das Register löschen.'],
    },
    link: { label: { en: 'Open the register in IMI:', fr: 'Ouvrir le registre dans IMI :', de: 'Register in IMI öffnen:' }, url: d.url },
  })

/**
 * The e-mails of a register's deletion: one to each local data administrator of its managing
 * authority, each in that administrator's language (MAIL-REGISTER-DELETED).
 *
 * @example
 * ```ts
 * import { registerDeletedMails } from '@imi-kit/server-adapter'
 * import { world, A } from '@imi-kit/core/testing'
 * const mails = registerDeletedMails(world(), A.deCa, { registerName: 'Ärzteregister Berlin', url: 'https://imi.example.org/registers' })
 * mails.map((m) => m.to) // ['de-ca-lda@users.example']
 * ```
 * @category mail
 */
export const registerDeletedMails = (directory: Directory, managingAuthority: AuthorityId, d: Omit<RegisterMailData, 'to'>): ReadonlyArray<MailMessage> =>
  localDataAdministrators(directory, managingAuthority).map((to) => registerDeletedMail({ ...d, to }))

/**
 * The e-mails of a register's transfer: one to each local data administrator of its new managing
 * authority (MAIL-REGISTER-TRANSFERRED).
 *
 * @category mail
 */
export const registerTransferredMails = (directory: Directory, newManagingAuthority: AuthorityId, d: Omit<RegisterMailData, 'to'>): ReadonlyArray<MailMessage> =>
  localDataAdministrators(directory, newManagingAuthority).map((to) => registerTransferredMail({ ...d, to }))
