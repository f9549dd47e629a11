/**
 * Reports on requests (spec §6.16, §11.4; SRCH-REPORT-*, RET-SUBJECT-REPORT, RET-CONSENT-FORM): who may
 * produce which kind, the language-aware document built from the user's own view, its printable HTML,
 * its 30 days in the activity panel, and the service that keeps reports for their owners.
 *
 * @module
 */
export type { ReportKind, ReportPart, ReportInput, ReportRow, ReportSectionId, ReportSection, ReportDocument } from './model.js'
export { REPORT_KINDS, PERSONAL_DATA_KINDS, REPORT_PARTS, PERSONAL_DATA_PARTS, PARTS_OF_KIND, ReportInputCodec } from './model.js'
export type { ReportLanguage, ReportLabels } from './labels.js'
export { REPORT_LANGUAGES, REPORT_LABELS, isReportLanguage } from './labels.js'
export type { PersonalDataWithheld, ReportPermissions, CheckedReportInput } from './permissions.js'
export { personalDataAvailableAt, reportPermissions, allowedReportKinds, checkReportInput } from './permissions.js'
export type { BuildReportInput } from './build.js'
export { buildReport, reportView } from './build.js'
export { escapeHtml, renderReportHtml } from './render.js'
export { REPORT_AVAILABILITY_DAYS, reportExpiresAt, isReportAvailable } from './expiry.js'
export type { ReportServiceOptions, ReportService } from './service.js'
export { createReportService } from './service.js'
