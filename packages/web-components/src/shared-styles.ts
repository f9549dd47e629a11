/**
 * The rules every form-bearing `imi-` element shares — host, buttons, fields, focus ring, links,
 * tables, dialogs, error and hint text, visually-hidden text, tab lists — written once, so that the
 * elements look alike and the bundle carries them once.
 *
 * Each rule but the host's is wrapped in `:where()`, which gives it no specificity: an element's own
 * styles, listed after these (`static styles = [sharedStyles, ownStyles]`), override any of them
 * whatever their selectors. The theme is the common set of custom properties (`--imi-font`,
 * `--imi-color`, `--imi-accent`, `--imi-accent-contrast`, `--imi-link`, `--imi-focus`, `--imi-border`,
 * `--imi-border-light`, `--imi-radius`, `--imi-muted-color`, `--imi-error-color`,
 * `--imi-button-background`); the elements document those they use.
 *
 * @module
 */
import { css } from 'lit'

/** The shared rules; list them first in an element's `styles`. @internal */
export const sharedStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
    color: var(--imi-color, inherit);
  }
  [hidden] {
    display: none !important;
  }
  :where(button) {
    font: inherit;
    padding: 0.35em 0.9em;
    border: 1px solid var(--imi-accent, #123b6d);
    border-radius: var(--imi-radius, 0.25em);
    background: var(--imi-button-background, #fff);
    color: var(--imi-accent, #123b6d);
    cursor: pointer;
  }
  :where(button.primary) {
    background: var(--imi-accent, #123b6d);
    color: var(--imi-accent-contrast, #fff);
  }
  :where(button:disabled, button[aria-disabled='true']) {
    opacity: 0.6;
    cursor: default;
  }
  :where(:focus-visible) {
    outline: 3px solid var(--imi-focus, #f0a000);
    outline-offset: 1px;
  }
  :where(input, select, textarea) {
    font: inherit;
  }
  :where(input:not([type='checkbox'], [type='radio'], [type='file']), select, textarea) {
    padding: 0.3em 0.4em;
    border: 1px solid var(--imi-border, #6b7a90);
    border-radius: var(--imi-radius, 0.25em);
    background: #fff;
    color: inherit;
  }
  :where(label, legend, dt, caption) {
    font-weight: 600;
  }
  :where(fieldset) {
    border: 1px solid var(--imi-border-light, #c5cedb);
    border-radius: var(--imi-radius, 0.25em);
  }
  :where(dd) {
    margin: 0;
  }
  :where(h2) {
    margin: 0 0 0.6rem;
    font-size: 1.25em;
  }
  :where(a, .link) {
    color: var(--imi-link, var(--imi-accent, #123b6d));
  }
  :where(.link) {
    border: none;
    background: none;
    padding: 0;
    text-decoration: underline;
  }
  :where(table) {
    border-collapse: collapse;
    width: 100%;
  }
  :where(caption) {
    text-align: start;
    padding: 0.3em 0;
  }
  :where(th, td) {
    text-align: start;
    vertical-align: top;
    padding: 0.35em 0.6em;
    border-bottom: 1px solid var(--imi-border-light, #c5cedb);
  }
  :where([role='tablist']) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-bottom: 2px solid var(--imi-accent, #123b6d);
  }
  :where([role='tab']) {
    background: var(--imi-tab-background, #eef2f7);
    border-bottom: none;
    border-radius: var(--imi-radius, 0.25em) var(--imi-radius, 0.25em) 0 0;
  }
  :where([role='tab'][aria-selected='true']) {
    background: var(--imi-accent, #123b6d);
    color: var(--imi-accent-contrast, #fff);
  }
  :where(dialog) {
    border: 1px solid var(--imi-border, #6b7a90);
    border-radius: var(--imi-radius, 0.25em);
    max-width: min(44em, 95vw);
    width: 100%;
  }
  :where(dialog)::backdrop {
    background: rgb(0 0 0 / 40%);
  }
  :where(.criteria) {
    border: 1px solid var(--imi-border, #6b7a90);
    border-radius: var(--imi-radius, 0.25em);
    padding: 0.75rem;
    margin-bottom: 0.75rem;
  }
  :where(.field) {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  :where(.buttons) {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  :where(.hint, .meta, .language) {
    color: var(--imi-muted-color, #4a5562);
  }
  :where(.redacted, .fallback) {
    font-style: italic;
  }
  :where(.error) {
    color: var(--imi-error-color, #a4000f);
  }
  :where(.notice:empty) {
    display: none;
  }
  :where(.spoken ul) {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  :where(.sr, .visually-hidden) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`
