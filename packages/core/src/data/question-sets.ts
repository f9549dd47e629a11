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

/** The question sets shipped with imi-kit. @category data */
export const QUESTION_SETS: ReadonlyArray<QuestionSet> = [PROFESSIONAL_QUALIFICATIONS_GENERAL, SERVICES_PROVIDER]
