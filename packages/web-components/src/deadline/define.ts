import { ImiDeadline } from './deadline.js'

if (customElements.get('imi-deadline') === undefined) customElements.define('imi-deadline', ImiDeadline)
