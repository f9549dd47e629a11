/**
 * Labels of the comments part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the comments part of the interface. @category i18n */
export const COMMENTS_LABELS: LabelSection = {}
