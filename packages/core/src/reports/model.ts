/**
 * Reports on requests (spec §6.16, §11.4): their kinds, the parts a customisable report is made of,
 * what a caller asks for, and the language-aware document a report is.
 *
 * @module
 */
import * as t from 'io-ts'
import type { ExchangeId, UserId } from '../model/ids.js'

// ---------------------------------------------------------------------------------------------
// kinds and parts

/**
 * The five kinds of request report (SRCH-REPORT-KINDS):
 * - `FULL_WITH_PERSONAL_DATA`: everything recorded for the request, personal data included;
 * - `FULL_WITHOUT_PERSONAL_DATA`: the same without any personal data;
 * - `CUSTOM`: only the parts the user selects;
 * - `FOR_DATA_SUBJECT`: what was exchanged about the data subject, produced at their request (RET-SUBJECT-REPORT);
 * - `CONSENT_FORM`: the subject report, a disclaimer and a consent form to sign (RET-CONSENT-FORM).
 *
 * @category reports
 */
export const REPORT_KINDS = ['FULL_WITH_PERSONAL_DATA', 'FULL_WITHOUT_PERSONAL_DATA', 'CUSTOM', 'FOR_DATA_SUBJECT', 'CONSENT_FORM'] as const

/** A kind of request report. @category reports */
export type ReportKind = (typeof REPORT_KINDS)[number]

/** The kinds that always hold the data subject's personal data. @category reports */
export const PERSONAL_DATA_KINDS: ReadonlyArray<ReportKind> = ['FULL_WITH_PERSONAL_DATA', 'FOR_DATA_SUBJECT', 'CONSENT_FORM']

/**
 * The parts of a request a customisable report can hold (SRCH-REPORT-CUSTOM-PARTS):
 * - `requesting-authority`, `responding-authority`: the authorities, their state, contact and languages;
 * - `subject`: the case information that is not personal data;
 * - `subject-personal-data`: the case information that is (SRCH-REPORT-CUSTOM-PD);
 * - `questions-and-answers`: the questions asked, their parameters and comments, and the answers;
 * - `messages`: the free texts — justification, messages, additional information, returns, derogation texts;
 * - `attachments`: the attached documents and the comments of the questions about them; attachments
 *   count as personal data (REQ-PD-FIELDS-FLAGGED);
 * - `history`: every transition, when and by whom.
 *
 * A report always opens with its general information (number, area, status, dates), which holds no
 * personal data.
 *
 * @category reports
 */
export const REPORT_PARTS = [
  'requesting-authority',
  'responding-authority',
  'subject',
  'subject-personal-data',
  'questions-and-answers',
  'messages',
  'attachments',
  'history',
] as const

/** A part of a report. @category reports */
export type ReportPart = (typeof REPORT_PARTS)[number]

/** The parts that hold personal data: selectable only by a user who may produce personal-data reports. @category reports */
export const PERSONAL_DATA_PARTS: ReadonlyArray<ReportPart> = ['subject-personal-data', 'attachments']

/** The parts of each kind other than `CUSTOM`, in order. @category reports */
export const PARTS_OF_KIND: Readonly<Record<Exclude<ReportKind, 'CUSTOM'>, ReadonlyArray<ReportPart>>> = {
  FULL_WITH_PERSONAL_DATA: REPORT_PARTS,
  FULL_WITHOUT_PERSONAL_DATA: /* @__PURE__ */ REPORT_PARTS.filter((p) => !PERSONAL_DATA_PARTS.includes(p)),
  // The subject sees what was exchanged about them, not the authorities' internal workflow (history, officials).
  FOR_DATA_SUBJECT: ['requesting-authority', 'responding-authority', 'subject', 'subject-personal-data', 'questions-and-answers', 'messages', 'attachments'],
  CONSENT_FORM: ['requesting-authority', 'responding-authority', 'subject', 'subject-personal-data', 'questions-and-answers', 'messages', 'attachments'],
}

// ---------------------------------------------------------------------------------------------
// what a caller asks for

const kindCodec = /* @__PURE__ */ t.keyof(/* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ REPORT_KINDS.map((k) => [k, null])) as Record<ReportKind, null>, 'ReportKind')
const partCodec = /* @__PURE__ */ t.keyof(/* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ REPORT_PARTS.map((p) => [p, null])) as Record<ReportPart, null>, 'ReportPart')

/**
 * Codec of {@link ReportInput}: the kind, the parts of a customisable report (required for `CUSTOM`,
 * refused for the others), and the language of the report.
 *
 * @category reports
 */
export const ReportInputCodec = /* @__PURE__ */ t.readonly(
  /* @__PURE__ */ t.intersection([
    /* @__PURE__ */ t.type({ kind: kindCodec }),
    /* @__PURE__ */ t.partial({ parts: /* @__PURE__ */ t.readonlyArray(partCodec), language: t.string }),
  ]),
  'ReportInput',
)

/**
 * What a user asks for: a report of `kind`, with `parts` for a customisable one, in `language`
 * (default: the user's own language where reports are translated, else English).
 *
 * @category reports
 */
export type ReportInput = t.TypeOf<typeof ReportInputCodec>

// ---------------------------------------------------------------------------------------------
// the document

/**
 * One line of a report section: a label and its value. `language` is set on free text, which is shown
 * in the language it was written in (I18N-FREE-TEXT-TAGGED); `personalData` marks a value that is
 * personal data of the subject.
 *
 * @category reports
 */
export interface ReportRow {
  readonly label: string
  readonly value: string
  readonly language?: string
  readonly personalData?: boolean
}

/** The identifier of a section: a part, the general information, or the consent form's own sections. @category reports */
export type ReportSectionId = 'general' | ReportPart | 'introduction' | 'disclaimer' | 'consent'

/**
 * A section of a report: a heading, paragraphs of text, rows, and, for the consent form, the lines
 * the subject fills in and signs.
 *
 * @category reports
 */
export interface ReportSection {
  readonly id: ReportSectionId
  readonly heading: string
  readonly paragraphs: ReadonlyArray<string>
  readonly rows: ReadonlyArray<ReportRow>
  /** Empty lines to fill in by hand (name, place and date, signature). */
  readonly signatureLines?: ReadonlyArray<string>
}

/**
 * A generated report: a structured document in one language, rendered to HTML by
 * `renderReportHtml`. It holds exactly what the user who generated it could see, or less.
 *
 * @category reports
 */
export interface ReportDocument {
  readonly kind: ReportKind
  /** The language of the labels; free texts keep their own. */
  readonly language: string
  readonly title: string
  readonly exchangeId: ExchangeId
  readonly number: string
  /** The parts the report holds, in order. */
  readonly parts: ReadonlyArray<ReportPart>
  readonly containsPersonalData: boolean
  /** ISO-8601 instant. */
  readonly generatedAt: string
  /** ISO-8601 instant: 30 days after generation (SRCH-REPORT-30-DAYS). */
  readonly expiresAt: string
  /** Who generated it: the user and their authority, as the report prints them. */
  readonly generatedBy: { readonly userId: UserId; readonly authority: string }
  readonly sections: ReadonlyArray<ReportSection>
}
