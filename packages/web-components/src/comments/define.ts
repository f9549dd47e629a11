import { ImiComments } from './comments.js'

if (customElements.get('imi-comments') === undefined) customElements.define('imi-comments', ImiComments)
