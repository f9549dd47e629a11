/**
 * Registers every `imi-` element. Import it once (or load the browser bundle) before using the tags;
 * importing the element classes alone registers nothing.
 *
 * @module
 */
import './provider/define.js'
import './status/define.js'
