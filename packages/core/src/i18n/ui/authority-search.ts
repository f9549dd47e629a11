/**
 * Labels of the authority-search part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the authority-search part of the interface. @category i18n */
export const AUTHORITY_SEARCH_LABELS: LabelSection = {}
