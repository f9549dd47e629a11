/**
 * The labels and texts of request reports, in English, French and German: headings, field names,
 * statuses and events of the history, and the texts of the data-subject report and the consent form
 * (disclaimer, consent statement). Reports are produced only in these languages; the free texts of a
 * request are shown in the language they were written in.
 *
 * The French names of the report kinds follow the source manual (003 §5.3.10); the other texts are
 * this module's.
 *
 * @module
 */
import type { ReportKind, ReportPart } from './model.js'
import type { AttachmentRelevance, ClosureReason, RequestSide, RequestStatus } from '../procedures/request/model.js'

/** The languages reports are written in. @category reports */
export const REPORT_LANGUAGES = ['en', 'fr', 'de'] as const

/** A language reports are written in. @category reports */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number]

/** True when reports are written in `language`. @category reports */
export const isReportLanguage = (language: string): language is ReportLanguage => (REPORT_LANGUAGES as ReadonlyArray<string>).includes(language)

/**
 * Every label and text of a report in one language.
 *
 * @category reports
 */
export interface ReportLabels {
  readonly kinds: Readonly<Record<ReportKind, string>>
  readonly parts: Readonly<Record<ReportPart, string>>
  readonly general: string
  readonly fields: {
    readonly number: string
    readonly procedure: string
    readonly procedureName: string
    readonly legislativeArea: string
    readonly status: string
    readonly closureReason: string
    readonly createdAt: string
    readonly sentAt: string
    readonly closedAt: string
    readonly deadline: string
    readonly originalDeadline: string
    readonly report: string
    readonly generatedAt: string
    readonly generatedBy: string
    readonly expiresAt: string
    readonly personalData: string
    readonly times: string
  }
  readonly personalDataNotice: { readonly included: string; readonly excluded: string }
  readonly authority: {
    readonly name: string
    readonly memberState: string
    readonly email: string
    readonly languages: string
    readonly coordinator: string
    readonly notSentYet: string
    readonly none: string
  }
  readonly subject: { readonly none: string; readonly questionSet: string }
  readonly questions: {
    readonly question: string
    readonly parameters: string
    readonly comment: string
    readonly answer: string
    readonly answerComment: string
    readonly noAnswer: string
    readonly aboutAttachment: string
    readonly movedTo: string
    readonly unsentAnswers: string
    readonly none: string
  }
  readonly messages: {
    readonly justification: string
    readonly message: string
    readonly additionalInfo: string
    readonly additionalInfoQuestions: string
    readonly additionalInfoAccepted: string
    readonly additionalInfoRefusal: string
    readonly returnedByCoordinator: string
    readonly derogationProcedure: string
    readonly derogationConfirmed: string
    readonly derogationRelated: string
    readonly earliestMeasureDate: string
    readonly contraryDecision: string
    readonly yes: string
    readonly no: string
    readonly none: string
  }
  readonly attachments: {
    readonly file: string
    readonly mediaType: string
    readonly size: string
    readonly bytes: string
    readonly relevance: string
    readonly addedBy: string
    readonly addedAt: string
    readonly comments: string
    readonly none: string
  }
  readonly history: { readonly by: string; readonly system: string; readonly justification: string; readonly none: string }
  readonly withheld: { readonly 'personal-data': string; readonly blocked: string; readonly erased: string }
  readonly statuses: Readonly<Record<RequestStatus, string>>
  readonly closureReasons: Readonly<Record<ClosureReason, string>>
  readonly sides: Readonly<Record<RequestSide, string>>
  readonly relevance: Readonly<Record<AttachmentRelevance, string>>
  /** Labels of the events of the history, by event type; an unknown type shows as it is stored. */
  readonly events: Readonly<Record<string, string>>
  /** The introduction of the data-subject report and of the consent form (RET-SUBJECT-REPORT). */
  readonly subjectIntroduction: { readonly heading: string; readonly paragraphs: ReadonlyArray<string> }
  /** The disclaimer of the consent form (RET-CONSENT-FORM). */
  readonly disclaimer: { readonly heading: string; readonly paragraphs: ReadonlyArray<string> }
  /** The consent the subject may sign (RET-CONSENT-FORM). */
  readonly consent: { readonly heading: string; readonly paragraphs: ReadonlyArray<string>; readonly lines: ReadonlyArray<string> }
  /** Footer of every printed page. */
  readonly footer: string
}

