/**
 * Labels of the login part of the interface: the built-in IMI login, its first-login steps (new
 * password, security code) and its refusals, which never say which credential was wrong.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the login part of the interface. @category i18n */
export const LOGIN_LABELS: LabelSection = {
  'login.title': { en: 'Sign in to IMI', fr: 'Connexion à IMI', de: 'Anmeldung bei IMI' },
  'login.username': { en: 'Username', fr: 'Nom d’utilisateur', de: 'Benutzername' },
  'login.password': { en: 'Password', fr: 'Mot de passe', de: 'Passwort' },
  'login.first-login': {
    en: 'First login with a temporary password',
    fr: 'Première connexion avec un mot de passe temporaire',
    de: 'Erste Anmeldung mit einem vorläufigen Passwort',
  },
  'login.continue': { en: 'Continue', fr: 'Continuer', de: 'Weiter' },
  'login.back': { en: 'Back', fr: 'Retour', de: 'Zurück' },
  'login.code-legend': { en: 'Characters of your security code', fr: 'Caractères de votre code de sécurité', de: 'Zeichen Ihres Sicherheitscodes' },
  'login.code-positions': {
    en: 'Enter characters n° {first}, {second} and {third} of your security code.',
    fr: 'Saisissez les caractères n° {first}, {second} et {third} de votre code de sécurité.',
    de: 'Geben Sie die Zeichen Nr. {first}, {second} und {third} Ihres Sicherheitscodes ein.',
  },
  'login.code-character': { en: 'Character n° {position}', fr: 'Caractère n° {position}', de: 'Zeichen Nr. {position}' },
  'login.sign-in': { en: 'Sign in', fr: 'Se connecter', de: 'Anmelden' },
  'login.new-password-title': { en: 'Choose a new password', fr: 'Choisissez un nouveau mot de passe', de: 'Wählen Sie ein neues Passwort' },
  'login.new-password-intro': {
    en: 'This is your first login: replace the temporary password with one of your own.',
    fr: 'C’est votre première connexion : remplacez le mot de passe temporaire par un mot de passe personnel.',
    de: 'Dies ist Ihre erste Anmeldung: Ersetzen Sie das vorläufige Passwort durch ein eigenes.',
  },
  'login.new-password': { en: 'New password', fr: 'Nouveau mot de passe', de: 'Neues Passwort' },
  'login.confirm-password': { en: 'Confirm the new password', fr: 'Confirmez le nouveau mot de passe', de: 'Neues Passwort bestätigen' },
  'login.password-rules': { en: 'The password must contain:', fr: 'Le mot de passe doit contenir :', de: 'Das Passwort muss Folgendes enthalten:' },
  'login.password-unmet': {
    en: 'The password does not meet these requirements:',
    fr: 'Le mot de passe ne respecte pas ces exigences :',
    de: 'Das Passwort erfüllt diese Anforderungen nicht:',
  },
  'login.rule.min-length': { en: 'at least {count} characters', fr: 'au moins {count} caractères', de: 'mindestens {count} Zeichen' },
  'login.rule.max-length': { en: 'at most {count} characters', fr: 'au plus {count} caractères', de: 'höchstens {count} Zeichen' },
  'login.rule.lower-case': { en: 'a lower-case letter', fr: 'une lettre minuscule', de: 'einen Kleinbuchstaben' },
  'login.rule.upper-case': { en: 'an upper-case letter', fr: 'une lettre majuscule', de: 'einen Großbuchstaben' },
  'login.rule.digit': { en: 'a digit', fr: 'un chiffre', de: 'eine Ziffer' },
  'login.rule.special': { en: 'a special character', fr: 'un caractère spécial', de: 'ein Sonderzeichen' },
  'login.passwords-differ': { en: 'The two passwords differ.', fr: 'Les deux mots de passe sont différents.', de: 'Die beiden Passwörter stimmen nicht überein.' },
  'login.save-password': { en: 'Change the password', fr: 'Modifier le mot de passe', de: 'Passwort ändern' },
  'login.code-title': { en: 'Create your security code', fr: 'Créez votre code de sécurité', de: 'Erstellen Sie Ihren Sicherheitscode' },
  'login.code-intro': {
    en: 'At each later login you will be asked for 3 of its characters, at positions chosen at random.',
    fr: 'À chaque connexion ultérieure, 3 de ses caractères vous seront demandés, à des positions tirées au hasard.',
    de: 'Bei jeder späteren Anmeldung werden 3 seiner Zeichen an zufällig gewählten Positionen abgefragt.',
  },
  'login.code-rules': {
    en: 'Exactly {length} characters, with at least one letter, one digit and one symbol, and no spaces.',
    fr: 'Exactement {length} caractères, dont au moins une lettre, un chiffre et un symbole, sans espace.',
    de: 'Genau {length} Zeichen, darunter mindestens ein Buchstabe, eine Ziffer und ein Symbol, ohne Leerzeichen.',
  },
  'login.code': { en: 'Security code', fr: 'Code de sécurité', de: 'Sicherheitscode' },
  'login.code-confirm': { en: 'Confirm the security code', fr: 'Confirmez le code de sécurité', de: 'Sicherheitscode bestätigen' },
  'login.codes-differ': { en: 'The two codes differ.', fr: 'Les deux codes sont différents.', de: 'Die beiden Codes stimmen nicht überein.' },
  'login.save-code': { en: 'Create the code and sign in', fr: 'Créer le code et se connecter', de: 'Code erstellen und anmelden' },
  'login.signed-in': { en: 'You are signed in.', fr: 'Connexion réussie.', de: 'Sie sind angemeldet.' },
  'login.sign-out': { en: 'Sign out', fr: 'Se déconnecter', de: 'Abmelden' },
  'login.signed-out': { en: 'You are signed out.', fr: 'Déconnexion effectuée.', de: 'Sie sind abgemeldet.' },
  'login.working': { en: 'Checking…', fr: 'Vérification…', de: 'Wird geprüft…' },
  // Outcomes of an attempt. A refusal never says which of the three credentials was wrong.
  'login.outcome.invalid-credentials': {
    en: 'The username, the password or the characters of the security code are not correct.',
    fr: 'Le nom d’utilisateur, le mot de passe ou les caractères du code de sécurité sont incorrects.',
    de: 'Benutzername, Passwort oder die Zeichen des Sicherheitscodes sind nicht korrekt.',
  },
  'login.outcome.blocked': {
    en: 'This account is blocked. A local data administrator of your authority must reset your password.',
    fr: 'Ce compte est bloqué. Un administrateur local des données de votre autorité doit réinitialiser votre mot de passe.',
    de: 'Dieses Konto ist gesperrt. Ein lokaler Datenadministrator Ihrer Behörde muss Ihr Passwort zurücksetzen.',
  },
  'login.outcome.temporary-password-expired': {
    en: 'Your temporary password has expired. Ask a local data administrator of your authority for a new one.',
    fr: 'Votre mot de passe temporaire a expiré. Demandez-en un nouveau à un administrateur local des données de votre autorité.',
    de: 'Ihr vorläufiges Passwort ist abgelaufen. Bitten Sie einen lokalen Datenadministrator Ihrer Behörde um ein neues.',
  },
  'login.outcome.challenge-expired': {
    en: 'The characters asked for are no longer valid. Please sign in again.',
    fr: 'Les caractères demandés ne sont plus valables. Veuillez vous reconnecter.',
    de: 'Die abgefragten Zeichen sind nicht mehr gültig. Bitte melden Sie sich erneut an.',
  },
  // Refusals of a first-login step, by error code.
  'login.error.login.invalid-password': {
    en: 'The password does not meet the password policy.',
    fr: 'Le mot de passe ne respecte pas la politique des mots de passe.',
    de: 'Das Passwort entspricht nicht den Passwortregeln.',
  },
  'login.error.login.password-unchanged': {
    en: 'Choose a password other than the current one.',
    fr: 'Choisissez un mot de passe différent de l’actuel.',
    de: 'Wählen Sie ein anderes als das aktuelle Passwort.',
  },
  'login.error.login.invalid-security-code': {
    en: 'The security code must have exactly 12 characters, with letters, digits and symbols.',
    fr: 'Le code de sécurité doit compter exactement 12 caractères, avec des lettres, des chiffres et des symboles.',
    de: 'Der Sicherheitscode muss genau 12 Zeichen mit Buchstaben, Ziffern und Symbolen haben.',
  },
  'login.error.login.security-code-mismatch': { en: 'The two codes differ.', fr: 'Les deux codes sont différents.', de: 'Die beiden Codes stimmen nicht überein.' },
  'login.error.login.continuation-invalid': {
    en: 'This step has expired. Please sign in again.',
    fr: 'Cette étape a expiré. Veuillez vous reconnecter.',
    de: 'Dieser Schritt ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  'login.error.login.busy': {
    en: 'The account is busy. Please try again.',
    fr: 'Le compte est occupé. Veuillez réessayer.',
    de: 'Das Konto ist gerade belegt. Bitte versuchen Sie es erneut.',
  },
  'login.error': {
    en: 'The login could not be completed. Please try again later.',
    fr: 'La connexion n’a pas pu aboutir. Veuillez réessayer plus tard.',
    de: 'Die Anmeldung konnte nicht abgeschlossen werden. Bitte versuchen Sie es später erneut.',
  },
}
