/**
 * Labels of the exchange part of the interface.
 *
 * @module
 */
import type { LabelSection } from './catalogue.js'

/** Labels of the exchange part of the interface. @category i18n */
export const EXCHANGE_LABELS: LabelSection = {}