const EN: ReportLabels = {
  kinds: {
    FULL_WITH_PERSONAL_DATA: 'Full report with personal data',
    FULL_WITHOUT_PERSONAL_DATA: 'Full report without personal data',
    CUSTOM: 'Customised report',
    FOR_DATA_SUBJECT: 'Report for the data subject',
    CONSENT_FORM: 'Consent form for the data subject',
  },
  parts: {
    'requesting-authority': 'Requesting authority',
    'responding-authority': 'Responding authority',
    subject: 'Subject of the request',
    'subject-personal-data': 'Personal data of the data subject',
    'questions-and-answers': 'Questions and answers',
    messages: 'Messages and free text',
    attachments: 'Attachments and their comments',
    history: 'History',
  },
  general: 'General information',
  fields: {
    number: 'Request number',
    procedure: 'Procedure',
    procedureName: 'Request for information',
    legislativeArea: 'Legislative area',
    status: 'Status',
    closureReason: 'Reason for closure',
    createdAt: 'Created on',
    sentAt: 'Sent on',
    closedAt: 'Closed on',
    deadline: 'Reply deadline (indicative)',
    originalDeadline: 'Deadline originally requested',
    report: 'Report',
    generatedAt: 'Generated on',
    generatedBy: 'Generated by',
    expiresAt: 'Available in the activity panel until',
    personalData: 'Personal data',
    times: 'Dates and times are given in Brussels time (CET/CEST).',
  },
  personalDataNotice: {
    included:
      'This report contains personal data. Keep it secure and process it only as national and EU data-protection rules allow (Regulation (EU) 2016/679; Regulation (EU) No 1024/2012, Art. 13 to 19).',
    excluded: 'This report contains no personal data of the data subject.',
  },
  authority: {
    name: 'Name',
    memberState: 'Member State',
    email: 'E-mail',
    languages: 'Languages understood',
    coordinator: 'Request coordinator',
    notSentYet: 'Addressee (the request has not been sent yet)',
    none: 'Not chosen yet',
  },
  subject: { none: 'No information given.', questionSet: 'Question set' },
  questions: {
    question: 'Question',
    parameters: 'Details',
    comment: 'Comment of the requesting authority',
    answer: 'Answer',
    answerComment: 'Comment of the responding authority',
    noAnswer: 'Not answered yet',
    aboutAttachment: 'About an attached document',
    movedTo: 'Moved to another request when the request was split',
    unsentAnswers: 'Answers saved but not sent',
    none: 'No question.',
  },
  messages: {
    justification: 'Justification of the request',
    message: 'Message',
    additionalInfo: 'Request for additional information',
    additionalInfoQuestions: 'Questions concerned',
    additionalInfoAccepted: 'Accepted by the responding authority',
    additionalInfoRefusal: 'Refusal of the additional information',
    returnedByCoordinator: 'Returned by the coordinator',
    derogationProcedure: 'Procedure of the notification',
    derogationConfirmed: 'Checklist items confirmed',
    derogationRelated: 'Related request',
    earliestMeasureDate: 'Earliest date on which the measures may be taken',
    contraryDecision: 'Contrary decision of the Commission recorded on',
    yes: 'Yes',
    no: 'No',
    none: 'No message or free text.',
  },
  attachments: {
    file: 'File',
    mediaType: 'Type',
    size: 'Size',
    bytes: 'bytes',
    relevance: 'Relevance',
    addedBy: 'Added by',
    addedAt: 'Added on',
    comments: 'Comments on the document',
    none: 'No attachment.',
  },
  history: { by: 'by', system: 'IMI (automatic)', justification: 'Justification', none: 'No entry.' },
  withheld: { 'personal-data': 'Not shown (personal data)', blocked: 'Not shown (personal data blocked)', erased: 'Erased' },
  statuses: {
    draft: 'Draft',
    'awaiting-request-approval': 'Awaiting approval of the request',
    'awaiting-acceptance': 'Awaiting acceptance',
    accepted: 'Accepted',
    'awaiting-reply-approval': 'Awaiting approval of the reply',
    replied: 'Replied',
    'additional-info-requested': 'Additional information requested',
    'additional-info-refused': 'Additional information refused',
    'arbitration-requesting-coordinator': 'In arbitration (requesting coordinator)',
    'arbitration-responding-coordinator': 'In arbitration (responding coordinator)',
    'returned-after-arbitration': 'Returned after arbitration',
    closed: 'Closed',
  },
  closureReasons: {
    'reply-accepted': 'Reply accepted',
    'refusal-justification-accepted': 'Justification of the refusal accepted',
    'closed-by-coordinator-arbitration': 'Closed by a coordinator after arbitration',
    'closed-by-responding-authority': 'Closed by the responding authority',
    refused: 'Refused',
  },
  sides: { requesting: 'Requesting authority', responding: 'Responding authority' },
  relevance: {
    'evidence-of-qualifications': 'Evidence of qualifications',
    'proof-of-establishment': 'Proof of establishment',
    authorisation: 'Authorisation',
    decision: 'Decision',
    certificate: 'Certificate',
    correspondence: 'Correspondence',
    other: 'Other',
  },
  events: {
    'request.created': 'Draft created',
    'request.split-off': 'Created by splitting another request',
    'request.draft-edited': 'Draft edited',
    'request.allocated': 'Allocated',
    'request.sent': 'Sent',
    'request.approved': 'Request approved by the coordinator',
    'request.returned': 'Returned to the requesting authority',
    'request.accepted': 'Accepted',
    'request.refused': 'Refused',
    'request.forwarded': 'Forwarded to another authority',
    'request.split': 'Split',
    'request.reply-saved': 'Reply saved',
    'request.replied': 'Replied',
    'request.reply-approved': 'Reply approved by the coordinator',
    'request.reply-returned': 'Reply returned to the responding authority',
    'request.message-added': 'Message added',
    'request.attachment-added': 'Document attached',
    'request.coordinator-changed': 'Coordinator changed',
    'request.closed': 'Closed',
    'request.additional-info-requested': 'Additional information requested',
    'request.additional-info-accepted': 'Request for additional information accepted',
    'request.additional-info-rejected': 'Request for additional information rejected',
    'request.refusal-accepted': 'Refusal accepted',
    'request.escalated': 'Referred to arbitration',
    'request.arbitration-decided': 'Arbitration decided',
    'request.reconsidered': 'Reconsidered',
    'request.position-maintained': 'Position maintained',
    'request.personal-data-blocked': 'Personal data blocked',
    'request.personal-data-erased': 'Personal data erased',
    'request.contrary-decision-recorded': 'Contrary decision of the Commission recorded',
  },
  subjectIntroduction: {
    heading: 'About this report',
    paragraphs: [
      'This report was produced at your request. It shows the information about you that competent authorities of the Member States exchanged through the Internal Market Information System (IMI) in the request identified below.',
      'IMI is operated under Regulation (EU) No 1024/2012. You have the right of access to your personal data, and the right to have inaccurate data rectified and unlawfully processed data erased (Regulation (EU) 2016/679, Articles 15 to 17; Regulation (EU) No 1024/2012, Article 19). Address any request to the authority that gave you this report.',
    ],
  },
  disclaimer: {
    heading: 'Disclaimer',
    paragraphs: [
      'This document reproduces the information recorded in IMI at the moment it was generated. It is not a certified copy and has no legal effect of its own; the records of the competent authorities prevail.',
      'Texts written by the authorities are shown in the language they were written in. Any machine translation made of them is approximate and may not be relied on for legal purposes.',
    ],
  },
  consent: {
    heading: 'Consent to the exchange of personal data',
    paragraphs: [
      'I, the undersigned, have read the report above.',
      'I agree that the competent authorities named in it exchange the personal data about me shown in this report through the Internal Market Information System (IMI), for the purposes of this request only.',
      'I have been informed that I may withdraw this consent at any time by writing to the authority that gave me this form, without affecting the lawfulness of the exchanges made before the withdrawal.',
    ],
    lines: ['Full name', 'Place and date', 'Signature'],
  },
  footer: 'Internal Market Information System (IMI)',
}

