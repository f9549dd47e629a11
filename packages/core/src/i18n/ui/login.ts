/**
 * Labels of the login part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the login part of the interface. @category i18n */
export const LOGIN_LABELS: LabelSection = {}
