/**
 * `<imi-status>`: the status of an exchange as the viewer sees it (its `displayedStatus`), in the
 * display language.
 *
 * @module
 */
import { html } from 'lit'
import { ImiElement } from '../base.js'
import { procedureKind } from '../format.js'
import { statusStyles } from './styles.js'

const DONE = ['closed', 'withdrawn', 'refused']
const ATTENTION = ['awaiting-acceptance', 'awaiting-acknowledgement', 'additional-info-requested', 'closure-open-for-comments', 'closure-open-for-objections', 'submitted-for-broadcast', 'awaiting-broadcast']

/**
 * Shows a status label.
 *
 * @tag imi-status
 * @attr status - The status as the viewer sees it, e.g. `awaiting-acceptance` or `awaiting-acknowledgement`.
 * @attr procedure - `request` or `alert` (or a procedure id such as `services.alert`): statuses read differently per procedure.
 * @attr lang - The display language.
 * @csspart status - The label.
 * @cssprop --imi-status-background - Background of the label.
 * @cssprop --imi-status-color - Text colour of the label.
 * @cssprop --imi-status-border - Border colour of the label.
 * @category elements
 */
export class ImiStatus extends ImiElement {
  static override styles = statusStyles
  static override properties = { status: { type: String }, procedure: { type: String } }
  declare status: string
  declare procedure: string

  constructor() {
    super()
    this.status = ''
    this.procedure = 'request'
  }

  override render() {
    const tone = DONE.includes(this.status) ? 'done' : ATTENTION.includes(this.status) ? 'attention' : 'neutral'
    return html`<span class="status" part="status" data-tone=${tone} role="status">${this.t(`status.${procedureKind(this.procedure)}.${this.status}`)}</span>`
  }
}
