import { ImiAttachments } from './attachments.js'

if (customElements.get('imi-attachments') === undefined) customElements.define('imi-attachments', ImiAttachments)
