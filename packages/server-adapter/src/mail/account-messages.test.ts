/**
 * The registration, account and directory-of-registers e-mails (spec §3.3–§3.6, §4.2, §9.3): what
 * each one must say, to whom, in which language, and that none ever carries a username.
 */
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import type { Language, User } from '@imi-kit/core'
import { A, U, withUser, world, worldData } from '@imi-kit/core/testing'
import type { MailMessage } from './mailer.js'
import {
  invitationMail,
  localDataAdministrators,
  registerDeletedMails,
  registerTransferredMails,
  selfRegistrationConfirmationMail,
  selfRegistrationCoordinatorMail,
  temporaryPasswordMail,
  userInstructionsMail,
  validationAccessMail,
} from './account-messages.js'

const LOGIN = 'https://imi.example.org/login'
const TRAINING = 'https://imi.example.org/training'
const REGISTER_PAGE = 'https://imi.example.org/register'
const CODE = 'K7Q2-9XPL-4MWD'

/** Everything a reader sees of a message. */
const shown = (m: MailMessage) => [m.subject, m.text, m.html ?? ''].join('\n')

const user = (id: string): User => {
  const u = world().user(id as User['id'])
  if (u === undefined) throw new Error(`no user ${id}`)
  return u
}

const invitation = (language: Language, extra: Partial<Parameters<typeof invitationMail>[0]> = {}) =>
  invitationMail({
    to: { email: 'contact@ordre-pharmaciens.example.fr', language },
    coordinator: { name: 'Ministère de la santé (DIMIC)', email: 'imi@sante.example.fr' },
    registrationUrl: REGISTER_PAGE,
    registrationCode: CODE,
    expiresAt: '2026-04-01T22:00:00.000Z',
    ...extra,
  })

