/**
 * Legislative areas and the request schema of each: its case-information fields (which of them are
 * personal data, which are needed to send), whether a justification and a deadline are required, and
 * the question sets that apply.
 *
 * @module
 */
import type { LegislativeAreaId, QuestionSetId } from './ids.js'
import type { LocalizedText } from '../i18n/languages.js'

/**
 * One case-information field of a request in an area. Personal-data fields are flagged per area
 * (REQ-PD-FIELDS-FLAGGED) and are hidden by the need-to-know rules.
 *
 * @category model
 */
export interface CaseField {
  readonly id: string
  readonly label: LocalizedText
  readonly kind: 'text' | 'date'
  readonly personalData: boolean
  /** Needed to send the request; a draft can be saved without it (REQ-SEND-CASE-FIELDS). */
  readonly requiredToSend: boolean
}

/**
 * A legislative area and its request schema.
 *
 * @category model
 */
export interface LegislativeArea {
  readonly id: LegislativeAreaId
  readonly name: LocalizedText
  /** The legal act behind the area. */
  readonly legalBasis: string
  readonly request: {
    readonly caseFields: ReadonlyArray<CaseField>
    readonly requiresJustification: boolean
    readonly requiresDeadline: boolean
    readonly questionSets: ReadonlyArray<QuestionSetId>
  }
}

/**
 * A parameter placeholder ("[ ]") of a predefined question, filled in by the sender
 * (I18N-QUESTION-PLACEHOLDERS).
 *
 * @category model
 */
export interface QuestionParameter {
  readonly id: string
  readonly label: LocalizedText
  readonly mandatory: boolean
}

/** A predefined answer. @category model */
export interface PredefinedAnswer {
  readonly id: string
  readonly text: LocalizedText
}

/** A predefined, pre-translated question. @category model */
export interface PredefinedQuestion {
  readonly id: string
  readonly text: LocalizedText
  readonly parameters: ReadonlyArray<QuestionParameter>
  readonly answers: ReadonlyArray<PredefinedAnswer>
  /** The question is asked about an attached document. */
  readonly aboutAttachment: boolean
}

/** A category of questions. @category model */
export interface QuestionCategory {
  readonly id: string
  readonly title: LocalizedText
  readonly questions: ReadonlyArray<PredefinedQuestion>
}

/**
 * The two question sets of an individual derogation (Services Directive, Art. 18 and 35; spec §8):
 * `request` is step 1, «Demande de dérogation individuelle à l'État membre d'établissement»;
 * `measures-notification` is step 3 and the urgency procedure, «Notification de mesures individuelles».
 *
 * @category model
 */
export type DerogationKind = 'request' | 'measures-notification'

/** Number of checklist steps of a step-1 derogation request (DEROG-CHECKLIST-CONFIG). @category constants */
export const DEROGATION_CHECKLIST_STEPS = 10

/** One checklist step the sender confirms before sending a derogation request or notification. @category model */
export interface DerogationChecklistItem {
  readonly id: string
  readonly text: LocalizedText
}

/** A free-text field of a derogation question set; every one must be filled before sending. @category model */
export interface DerogationFreeTextField {
  readonly id: string
  readonly label: LocalizedText
  /** What the field should explain, shown below it. */
  readonly help?: LocalizedText
}

/**
 * The derogation part of a question set: its checklist and its free-text fields, as data
 * (DEROG-CHECKLIST-CONFIG, AMB-D1). Exactly {@link DEROGATION_CHECKLIST_STEPS} checklist items for a
 * step-1 request; any number for the notification of measures.
 *
 * @category model
 */
export interface QuestionSetDerogation {
  readonly kind: DerogationKind
  /** Every item must be confirmed before sending (DEROG-STEP1-CHECKLIST, DEROG-STEP3-CONTENT). */
  readonly checklist: ReadonlyArray<DerogationChecklistItem>
  /** Every field must be filled before sending (DEROG-STEP1-FREE-TEXT, DEROG-STEP3-CONTENT). */
  readonly freeTexts: ReadonlyArray<DerogationFreeTextField>
  /**
   * Step 1 only: the question by which the Member State of establishment states, in its reply, the
   * measures taken or intended; the step-1 request must ask it, and the predefined answers listed in
   * `justificationRequiredFor` (no measures) need a free-text justification (DEROG-STEP2-JUSTIFY).
   */
  readonly measuresQuestion?: {
    readonly questionId: string
    readonly justificationRequiredFor: ReadonlyArray<string>
  }
}

/**
 * A pre-defined, pre-translated list of questions for one area, grouped in categories. A request uses
 * exactly one (REQ-SEND-ONE-QUESTION-SET).
 *
 * @category model
 */
export interface QuestionSet {
  readonly id: QuestionSetId
  readonly legislativeArea: LegislativeAreaId
  readonly title: LocalizedText
  readonly categories: ReadonlyArray<QuestionCategory>
  /** Present on the question sets of an individual derogation (spec §8). */
  readonly derogation?: QuestionSetDerogation
}

/** Finds a question of a set by id. @category queries */
export const findQuestion = (set: QuestionSet, questionId: string): PredefinedQuestion | undefined => {
  for (const c of set.categories) {
    const q = c.questions.find((x) => x.id === questionId)
    if (q !== undefined) return q
  }
  return undefined
}

/** Every question of a set, in order. @category queries */
export const allQuestions = (set: QuestionSet): ReadonlyArray<PredefinedQuestion> =>
  set.categories.flatMap((c) => c.questions)
