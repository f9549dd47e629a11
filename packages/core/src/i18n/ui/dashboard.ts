/**
 * Labels of the dashboard part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the dashboard part of the interface. @category i18n */
export const DASHBOARD_LABELS: LabelSection = {}