describe('invitations and self-registration', () => {
  it('[MAIL-INVITATION-CONTENT] the invitation gives the inviting coordinator\'s name and e-mail address, a link to the registration page and the registration code', () => {
    for (const language of ['en', 'fr', 'de'] as const) {
      const mail = invitation(language)
      expect(mail.to).toBe('contact@ordre-pharmaciens.example.fr')
      expect(mail.text).toContain('Ministère de la santé (DIMIC)')
      expect(mail.text).toContain('imi@sante.example.fr')
      expect(mail.text).toContain(REGISTER_PAGE)
      expect(mail.html).toContain(`href="${REGISTER_PAGE}"`)
      expect(mail.text).toContain(CODE)
      expect(mail.html).toContain(`<strong>${CODE}</strong>`)
      expect(mail.text).toContain('2026-04-01')
      expect(mail.headers?.['Content-Language']).toBe(language)
    }
    expect(invitation('fr').subject).toBe('IMI : invitation à enregistrer votre autorité')
    expect(invitation('de').text).toContain('Registrierungscode: K7Q2-9XPL-4MWD')
    expect(invitation('pl').subject).toBe('IMI: invitation to register your authority')
  })

  it('[MAIL-INVITATION-CONTENT] the coordinator\'s personal message is passed on, escaped in HTML; the reminder before expiry says when the code expires', () => {
    const mail = invitation('en', { personalMessage: 'Use your informal name <Ordre> & register before Easter.' })
    expect(mail.text).toContain('Use your informal name <Ordre> & register before Easter.')
    expect(mail.html).toContain('Use your informal name &lt;Ordre&gt; &amp; register before Easter.')
    expect(mail.html).not.toContain('<Ordre>')
    const reminder = invitation('fr', { reminder: true })
    expect(reminder.subject).toContain('2026-04-01')
    expect(reminder.text).toContain(CODE)
    expect(reminder.headers?.['X-IMI-Message']).toBe('registration.invitation-reminder')
    expect(invitation('fr').headers?.['X-IMI-Message']).toBe('registration.invitation')
  })

  it('[MAIL-SELFREG-COORDINATOR] completing self-registration asks the inviting coordinator, in its language, to validate the authority', () => {
    const coordinator = world().authority(A.frDimic)
    if (coordinator === undefined) throw new Error('no coordinator')
    const mail = selfRegistrationCoordinatorMail({ to: { email: coordinator.email, language: 'fr' }, authorityName: 'Ordre des pharmaciens', validationUrl: 'https://imi.example.org/invitations/42' })
    expect(mail.to).toBe(coordinator.email)
    expect(mail.subject).toBe("IMI : Ordre des pharmaciens s'est enregistrée et attend votre validation")
    expect(mail.text).toContain('valider ou refuser son enregistrement')
    expect(mail.text).toContain('https://imi.example.org/invitations/42')
    const english = selfRegistrationCoordinatorMail({ to: { email: coordinator.email, language: 'en' }, authorityName: 'Ordre des pharmaciens', validationUrl: 'https://imi.example.org/invitations/42' })
    expect(english.text).toContain('validate or refuse its registration')
  })

  const summary = [
    { label: { en: 'Official name', fr: 'Nom officiel', de: 'Amtliche Bezeichnung' }, value: 'Ordre national des pharmaciens' },
    { label: { en: 'Address', fr: 'Adresse' }, value: '4 avenue Ruysdaël, 75008 Paris' },
    { label: 'Competences (PQ)', value: 'pharmacie, officine' },
    { label: { en: 'First user', fr: 'Premier utilisateur' }, value: 'Claire Fontaine, claire.fontaine@ordre.example.fr' },
    { label: { en: 'Username', fr: "Nom d'utilisateur" }, value: 'cfontaine.ONP7' },
  ]

  it('[MAIL-SELFREG-CONFIRMATION] the authority receives a confirmation with a summary of the data it entered, labels in its language', () => {
    const mail = selfRegistrationConfirmationMail({ to: { email: 'contact@ordre.example.fr', language: 'fr' }, summary, username: 'cfontaine.ONP7' })
    expect(mail.to).toBe('contact@ordre.example.fr')
    expect(mail.subject).toBe('IMI : votre enregistrement a bien été reçu')
    expect(mail.text).toContain('Nom officiel: Ordre national des pharmaciens')
    expect(mail.text).toContain('Adresse: 4 avenue Ruysdaël, 75008 Paris')
    expect(mail.text).toContain('Competences (PQ): pharmacie, officine')
    expect(mail.text).toContain('Premier utilisateur: Claire Fontaine, claire.fontaine@ordre.example.fr')
    // a label without a German translation reads English
    const de = selfRegistrationConfirmationMail({ to: { email: 'contact@ordre.example.fr', language: 'de' }, summary, username: 'cfontaine.ONP7' })
    expect(de.text).toContain('Amtliche Bezeichnung: Ordre national des pharmaciens')
    expect(de.text).toContain('Address: 4 avenue Ruysdaël, 75008 Paris')
  })

  it('[MAIL-SELFREG-CONFIRMATION] [LOGIN-USERNAME-NEVER-EMAILED] the confirmation never holds the first user\'s username, in whatever line or case it was given', () => {
    const mail = selfRegistrationConfirmationMail({ to: { email: 'contact@ordre.example.fr', language: 'en' }, summary, username: 'cfontaine.ONP7' })
    expect(shown(mail).toLowerCase()).not.toContain('cfontaine.onp7')
    expect(mail.text).not.toContain("Username:")
    expect(mail.text).toContain('Official name: Ordre national des pharmaciens')
    // inside another value, or in another case, it goes too
    const hidden = selfRegistrationConfirmationMail({ to: { email: 'c@ordre.example.fr', language: 'en' }, summary: [...summary.slice(0, 3), { label: 'Login', value: 'user CFONTAINE.onp7 (to keep)' }], username: 'cfontaine.ONP7' })
    expect(shown(hidden).toLowerCase()).not.toContain('cfontaine.onp7')
    expect(hidden.text).toContain('Competences (PQ): pharmacie, officine')
  })

  // Usernames as the system generates them (letters, then digits, maybe a separator), and summary lines
  // of random text, some of which may contain the username too.
  const generatedUsername = fc.stringMatching(/^[a-zA-Z]{3,10}[._-]?[0-9]{1,4}$/)
  test.prop([generatedUsername, fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 6 }), fc.nat(6), fc.boolean()])(
    '[LOGIN-USERNAME-NEVER-EMAILED] wherever a username stands in the summary, the confirmation does not carry it',
    (username, lines, at, embedded) => {
      const rows = lines.map(([label, value]) => ({ label, value }))
      const line = embedded ? { label: 'First user', value: `Claire Fontaine (${username.toUpperCase()})` } : { label: 'Username', value: username }
      const withUsername = [...rows.slice(0, at), line, ...rows.slice(at)]
      const mail = selfRegistrationConfirmationMail({ to: { email: 'c@ordre.example.fr', language: 'en' }, summary: withUsername, username })
      const needle = username.trim().toLowerCase()
      expect(shown(mail).toLowerCase()).not.toContain(needle)
      // while the other lines are kept
      for (const r of rows) if (!JSON.stringify(r).toLowerCase().includes(needle) && r.value.trim() !== '') expect(mail.text).toContain(r.value)
    },
  )

  it('[MAIL-VALIDATION-ACCESS] validation tells the authority it now has access, explains the login procedure in detail and links to the training material', () => {
    const mail = validationAccessMail({ to: { email: 'kontakt@kammer.example.de', language: 'de' }, loginUrl: LOGIN, trainingUrl: TRAINING })
    expect(mail.subject).toBe('IMI: Ihre Behörde hat jetzt Zugang zu IMI')
    expect(mail.text).toContain('hat jetzt Zugang zu IMI')
    for (const step of ['vorläufiges Passwort', '48 Stunden nach dieser Validierung', 'mindestens 8 Zeichen', 'genau 12 Zeichen', 'die 3 Zeichen', 'Nach 5 fehlgeschlagenen Versuchen']) expect(mail.text).toContain(step)
    // the first user of a self-registered authority has its username from the summary, never by e-mail
    expect(mail.text).toContain('Registrierungszusammenfassung angegebene. Er wird nie per E-Mail versandt.')
    expect(mail.text).toContain(`Schulungsmaterial:\n${TRAINING}`)
    expect(mail.text).toContain(LOGIN)
    expect(mail.html).toContain(`href="${TRAINING}"`)
    const en = validationAccessMail({ to: { email: 'contact@ordre.example.fr', language: 'en' }, loginUrl: LOGIN, trainingUrl: TRAINING })
    for (const step of ['now has access to IMI', 'temporary password', 'at least 8 characters', 'exactly 12 characters', '3 characters of your security code', 'After 5 failed attempts'])
      expect(en.text).toContain(step)
  })
})

