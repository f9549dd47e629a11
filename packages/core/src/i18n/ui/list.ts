/**
 * Labels of the list part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the list part of the interface. @category i18n */
export const LIST_LABELS: LabelSection = {}