const FR: ReportLabels = {
  kinds: {
    FULL_WITH_PERSONAL_DATA: 'Rapport complet contenant les données personnelles',
    FULL_WITHOUT_PERSONAL_DATA: 'Rapport complet sans aucune donnée personnelle',
    CUSTOM: 'Rapport personnalisé',
    FOR_DATA_SUBJECT: 'Rapport à l’attention du titulaire de la profession (personne concernée)',
    CONSENT_FORM: 'Formulaire de consentement à l’attention du titulaire de la profession',
  },
  parts: {
    'requesting-authority': 'Autorité requérante',
    'responding-authority': 'Autorité destinataire',
    subject: 'Objet de la demande',
    'subject-personal-data': 'Données personnelles de la personne concernée',
    'questions-and-answers': 'Questions et réponses',
    messages: 'Messages et texte libre',
    attachments: 'Pièces jointes et commentaires',
    history: 'Historique',
  },
  general: 'Informations générales',
  fields: {
    number: 'Numéro de la demande',
    procedure: 'Procédure',
    procedureName: 'Demande d’informations',
    legislativeArea: 'Domaine législatif',
    status: 'Statut',
    closureReason: 'Motif de la clôture',
    createdAt: 'Créée le',
    sentAt: 'Envoyée le',
    closedAt: 'Clôturée le',
    deadline: 'Délai de réponse (indicatif)',
    originalDeadline: 'Délai demandé à l’origine',
    report: 'Rapport',
    generatedAt: 'Généré le',
    generatedBy: 'Généré par',
    expiresAt: 'Disponible dans le panneau d’activités jusqu’au',
    personalData: 'Données personnelles',
    times: 'Les dates et heures sont celles de Bruxelles (HNEC/HAEC).',
  },
  personalDataNotice: {
    included:
      'Ce rapport contient des données personnelles. Conservez-le en lieu sûr et ne le traitez que dans le respect des règles nationales et européennes de protection des données (règlement (UE) 2016/679 ; règlement (UE) nº 1024/2012, articles 13 à 19).',
    excluded: 'Ce rapport ne contient aucune donnée personnelle de la personne concernée.',
  },
  authority: {
    name: 'Nom',
    memberState: 'État membre',
    email: 'Courriel',
    languages: 'Langues comprises',
    coordinator: 'Coordonnateur des demandes',
    notSentYet: 'Destinataire (la demande n’a pas encore été envoyée)',
    none: 'Pas encore choisi',
  },
  subject: { none: 'Aucune information fournie.', questionSet: 'Jeu de questions' },
  questions: {
    question: 'Question',
    parameters: 'Précisions',
    comment: 'Commentaire de l’autorité requérante',
    answer: 'Réponse',
    answerComment: 'Commentaire de l’autorité destinataire',
    noAnswer: 'Pas encore de réponse',
    aboutAttachment: 'Concerne un document joint',
    movedTo: 'Transférée vers une autre demande lors de la scission de la demande',
    unsentAnswers: 'Réponses enregistrées mais non envoyées',
    none: 'Aucune question.',
  },
  messages: {
    justification: 'Justification de la demande',
    message: 'Message',
    additionalInfo: 'Demande d’informations complémentaires',
    additionalInfoQuestions: 'Questions concernées',
    additionalInfoAccepted: 'Acceptée par l’autorité destinataire',
    additionalInfoRefusal: 'Refus des informations complémentaires',
    returnedByCoordinator: 'Renvoyée par le coordonnateur',
    derogationProcedure: 'Procédure de la notification',
    derogationConfirmed: 'Points de la liste de contrôle confirmés',
    derogationRelated: 'Demande liée',
    earliestMeasureDate: 'Date à partir de laquelle les mesures peuvent être prises',
    contraryDecision: 'Décision contraire de la Commission enregistrée le',
    yes: 'Oui',
    no: 'Non',
    none: 'Aucun message ni texte libre.',
  },
  attachments: {
    file: 'Fichier',
    mediaType: 'Type',
    size: 'Taille',
    bytes: 'octets',
    relevance: 'Pertinence',
    addedBy: 'Ajouté par',
    addedAt: 'Ajouté le',
    comments: 'Commentaires sur le document',
    none: 'Aucune pièce jointe.',
  },
  history: { by: 'par', system: 'IMI (automatique)', justification: 'Justification', none: 'Aucune entrée.' },
  withheld: { 'personal-data': 'Non affiché (données personnelles)', blocked: 'Non affiché (données personnelles verrouillées)', erased: 'Effacé' },
  statuses: {
    draft: 'Brouillon',
    'awaiting-request-approval': 'En attente d’approbation de la demande',
    'awaiting-acceptance': 'En attente d’acceptation',
    accepted: 'Acceptée',
    'awaiting-reply-approval': 'En attente d’approbation de la réponse',
    replied: 'Réponse envoyée',
    'additional-info-requested': 'Informations complémentaires demandées',
    'additional-info-refused': 'Informations complémentaires refusées',
    'arbitration-requesting-coordinator': 'En arbitrage (coordonnateur de l’autorité requérante)',
    'arbitration-responding-coordinator': 'En arbitrage (coordonnateur de l’autorité destinataire)',
    'returned-after-arbitration': 'Renvoyée après arbitrage',
    closed: 'Clôturée',
  },
  closureReasons: {
    'reply-accepted': 'Réponse acceptée',
    'refusal-justification-accepted': 'Justification du refus acceptée',
    'closed-by-coordinator-arbitration': 'Clôturée par un coordonnateur après arbitrage',
    'closed-by-responding-authority': 'Clôturée par l’autorité destinataire',
    refused: 'Refusée',
  },
  sides: { requesting: 'Autorité requérante', responding: 'Autorité destinataire' },
  relevance: {
    'evidence-of-qualifications': 'Preuve des qualifications',
    'proof-of-establishment': 'Preuve de l’établissement',
    authorisation: 'Autorisation',
    decision: 'Décision',
    certificate: 'Certificat',
    correspondence: 'Correspondance',
    other: 'Autre',
  },
  events: {
    'request.created': 'Brouillon créé',
    'request.split-off': 'Créée par la scission d’une autre demande',
    'request.draft-edited': 'Brouillon modifié',
    'request.allocated': 'Assignée',
    'request.sent': 'Envoyée',
    'request.approved': 'Demande approuvée par le coordonnateur',
    'request.returned': 'Renvoyée à l’autorité requérante',
    'request.accepted': 'Acceptée',
    'request.refused': 'Refusée',
    'request.forwarded': 'Transmise à une autre autorité',
    'request.split': 'Scindée',
    'request.reply-saved': 'Réponse enregistrée',
    'request.replied': 'Réponse envoyée',
    'request.reply-approved': 'Réponse approuvée par le coordonnateur',
    'request.reply-returned': 'Réponse renvoyée à l’autorité destinataire',
    'request.message-added': 'Message ajouté',
    'request.attachment-added': 'Document joint',
    'request.coordinator-changed': 'Coordonnateur changé',
    'request.closed': 'Clôturée',
    'request.additional-info-requested': 'Informations complémentaires demandées',
    'request.additional-info-accepted': 'Demande d’informations complémentaires acceptée',
    'request.additional-info-rejected': 'Demande d’informations complémentaires rejetée',
    'request.refusal-accepted': 'Refus accepté',
    'request.escalated': 'Soumise à l’arbitrage',
    'request.arbitration-decided': 'Arbitrage rendu',
    'request.reconsidered': 'Réexaminée',
    'request.position-maintained': 'Position maintenue',
    'request.personal-data-blocked': 'Données personnelles verrouillées',
    'request.personal-data-erased': 'Données personnelles effacées',
    'request.contrary-decision-recorded': 'Décision contraire de la Commission enregistrée',
  },
  subjectIntroduction: {
    heading: 'À propos de ce rapport',
    paragraphs: [
      'Ce rapport a été établi à votre demande. Il présente les informations vous concernant que des autorités compétentes des États membres ont échangées au moyen du système d’information du marché intérieur (IMI) dans la demande identifiée ci-dessous.',
      'IMI fonctionne en application du règlement (UE) nº 1024/2012. Vous disposez d’un droit d’accès à vos données personnelles ainsi que du droit de faire rectifier les données inexactes et effacer les données traitées illicitement (règlement (UE) 2016/679, articles 15 à 17 ; règlement (UE) nº 1024/2012, article 19). Adressez toute demande à l’autorité qui vous a remis ce rapport.',
    ],
  },
  disclaimer: {
    heading: 'Clause de non-responsabilité',
    paragraphs: [
      'Ce document reproduit les informations enregistrées dans IMI au moment où il a été établi. Il ne constitue pas une copie certifiée et n’a pas d’effet juridique propre ; les dossiers des autorités compétentes font foi.',
      'Les textes rédigés par les autorités figurent dans la langue de leur rédaction. Toute traduction automatique de ces textes est approximative et ne peut être invoquée à des fins juridiques.',
    ],
  },
  consent: {
    heading: 'Consentement à l’échange de données personnelles',
    paragraphs: [
      'Je soussigné(e) déclare avoir pris connaissance du rapport ci-dessus.',
      'J’accepte que les autorités compétentes qui y sont nommées échangent les données personnelles me concernant figurant dans ce rapport au moyen du système d’information du marché intérieur (IMI), aux seules fins de cette demande.',
      'J’ai été informé(e) que je peux retirer ce consentement à tout moment en écrivant à l’autorité qui m’a remis ce formulaire, sans que cela affecte la licéité des échanges effectués avant ce retrait.',
    ],
    lines: ['Nom et prénom', 'Lieu et date', 'Signature'],
  },
  footer: 'Système d’information du marché intérieur (IMI)',
}

