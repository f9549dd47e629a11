/**
 * Registers every `imi-` element. Import it once (or load the browser bundle) before using the tags;
 * importing the element classes alone registers nothing.
 *
 * @module
 */
import './provider/define.js'
import './status/define.js'
import './alert-form/define.js'
import './alert-panels/define.js'
import './request-form/define.js'
import './login/define.js'
import './exchange/define.js'
import './history/define.js'
import './comments/define.js'
import './attachments/define.js'
import './deadline/define.js'
import './dashboard/define.js'
import './exchange-list/define.js'
import './authority-search/define.js'
