/**
 * Labels of the actions part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the actions part of the interface. @category i18n */
export const ACTIONS_LABELS: LabelSection = {}
