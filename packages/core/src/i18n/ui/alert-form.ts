/**
 * Labels of the alert-form part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the alert-form part of the interface. @category i18n */
export const ALERT_FORM_LABELS: LabelSection = {}
