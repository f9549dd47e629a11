/**
 * Labels of the request-form part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the request-form part of the interface. @category i18n */
export const REQUEST_FORM_LABELS: LabelSection = {}