describe('users', () => {
  it('[MAIL-USER-INSTRUCTIONS] a new user receives connection instructions in their language, separate from the temporary-password e-mail', () => {
    const lena = user(U.deHandler)
    const instructions = userInstructionsMail({ to: lena, loginUrl: LOGIN, trainingUrl: TRAINING })
    const password = temporaryPasswordMail({ to: lena, temporaryPassword: 'q7#Lm2!vXp', loginUrl: LOGIN })
    expect(instructions.to).toBe(lena.email)
    expect(instructions.subject).toBe('IMI: So melden Sie sich bei IMI an')
    expect(instructions.text).toContain('Ein vorläufiges Passwort erhalten Sie innerhalb von 48 Stunden in einer gesonderten E-Mail.')
    expect(instructions.text).toContain(LOGIN)
    // two e-mails: the instructions never carry the password, the password e-mail is another message
    expect(shown(instructions)).not.toContain('q7#Lm2!vXp')
    expect(password.text).toContain('Vorläufiges Passwort: q7#Lm2!vXp')
    expect(password.subject).not.toBe(instructions.subject)
    expect(password.headers?.['X-IMI-Message']).not.toBe(instructions.headers?.['X-IMI-Message'])
    // and neither carries the user's name
    for (const m of [instructions, password]) expect(shown(m)).not.toMatch(/Lena|Müller/)
  })

  it('[MAIL-FIRST-USER-PASSWORD] the first user\'s temporary-password e-mail also explains which data and parameters to update at first login', () => {
    const lea = user(U.frLda)
    const first = temporaryPasswordMail({ to: lea, temporaryPassword: 'Tmp-82kd!Q', loginUrl: LOGIN, firstUser: true, expiresAt: '2026-04-01T09:00:00Z' })
    const other = temporaryPasswordMail({ to: lea, temporaryPassword: 'Tmp-82kd!Q', loginUrl: LOGIN })
    expect(first.subject).toBe('IMI : votre mot de passe temporaire')
    for (const duty of ['premier utilisateur de votre autorité', 'données de votre autorité', 'paramètres de chaque flux de travail', 'enregistrer les autres utilisateurs'])
      expect(first.text).toContain(duty)
    for (const duty of ['premier utilisateur de votre autorité', 'paramètres de chaque flux de travail']) expect(other.text).not.toContain(duty)
    expect(first.text).toContain("Valable jusqu'au: 2026-04-01")
    expect(first.headers?.['X-IMI-Message']).toBe('user.first-user-password')
    const en = temporaryPasswordMail({ to: { ...lea, language: 'en' }, temporaryPassword: 'Tmp-82kd!Q', loginUrl: LOGIN, firstUser: true })
    for (const duty of ["check and complete your authority's data", 'check the parameters of each workflow', 'register the other users of your authority']) expect(en.text).toContain(duty)
  })

  it('[LOGIN-USERNAME-NEVER-EMAILED] no account e-mail carries a username: none of the builders takes one, and each says it comes another way', () => {
    const lea = user(U.frLda)
    const reset = temporaryPasswordMail({ to: lea, temporaryPassword: 'New-Tmp-1!', loginUrl: LOGIN, reason: 'reset' })
    expect(reset.text).toContain('réinitialisé')
    expect(reset.headers?.['X-IMI-Message']).toBe('user.password-reset')
    const mails = [
      userInstructionsMail({ to: lea, loginUrl: LOGIN }),
      temporaryPasswordMail({ to: lea, temporaryPassword: 'Tmp-82kd!Q', loginUrl: LOGIN, firstUser: true }),
      reset,
      validationAccessMail({ to: lea, loginUrl: LOGIN, trainingUrl: TRAINING }),
    ]
    for (const m of mails) {
      expect(m.text).toMatch(/nom d'utilisateur/)
      expect(m.text).toMatch(/jamais envoyé par courrier électronique|n'y figure pas|en dehors d'IMI|nom d'utilisateur et ce mot de passe temporaire/)
      // nothing that looks like an account of the fixture world: no user id, name or address
      for (const u of world().usersOf(A.frCa)) expect(shown(m)).not.toMatch(new RegExp(`${u.id}|${u.lastName}|${u.email}`))
    }
  })
})

describe('directory of registers', () => {
  it('[MAIL-REGISTER-DELETED] deleting a register e-mails every active local data administrator of its managing authority, each in their language', () => {
    // the German competent authority with a second, French-speaking local data administrator and a blocked one
    const data = {
      ...worldData(),
      users: [
        ...worldData().users,
        { ...user(U.deLda), id: 'de-ca-lda-2' as User['id'], email: 'de-ca-lda-2@users.example', language: 'fr' as const },
        { ...user(U.deLda), id: 'de-ca-lda-3' as User['id'], email: 'de-ca-lda-3@users.example', status: 'blocked' as const },
      ],
    }
    const directory = world(data)
    expect(localDataAdministrators(directory, A.deCa).map((u) => u.id).sort()).toEqual(['de-ca-lda', 'de-ca-lda-2'])
    const mails = registerDeletedMails(directory, A.deCa, { registerName: { en: 'Register of doctors of Berlin', de: 'Ärzteregister Berlin', fr: 'Registre des médecins de Berlin' }, url: 'https://imi.example.org/registers' })
    expect(mails.map((m) => m.to).sort()).toEqual(['de-ca-lda-2@users.example', 'de-ca-lda@users.example'])
    const german = mails.find((m) => m.to === 'de-ca-lda@users.example')
    const french = mails.find((m) => m.to === 'de-ca-lda-2@users.example')
    expect(german?.subject).toBe('IMI: Register „Ärzteregister Berlin“ aus dem Verzeichnis der Register gelöscht')
    expect(french?.subject).toBe('IMI : registre « Registre des médecins de Berlin » supprimé du répertoire des registres')
    expect(french?.text).toContain('https://imi.example.org/registers')
    // nobody else of the authority, nor of another authority, is told
    expect(mails.some((m) => m.to === 'de-ca-handler@users.example' || m.to === 'fr-ca-lda@users.example')).toBe(false)
  })

  it('[MAIL-REGISTER-TRANSFERRED] a transfer tells the local data administrators of the new managing authority that they are now responsible for the register', () => {
    const directory = world(withUser(worldData(), U.itLda, (u) => ({ ...u, language: 'it' })))
    const mails = registerTransferredMails(directory, A.itCa, { registerName: { en: 'Register of pharmacies', it: 'Albo delle farmacie' }, url: 'https://imi.example.org/registers/17' })
    expect(mails.map((m) => m.to)).toEqual(['it-ca-lda@users.example'])
    // Italian is not a mail language: the message is English, the register's translated name Italian
    expect(mails[0]?.subject).toBe('IMI: your authority now manages the register "Albo delle farmacie"')
    expect(mails[0]?.text).toContain('now responsible for the information on this register')
    expect(mails[0]?.text).toContain('https://imi.example.org/registers/17')
    // the previous managing authority's administrators are not told by this message
    expect(registerTransferredMails(directory, A.itCa, { registerName: 'x', url: 'u' }).some((m) => m.to.startsWith('de-'))).toBe(false)
  })
})
