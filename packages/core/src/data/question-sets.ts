/**
 * Question sets shipped with imi-kit, pre-translated into English, French and German. Other official
 * languages fall back to English until translated.
 *
 * @module
 */
import type { QuestionSet } from '../model/legislative-areas.js'
import type { LegislativeAreaId, QuestionSetId } from '../model/ids.js'

const yesNo = [
  { id: 'yes', text: { en: 'Yes', fr: 'Oui', de: 'Ja' } },
  { id: 'no', text: { en: 'No', fr: 'Non', de: 'Nein' } },
  { id: 'unknown', text: { en: 'The information is not available', fr: "L'information n'est pas disponible", de: 'Die Information liegt nicht vor' } },
] as const

const profession = {
  id: 'profession',
  label: { en: 'Profession', fr: 'Profession', de: 'Beruf' },
  mandatory: true,
} as const

/**
 * General questions on a regulated profession (Directive 2005/36/EC): establishment, qualifications,
 * and the absence of suspension or prohibition.
 *
 * @category data
 */
export const PROFESSIONAL_QUALIFICATIONS_GENERAL: QuestionSet = {
  id: 'pq.general' as QuestionSetId,
  legislativeArea: 'professional-qualifications' as LegislativeAreaId,
  title: {
    en: 'General questions on a regulated profession',
    fr: 'Questions générales sur une profession réglementée',
    de: 'Allgemeine Fragen zu einem reglementierten Beruf',
  },
  categories: [
    {
      id: 'establishment',
      title: { en: 'Legal establishment', fr: 'Établissement légal', de: 'Rechtmäßige Niederlassung' },
      questions: [
        {
          id: 'pq.establishment.legally-established',
          text: {
            en: 'Is the professional legally established in your Member State to pursue the profession of [ ]?',
            fr: 'Le professionnel est-il légalement établi dans votre État membre pour exercer la profession de [ ] ?',
            de: 'Ist die Berufsangehörige / der Berufsangehörige in Ihrem Mitgliedstaat zur Ausübung des Berufs [ ] rechtmäßig niedergelassen?',
          },
          parameters: [profession],
          answers: yesNo,
          aboutAttachment: false,
        },
        {
          id: 'pq.establishment.suspension',
          text: {
            en: 'Has the professional been temporarily or permanently prohibited from practising the profession?',
            fr: "Le professionnel a-t-il fait l'objet d'une interdiction, même temporaire, d'exercer la profession ?",
            de: 'Wurde der Berufsangehörigen / dem Berufsangehörigen die Ausübung des Berufs vorübergehend oder endgültig untersagt?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: false,
        },
        {
          id: 'pq.establishment.disciplinary',
          text: {
            en: 'Are any disciplinary or criminal sanctions relating to the professional activities known to your authority?',
            fr: 'Votre autorité a-t-elle connaissance de sanctions disciplinaires ou pénales liées aux activités professionnelles ?',
            de: 'Sind Ihrer Behörde Disziplinar- oder strafrechtliche Sanktionen im Zusammenhang mit der beruflichen Tätigkeit bekannt?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: false,
        },
      ],
    },
    {
      id: 'qualifications',
      title: { en: 'Evidence of formal qualifications', fr: 'Titres de formation', de: 'Ausbildungsnachweise' },
      questions: [
        {
          id: 'pq.qualifications.authentic',
          text: {
            en: 'Is the attached evidence of formal qualifications authentic and was it issued by the body named on it?',
            fr: "Le titre de formation joint est-il authentique et a-t-il été délivré par l'organisme qui y est mentionné ?",
            de: 'Ist der beigefügte Ausbildungsnachweis echt und wurde er von der darauf genannten Stelle ausgestellt?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: true,
        },
        {
          id: 'pq.qualifications.directive-compliance',
          text: {
            en: 'Does the attached evidence of formal qualifications meet the minimum training conditions of Directive 2005/36/EC?',
            fr: 'Le titre de formation joint satisfait-il aux conditions minimales de formation de la directive 2005/36/CE ?',
            de: 'Erfüllt der beigefügte Ausbildungsnachweis die Mindestanforderungen an die Ausbildung nach der Richtlinie 2005/36/EG?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: true,
        },
        {
          id: 'pq.qualifications.professional-experience',
          text: {
            en: 'Can you confirm the professional experience declared by the professional for the period from [ ] to [ ]?',
            fr: "Pouvez-vous confirmer l'expérience professionnelle déclarée par le professionnel pour la période du [ ] au [ ] ?",
            de: 'Können Sie die von der/dem Berufsangehörigen angegebene Berufserfahrung für den Zeitraum vom [ ] bis [ ] bestätigen?',
          },
          parameters: [
            { id: 'from', label: { en: 'From', fr: 'Du', de: 'Vom' }, mandatory: true },
            { id: 'to', label: { en: 'To', fr: 'Au', de: 'Bis' }, mandatory: false },
          ],
          answers: yesNo,
          aboutAttachment: false,
        },
      ],
    },
  ],
}

/**
 * Questions on a service provider (Directive 2006/123/EC, Art. 28): establishment, registration and
 * the lawfulness of its activities.
 *
 * @category data
 */
export const SERVICES_PROVIDER: QuestionSet = {
  id: 'services.provider' as QuestionSetId,
  legislativeArea: 'services' as LegislativeAreaId,
  title: {
    en: 'Questions on a service provider',
    fr: 'Questions relatives à un prestataire de services',
    de: 'Fragen zu einem Dienstleistungserbringer',
  },
  categories: [
    {
      id: 'establishment',
      title: { en: 'Establishment', fr: 'Établissement', de: 'Niederlassung' },
      questions: [
        {
          id: 'services.establishment.lawful',
          text: {
            en: 'Is the service provider established in your Member State and does it pursue its activities lawfully there?',
            fr: 'Le prestataire est-il établi dans votre État membre et y exerce-t-il ses activités de manière légale ?',
            de: 'Ist der Dienstleistungserbringer in Ihrem Mitgliedstaat niedergelassen und übt er dort seine Tätigkeit rechtmäßig aus?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: false,
        },
        {
          id: 'services.establishment.register',
          text: {
            en: 'Is the service provider entered in the register of [ ]?',
            fr: 'Le prestataire est-il inscrit au registre [ ] ?',
            de: 'Ist der Dienstleistungserbringer im Register [ ] eingetragen?',
          },
          parameters: [{ id: 'register', label: { en: 'Register', fr: 'Registre', de: 'Register' }, mandatory: true }],
          answers: yesNo,
          aboutAttachment: false,
        },
      ],
    },
    {
      id: 'authorisation',
      title: { en: 'Authorisation', fr: 'Autorisation', de: 'Genehmigung' },
      questions: [
        {
          id: 'services.authorisation.valid',
          text: {
            en: 'Is the attached authorisation valid and was it issued by a competent authority of your Member State?',
            fr: "L'autorisation jointe est-elle valide et a-t-elle été délivrée par une autorité compétente de votre État membre ?",
            de: 'Ist die beigefügte Genehmigung gültig und wurde sie von einer zuständigen Behörde Ihres Mitgliedstaats erteilt?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: true,
        },
        {
          id: 'services.authorisation.sanctions',
          text: {
            en: 'Has your authority imposed sanctions or measures on the service provider in relation to its activities?',
            fr: "Votre autorité a-t-elle pris des sanctions ou des mesures à l'égard du prestataire en rapport avec ses activités ?",
            de: 'Hat Ihre Behörde gegen den Dienstleistungserbringer im Zusammenhang mit seiner Tätigkeit Sanktionen oder Maßnahmen verhängt?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: false,
        },
      ],
    },
  ],
}

// ---------------------------------------------------------------------------------------------
// individual derogations (Directive 2006/123/EC, Art. 18 and 35; spec §8)

/** The answers by which the Member State of establishment states its measures (DEROG-STEP2-JUSTIFY). */
const measuresAnswers = [
  { id: 'taken', text: { en: 'Measures have been taken', fr: 'Des mesures ont été prises', de: 'Es wurden Maßnahmen ergriffen' } },
  { id: 'intended', text: { en: 'Measures are intended', fr: 'Des mesures sont envisagées', de: 'Maßnahmen sind beabsichtigt' } },
  { id: 'none', text: { en: 'No measures are intended', fr: "Aucune mesure n'est envisagée", de: 'Es sind keine Maßnahmen beabsichtigt' } },
] as const

/**
 * Step 1 of the normal procedure (Art. 35(2)): the Member State where the service is provided asks
 * the Member State of establishment to take measures against the provider. The sender confirms a
 * 10-step checklist of the conditions of Art. 18 and 35, describes the case and justifies the
 * derogation; the reply states the measures taken or intended, and justifies having none
 * (DEROG-STEP1-QSET, DEROG-STEP1-CHECKLIST, DEROG-STEP1-FREE-TEXT, DEROG-STEP2-JUSTIFY).
 *
 * @category data
 */
export const SERVICES_DEROGATION_REQUEST: QuestionSet = {
  id: 'services.derogation-request' as QuestionSetId,
  legislativeArea: 'services' as LegislativeAreaId,
  title: {
    en: 'Request for an individual derogation to the Member State of establishment',
    fr: "Demande de dérogation individuelle à l'État membre d'établissement",
    de: 'Ersuchen um eine Ausnahme im Einzelfall an den Niederlassungsmitgliedstaat',
  },
  categories: [
    {
      id: 'measures',
      title: { en: 'Measures against the service provider', fr: "Mesures à l'encontre du prestataire", de: 'Maßnahmen gegen den Dienstleistungserbringer' },
      questions: [
        {
          id: 'services.derogation.measures',
          text: {
            en: 'Please take measures against the service provider in respect of the service described. Which measures has your authority taken or does it intend to take?',
            fr: "Veuillez prendre des mesures à l'encontre du prestataire pour le service décrit. Quelles mesures votre autorité a-t-elle prises ou envisage-t-elle de prendre ?",
            de: 'Bitte ergreifen Sie Maßnahmen gegen den Dienstleistungserbringer in Bezug auf die beschriebene Dienstleistung. Welche Maßnahmen hat Ihre Behörde ergriffen oder beabsichtigt sie zu ergreifen?',
          },
          parameters: [],
          answers: measuresAnswers,
          aboutAttachment: false,
        },
        {
          id: 'services.derogation.establishment',
          text: {
            en: 'Is the service provider established in your Member State and does it pursue the activity concerned lawfully there?',
            fr: "Le prestataire est-il établi dans votre État membre et y exerce-t-il légalement l'activité concernée ?",
            de: 'Ist der Dienstleistungserbringer in Ihrem Mitgliedstaat niedergelassen und übt er dort die betreffende Tätigkeit rechtmäßig aus?',
          },
          parameters: [],
          answers: yesNo,
          aboutAttachment: false,
        },
      ],
    },
  ],
  derogation: {
    kind: 'request',
    checklist: [
      {
        id: 'cross-border-provision',
        text: {
          en: 'The service provider is established in another Member State and provides the service on our territory without being established here.',
          fr: "Le prestataire est établi dans un autre État membre et fournit le service sur notre territoire sans y être établi.",
          de: 'Der Dienstleistungserbringer ist in einem anderen Mitgliedstaat niedergelassen und erbringt die Dienstleistung in unserem Hoheitsgebiet, ohne hier niedergelassen zu sein.',
        },
      },
      {
        id: 'safety-of-services',
        text: {
          en: 'The measure concerns the safety of services (Art. 18(1)).',
          fr: 'La mesure concerne la sécurité des services (art. 18, paragraphe 1).',
          de: 'Die Maßnahme betrifft die Sicherheit der Dienstleistungen (Art. 18 Abs. 1).',
        },
      },
      {
        id: 'exceptional-circumstances',
        text: {
          en: 'The circumstances of the case are exceptional (Art. 18(1)).',
          fr: 'Les circonstances du cas sont exceptionnelles (art. 18, paragraphe 1).',
          de: 'Es liegen außergewöhnliche Umstände vor (Art. 18 Abs. 1).',
        },
      },
      {
        id: 'not-harmonised',
        text: {
          en: 'The national provisions on which the measure is based have not been harmonised by the Union in the field of the safety of services (Art. 18(2)(a)).',
          fr: "Les dispositions nationales sur lesquelles repose la mesure n'ont pas fait l'objet d'une harmonisation de l'Union dans le domaine de la sécurité des services (art. 18, paragraphe 2, point a)).",
          de: 'Die nationalen Vorschriften, auf denen die Maßnahme beruht, sind im Bereich der Sicherheit der Dienstleistungen nicht unionsrechtlich harmonisiert (Art. 18 Abs. 2 Buchst. a).',
        },
      },
      {
        id: 'higher-protection',
        text: {
          en: 'The measure protects the recipient better than a measure the Member State of establishment would take under its own provisions (Art. 18(2)(b)).',
          fr: "La mesure protège mieux le destinataire qu'une mesure que l'État membre d'établissement prendrait en vertu de ses propres dispositions (art. 18, paragraphe 2, point b)).",
          de: 'Die Maßnahme schützt den Dienstleistungsempfänger besser als eine Maßnahme, die der Niederlassungsmitgliedstaat nach seinen eigenen Vorschriften ergreifen würde (Art. 18 Abs. 2 Buchst. b).',
        },
      },
      {
        id: 'mse-insufficient',
        text: {
          en: 'To our knowledge the Member State of establishment has taken no measures, or measures that are insufficient (Art. 18(2)(c)).',
          fr: "À notre connaissance, l'État membre d'établissement n'a pris aucune mesure, ou des mesures insuffisantes (art. 18, paragraphe 2, point c)).",
          de: 'Nach unserer Kenntnis hat der Niederlassungsmitgliedstaat keine oder nur unzureichende Maßnahmen ergriffen (Art. 18 Abs. 2 Buchst. c).',
        },
      },
      {
        id: 'proportionate',
        text: {
          en: 'The measure envisaged is proportionate (Art. 18(2)(d)).',
          fr: 'La mesure envisagée est proportionnée (art. 18, paragraphe 2, point d)).',
          de: 'Die beabsichtigte Maßnahme ist verhältnismäßig (Art. 18 Abs. 2 Buchst. d).',
        },
      },
      {
        id: 'no-other-union-act',
        text: {
          en: 'No other Union act guaranteeing the freedom to provide services or allowing derogations governs the case (Art. 18(3)).',
          fr: "Aucun autre acte de l'Union garantissant la libre prestation des services ou permettant des dérogations ne régit le cas (art. 18, paragraphe 3).",
          de: 'Kein anderer Rechtsakt der Union, der die Dienstleistungsfreiheit gewährleistet oder Ausnahmen zulässt, regelt den Fall (Art. 18 Abs. 3).',
        },
      },
      {
        id: 'competent-authority-addressed',
        text: {
          en: 'The request is addressed to the competent authority of the Member State of establishment, or to its IMI coordinator if that authority cannot be found (Art. 35(2)).',
          fr: "La demande est adressée à l'autorité compétente de l'État membre d'établissement, ou à son coordonnateur IMI si cette autorité est introuvable (art. 35, paragraphe 2).",
          de: 'Das Ersuchen ist an die zuständige Behörde des Niederlassungsmitgliedstaats gerichtet oder, wenn diese nicht zu finden ist, an dessen IMI-Koordinator (Art. 35 Abs. 2).',
        },
      },
      {
        id: 'all-information-provided',
        text: {
          en: 'All relevant information on the service and the circumstances of the case is provided (Art. 35(2)).',
          fr: 'Toutes les informations pertinentes sur le service et les circonstances du cas sont fournies (art. 35, paragraphe 2).',
          de: 'Alle sachdienlichen Angaben zu der Dienstleistung und den Umständen des Falles sind beigefügt (Art. 35 Abs. 2).',
        },
      },
    ],
    freeTexts: [
      {
        id: 'case-description',
        label: { en: 'Description of the case', fr: 'Description du cas', de: 'Beschreibung des Falles' },
        help: {
          en: 'The service, the activity of the provider and the facts that put the safety of the service at risk.',
          fr: "Le service, l'activité du prestataire et les faits qui mettent en cause la sécurité du service.",
          de: 'Die Dienstleistung, die Tätigkeit des Dienstleistungserbringers und die Tatsachen, die die Sicherheit der Dienstleistung gefährden.',
        },
      },
      {
        id: 'derogation-justification',
        label: {
          en: 'Why an individual derogation is sought',
          fr: 'Motifs de la demande de dérogation individuelle',
          de: 'Gründe für das Ersuchen um eine Ausnahme im Einzelfall',
        },
        help: {
          en: 'Derogations must remain exceptional: explain why the conditions of Art. 18 are met.',
          fr: "Les dérogations doivent rester exceptionnelles : expliquez pourquoi les conditions de l'article 18 sont remplies.",
          de: 'Ausnahmen müssen die Ausnahme bleiben: Erläutern Sie, warum die Voraussetzungen des Art. 18 erfüllt sind.',
        },
      },
    ],
    measuresQuestion: { questionId: 'services.derogation.measures', justificationRequiredFor: ['none'] },
  },
}

/**
 * Step 3 of the normal procedure (Art. 35(3)) and the urgency procedure (Art. 35(6)): the Member State
 * where the service is provided notifies the measures it intends to take, or has taken, to the Member
 * State of establishment and to the Commission. The sender confirms a checklist (its length is
 * configurable) and explains why the measures of the Member State of establishment are inadequate and
 * why the intended measures are justified and proportionate (DEROG-STEP3-QSET, DEROG-STEP3-CONTENT).
 *
 * @category data
 */
export const SERVICES_MEASURES_NOTIFICATION: QuestionSet = {
  id: 'services.measures-notification' as QuestionSetId,
  legislativeArea: 'services' as LegislativeAreaId,
  title: {
    en: 'Notification of individual measures',
    fr: 'Notification de mesures individuelles',
    de: 'Mitteilung von Maßnahmen im Einzelfall',
  },
  categories: [
    {
      id: 'observations',
      title: { en: 'Observations', fr: 'Observations', de: 'Stellungnahme' },
      questions: [
        {
          id: 'services.measures.observations',
          text: {
            en: 'Does your authority have observations on the measures notified?',
            fr: 'Votre autorité a-t-elle des observations sur les mesures notifiées ?',
            de: 'Hat Ihre Behörde Anmerkungen zu den mitgeteilten Maßnahmen?',
          },
          parameters: [],
          answers: [
            { id: 'observations', text: { en: 'Yes, see the comment', fr: 'Oui, voir le commentaire', de: 'Ja, siehe Kommentar' } },
            { id: 'no-observations', text: { en: 'No observations', fr: "Pas d'observations", de: 'Keine Anmerkungen' } },
          ],
          aboutAttachment: false,
        },
      ],
    },
  ],
  derogation: {
    kind: 'measures-notification',
    checklist: [
      {
        id: 'prior-request-or-urgency',
        text: {
          en: 'The Member State of establishment was first asked to take measures (normal procedure), or there is an imminent risk to the safety of services (urgency procedure, Art. 35(6)).',
          fr: "L'État membre d'établissement a d'abord été invité à prendre des mesures (procédure normale), ou il existe un risque imminent pour la sécurité des services (procédure d'urgence, art. 35, paragraphe 6).",
          de: 'Der Niederlassungsmitgliedstaat wurde zuvor um Maßnahmen ersucht (normales Verfahren), oder es besteht eine unmittelbare Gefahr für die Sicherheit der Dienstleistungen (Dringlichkeitsverfahren, Art. 35 Abs. 6).',
        },
      },
      {
        id: 'article-18-conditions',
        text: {
          en: 'The measures meet the conditions of Art. 18: safety of services, exceptional circumstances, no harmonisation, higher protection.',
          fr: "Les mesures remplissent les conditions de l'article 18 : sécurité des services, circonstances exceptionnelles, absence d'harmonisation, protection plus élevée.",
          de: 'Die Maßnahmen erfüllen die Voraussetzungen des Art. 18: Sicherheit der Dienstleistungen, außergewöhnliche Umstände, keine Harmonisierung, höheres Schutzniveau.',
        },
      },
      {
        id: 'proportionate',
        text: {
          en: 'The measures are proportionate to the risk.',
          fr: 'Les mesures sont proportionnées au risque.',
          de: 'Die Maßnahmen sind der Gefahr angemessen.',
        },
      },
      {
        id: 'single-provider',
        text: {
          en: 'The measures concern only the service provider identified in the case information.',
          fr: "Les mesures ne visent que le prestataire identifié dans les informations sur le cas.",
          de: 'Die Maßnahmen betreffen nur den in den Falldaten bezeichneten Dienstleistungserbringer.',
        },
      },
      {
        id: 'commission-informed',
        text: {
          en: 'We are aware that the notification also goes to the Commission, which examines the measures.',
          fr: 'Nous savons que la notification est également adressée à la Commission, qui examine les mesures.',
          de: 'Uns ist bekannt, dass die Mitteilung auch an die Kommission geht, die die Maßnahmen prüft.',
        },
      },
    ],
    freeTexts: [
      {
        id: 'mse-measures-inadequate',
        label: {
          en: 'Why the measures of the Member State of establishment are inadequate or insufficient',
          fr: "Motifs pour lesquels les mesures de l'État membre d'établissement sont inadéquates ou insuffisantes",
          de: 'Gründe, aus denen die Maßnahmen des Niederlassungsmitgliedstaats unzureichend oder ungeeignet sind',
        },
      },
      {
        id: 'measures-justified',
        label: {
          en: 'Why the intended measures are justified and proportionate',
          fr: 'Motifs pour lesquels les mesures envisagées sont justifiées et proportionnées',
          de: 'Gründe, aus denen die beabsichtigten Maßnahmen gerechtfertigt und verhältnismäßig sind',
        },
      },
    ],
  },
}

/** The question sets shipped with imi-kit. @category data */
export const QUESTION_SETS: ReadonlyArray<QuestionSet> = [
  PROFESSIONAL_QUALIFICATIONS_GENERAL,
  SERVICES_PROVIDER,
  SERVICES_DEROGATION_REQUEST,
  SERVICES_MEASURES_NOTIFICATION,
]