const DE: ReportLabels = {
  kinds: {
    FULL_WITH_PERSONAL_DATA: 'Vollständiger Bericht mit personenbezogenen Daten',
    FULL_WITHOUT_PERSONAL_DATA: 'Vollständiger Bericht ohne personenbezogene Daten',
    CUSTOM: 'Angepasster Bericht',
    FOR_DATA_SUBJECT: 'Bericht für die betroffene Person (Berufsangehörige/r)',
    CONSENT_FORM: 'Einwilligungsformular für die betroffene Person',
  },
  parts: {
    'requesting-authority': 'Ersuchende Behörde',
    'responding-authority': 'Ersuchte Behörde',
    subject: 'Gegenstand des Ersuchens',
    'subject-personal-data': 'Personenbezogene Daten der betroffenen Person',
    'questions-and-answers': 'Fragen und Antworten',
    messages: 'Nachrichten und Freitext',
    attachments: 'Anhänge und Kommentare',
    history: 'Verlauf',
  },
  general: 'Allgemeine Angaben',
  fields: {
    number: 'Nummer des Ersuchens',
    procedure: 'Verfahren',
    procedureName: 'Auskunftsersuchen',
    legislativeArea: 'Rechtsbereich',
    status: 'Status',
    closureReason: 'Grund des Abschlusses',
    createdAt: 'Erstellt am',
    sentAt: 'Gesendet am',
    closedAt: 'Abgeschlossen am',
    deadline: 'Antwortfrist (unverbindlich)',
    originalDeadline: 'Ursprünglich erbetene Frist',
    report: 'Bericht',
    generatedAt: 'Erstellt am',
    generatedBy: 'Erstellt von',
    expiresAt: 'Im Aktivitätenbereich verfügbar bis',
    personalData: 'Personenbezogene Daten',
    times: 'Datums- und Zeitangaben in Brüsseler Zeit (MEZ/MESZ).',
  },
  personalDataNotice: {
    included:
      'Dieser Bericht enthält personenbezogene Daten. Bewahren Sie ihn sicher auf und verarbeiten Sie ihn nur im Rahmen der nationalen und europäischen Datenschutzvorschriften (Verordnung (EU) 2016/679; Verordnung (EU) Nr. 1024/2012, Artikel 13 bis 19).',
    excluded: 'Dieser Bericht enthält keine personenbezogenen Daten der betroffenen Person.',
  },
  authority: {
    name: 'Name',
    memberState: 'Mitgliedstaat',
    email: 'E-Mail',
    languages: 'Verstandene Sprachen',
    coordinator: 'Koordinator für Ersuchen',
    notSentYet: 'Empfänger (das Ersuchen wurde noch nicht gesendet)',
    none: 'Noch nicht gewählt',
  },
  subject: { none: 'Keine Angaben.', questionSet: 'Fragenkatalog' },
  questions: {
    question: 'Frage',
    parameters: 'Angaben',
    comment: 'Kommentar der ersuchenden Behörde',
    answer: 'Antwort',
    answerComment: 'Kommentar der ersuchten Behörde',
    noAnswer: 'Noch nicht beantwortet',
    aboutAttachment: 'Betrifft ein angehängtes Dokument',
    movedTo: 'Bei der Aufteilung des Ersuchens in ein anderes Ersuchen verschoben',
    unsentAnswers: 'Gespeicherte, noch nicht gesendete Antworten',
    none: 'Keine Frage.',
  },
  messages: {
    justification: 'Begründung des Ersuchens',
    message: 'Nachricht',
    additionalInfo: 'Ersuchen um zusätzliche Informationen',
    additionalInfoQuestions: 'Betroffene Fragen',
    additionalInfoAccepted: 'Von der ersuchten Behörde angenommen',
    additionalInfoRefusal: 'Ablehnung der zusätzlichen Informationen',
    returnedByCoordinator: 'Vom Koordinator zurückgesandt',
    derogationProcedure: 'Verfahren der Mitteilung',
    derogationConfirmed: 'Bestätigte Punkte der Checkliste',
    derogationRelated: 'Zugehöriges Ersuchen',
    earliestMeasureDate: 'Frühester Tag, an dem die Maßnahmen ergriffen werden dürfen',
    contraryDecision: 'Gegenteilige Entscheidung der Kommission erfasst am',
    yes: 'Ja',
    no: 'Nein',
    none: 'Keine Nachricht und kein Freitext.',
  },
  attachments: {
    file: 'Datei',
    mediaType: 'Typ',
    size: 'Größe',
    bytes: 'Bytes',
    relevance: 'Bedeutung',
    addedBy: 'Hinzugefügt von',
    addedAt: 'Hinzugefügt am',
    comments: 'Kommentare zum Dokument',
    none: 'Kein Anhang.',
  },
  history: { by: 'durch', system: 'IMI (automatisch)', justification: 'Begründung', none: 'Kein Eintrag.' },
  withheld: { 'personal-data': 'Nicht angezeigt (personenbezogene Daten)', blocked: 'Nicht angezeigt (personenbezogene Daten gesperrt)', erased: 'Gelöscht' },
  statuses: {
    draft: 'Entwurf',
    'awaiting-request-approval': 'Genehmigung des Ersuchens ausstehend',
    'awaiting-acceptance': 'Annahme ausstehend',
    accepted: 'Angenommen',
    'awaiting-reply-approval': 'Genehmigung der Antwort ausstehend',
    replied: 'Beantwortet',
    'additional-info-requested': 'Zusätzliche Informationen erbeten',
    'additional-info-refused': 'Zusätzliche Informationen abgelehnt',
    'arbitration-requesting-coordinator': 'In Schlichtung (Koordinator der ersuchenden Behörde)',
    'arbitration-responding-coordinator': 'In Schlichtung (Koordinator der ersuchten Behörde)',
    'returned-after-arbitration': 'Nach Schlichtung zurückgesandt',
    closed: 'Abgeschlossen',
  },
  closureReasons: {
    'reply-accepted': 'Antwort angenommen',
    'refusal-justification-accepted': 'Begründung der Ablehnung angenommen',
    'closed-by-coordinator-arbitration': 'Von einem Koordinator nach Schlichtung abgeschlossen',
    'closed-by-responding-authority': 'Von der ersuchten Behörde abgeschlossen',
    refused: 'Abgelehnt',
  },
  sides: { requesting: 'Ersuchende Behörde', responding: 'Ersuchte Behörde' },
  relevance: {
    'evidence-of-qualifications': 'Nachweis der Berufsqualifikationen',
    'proof-of-establishment': 'Nachweis der Niederlassung',
    authorisation: 'Genehmigung',
    decision: 'Entscheidung',
    certificate: 'Bescheinigung',
    correspondence: 'Schriftverkehr',
    other: 'Sonstiges',
  },
  events: {
    'request.created': 'Entwurf erstellt',
    'request.split-off': 'Durch Aufteilung eines anderen Ersuchens entstanden',
    'request.draft-edited': 'Entwurf geändert',
    'request.allocated': 'Zugewiesen',
    'request.sent': 'Gesendet',
    'request.approved': 'Ersuchen vom Koordinator genehmigt',
    'request.returned': 'An die ersuchende Behörde zurückgesandt',
    'request.accepted': 'Angenommen',
    'request.refused': 'Abgelehnt',
    'request.forwarded': 'An eine andere Behörde weitergeleitet',
    'request.split': 'Aufgeteilt',
    'request.reply-saved': 'Antwort gespeichert',
    'request.replied': 'Beantwortet',
    'request.reply-approved': 'Antwort vom Koordinator genehmigt',
    'request.reply-returned': 'Antwort an die ersuchte Behörde zurückgesandt',
    'request.message-added': 'Nachricht hinzugefügt',
    'request.attachment-added': 'Dokument angehängt',
    'request.coordinator-changed': 'Koordinator geändert',
    'request.closed': 'Abgeschlossen',
    'request.additional-info-requested': 'Zusätzliche Informationen erbeten',
    'request.additional-info-accepted': 'Ersuchen um zusätzliche Informationen angenommen',
    'request.additional-info-rejected': 'Ersuchen um zusätzliche Informationen abgelehnt',
    'request.refusal-accepted': 'Ablehnung angenommen',
    'request.escalated': 'Zur Schlichtung vorgelegt',
    'request.arbitration-decided': 'Schlichtung entschieden',
    'request.reconsidered': 'Erneut geprüft',
    'request.position-maintained': 'Standpunkt beibehalten',
    'request.personal-data-blocked': 'Personenbezogene Daten gesperrt',
    'request.personal-data-erased': 'Personenbezogene Daten gelöscht',
    'request.contrary-decision-recorded': 'Gegenteilige Entscheidung der Kommission erfasst',
  },
  subjectIntroduction: {
    heading: 'Zu diesem Bericht',
    paragraphs: [
      'Dieser Bericht wurde auf Ihren Antrag erstellt. Er zeigt die Informationen über Sie, die zuständige Behörden der Mitgliedstaaten über das Binnenmarkt-Informationssystem (IMI) in dem unten bezeichneten Ersuchen ausgetauscht haben.',
      'IMI wird auf der Grundlage der Verordnung (EU) Nr. 1024/2012 betrieben. Sie haben das Recht auf Auskunft über Ihre personenbezogenen Daten sowie auf Berichtigung unrichtiger und Löschung unrechtmäßig verarbeiteter Daten (Verordnung (EU) 2016/679, Artikel 15 bis 17; Verordnung (EU) Nr. 1024/2012, Artikel 19). Richten Sie Anträge an die Behörde, die Ihnen diesen Bericht ausgehändigt hat.',
    ],
  },
  disclaimer: {
    heading: 'Haftungsausschluss',
    paragraphs: [
      'Dieses Dokument gibt die in IMI gespeicherten Informationen zum Zeitpunkt seiner Erstellung wieder. Es ist keine beglaubigte Abschrift und hat keine eigene Rechtswirkung; maßgeblich sind die Akten der zuständigen Behörden.',
      'Von den Behörden verfasste Texte erscheinen in der Sprache, in der sie geschrieben wurden. Maschinelle Übersetzungen dieser Texte sind nur annähernd und für rechtliche Zwecke nicht verlässlich.',
    ],
  },
  consent: {
    heading: 'Einwilligung in den Austausch personenbezogener Daten',
    paragraphs: [
      'Ich, die unterzeichnende Person, habe den obigen Bericht gelesen.',
      'Ich willige ein, dass die darin genannten zuständigen Behörden die in diesem Bericht aufgeführten personenbezogenen Daten über mich über das Binnenmarkt-Informationssystem (IMI) ausschließlich für die Zwecke dieses Ersuchens austauschen.',
      'Ich wurde darüber informiert, dass ich diese Einwilligung jederzeit durch Schreiben an die Behörde, die mir dieses Formular ausgehändigt hat, widerrufen kann, ohne dass die Rechtmäßigkeit des bis zum Widerruf erfolgten Austauschs berührt wird.',
    ],
    lines: ['Vor- und Nachname', 'Ort und Datum', 'Unterschrift'],
  },
  footer: 'Binnenmarkt-Informationssystem (IMI)',
}

/**
 * The labels of reports, by language.
 *
 * @example
 * ```ts
 * import { REPORT_LABELS } from '@imi-kit/core'
 * REPORT_LABELS.fr.kinds.FULL_WITHOUT_PERSONAL_DATA // 'Rapport complet sans aucune donnée personnelle'
 * ```
 * @category reports
 */
export const REPORT_LABELS: Readonly<Record<ReportLanguage, ReportLabels>> = { en: EN, fr: FR, de: DE }
