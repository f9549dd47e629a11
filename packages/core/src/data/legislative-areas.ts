/**
 * Legislative areas shipped with imi-kit and their request schemas.
 *
 * @module
 */
import type { LegislativeArea } from '../model/legislative-areas.js'
import type { LegislativeAreaId, QuestionSetId } from '../model/ids.js'

const name = { id: 'name', label: { en: 'Name', fr: 'Nom', de: 'Name' }, kind: 'text', personalData: true } as const
const dateOfBirth = {
  id: 'date-of-birth',
  label: { en: 'Date of birth', fr: 'Date de naissance', de: 'Geburtsdatum' },
  kind: 'date',
  personalData: true,
} as const

/**
 * Professional Qualifications (Directive 2005/36/EC). The subject is the professional: name and date
 * of birth are personal data; the profession and the case reference are not.
 *
 * @category data
 */
export const PROFESSIONAL_QUALIFICATIONS: LegislativeArea = {
  id: 'professional-qualifications' as LegislativeAreaId,
  name: { en: 'Professional Qualifications', fr: 'Qualifications professionnelles', de: 'Berufsqualifikationen' },
  legalBasis: 'Directive 2005/36/EC',
  request: {
    caseFields: [
      { ...name, requiredToSend: true },
      { ...dateOfBirth, requiredToSend: false },
      { id: 'profession', label: { en: 'Profession', fr: 'Profession', de: 'Beruf' }, kind: 'text', personalData: false, requiredToSend: true },
      { id: 'reference', label: { en: 'Case reference', fr: 'Référence du dossier', de: 'Aktenzeichen' }, kind: 'text', personalData: false, requiredToSend: false },
    ],
    requiresJustification: false,
    requiresDeadline: true,
    questionSets: ['pq.general' as QuestionSetId],
  },
}

/**
 * Services (Directive 2006/123/EC). The subject is the service provider: its name, address and
 * registration number identify it and are personal data; the activity is not. Individual derogations
 * (Art. 18 and 35) run in its request workflow, with their own two question sets (spec §8).
 *
 * @category data
 */
export const SERVICES: LegislativeArea = {
  id: 'services' as LegislativeAreaId,
  name: { en: 'Services', fr: 'Services', de: 'Dienstleistungen' },
  legalBasis: 'Directive 2006/123/EC',
  request: {
    caseFields: [
      { ...name, requiredToSend: true },
      { id: 'address', label: { en: 'Address', fr: 'Adresse', de: 'Anschrift' }, kind: 'text', personalData: true, requiredToSend: false },
      { id: 'registration-number', label: { en: 'Registration number', fr: "Numéro d'immatriculation", de: 'Registernummer' }, kind: 'text', personalData: true, requiredToSend: false },
      { id: 'activity', label: { en: 'Activity', fr: 'Activité', de: 'Tätigkeit' }, kind: 'text', personalData: false, requiredToSend: true },
    ],
    requiresJustification: true,
    requiresDeadline: false,
    // Every authority with Services request access may use the derogation sets (DEROG-QSETS-AVAILABLE).
    questionSets: ['services.provider' as QuestionSetId, 'services.derogation-request' as QuestionSetId, 'services.measures-notification' as QuestionSetId],
  },
}

/** The legislative areas shipped with imi-kit. @category data */
export const LEGISLATIVE_AREAS: ReadonlyArray<LegislativeArea> = [PROFESSIONAL_QUALIFICATIONS, SERVICES]
