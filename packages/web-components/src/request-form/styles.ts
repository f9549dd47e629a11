import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-request-form>`; themed through custom properties. @internal */
export const requestFormStyles = [
  sharedStyles,
  css`
    :host {
      --_missing: var(--imi-request-form-missing, #a4262c);
      --_missing-background: var(--imi-request-form-missing-background, #fdecec);
    }
    h3 {
      font-size: 1.15em;
      margin: 0.5em 0;
    }
    h3:focus {
      outline: 2px solid var(--imi-accent, #123b6d);
      outline-offset: 2px;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em 1.5em;
      margin: 0 0 1em;
      padding: 0;
      list-style: none;
      font-size: 0.9em;
    }
    .marker {
      font-weight: bold;
      margin-inline-start: 0.2em;
    }
    .marker.save {
      color: var(--imi-request-form-save-marker, #123b6d);
    }
    .marker.send {
      color: var(--imi-request-form-send-marker, #a4262c);
    }
    [role='tab'] {
      padding: 0.45em 0.8em;
    }
    [role='tab'].missing {
      background: var(--_missing-background);
      color: var(--_missing);
      border-color: var(--_missing);
      border-width: 2px;
    }
    [role='tab'].missing[aria-selected='true'] {
      background: var(--_missing);
      color: #fff;
    }
    .badge {
      display: inline-block;
      margin-inline-start: 0.35em;
      font-weight: bold;
    }
    [role='tabpanel'] {
      padding: 1em 0;
    }
    fieldset {
      margin: 0 0 1em;
      padding: 0.5em 1em 1em;
    }
    fieldset.plain {
      border: none;
      padding: 0;
      margin: 0;
    }
    .field {
      margin: 0 0 0.9em;
      max-width: 40em;
    }
    .option label,
    .question label {
      font-weight: normal;
    }
    textarea {
      min-height: 4em;
      resize: vertical;
    }
    [aria-invalid='true'] {
      border: 2px solid var(--_missing);
    }
    .option,
    .question {
      display: flex;
      gap: 0.5em;
      align-items: flex-start;
      margin: 0.4em 0;
    }
    .question-details {
      margin: 0.25em 0 0.75em 1.8em;
      padding-inline-start: 0.75em;
      border-inline-start: 3px solid var(--imi-border-light, #c5cedb);
    }
    .hint,
    .advice,
    .pd {
      font-size: 0.9em;
    }
    .hint,
    .advice,
    .field-error {
      margin: 0.15em 0;
    }
    .advice {
      color: #6b4200;
      background: #fff4e0;
      padding: 0.2em 0.4em;
    }
    .field-error {
      color: var(--_missing);
      font-weight: bold;
    }
    .pd {
      font-weight: normal;
      color: var(--imi-muted-color, #4a5562);
    }
    .problems {
      border: 2px solid var(--_missing);
      background: var(--_missing-background);
      padding: 0.5em 1em;
      margin: 1em 0;
    }
    .problems:focus {
      outline: 3px solid var(--imi-focus, #f0a000);
    }
    .problems ul {
      margin: 0.25em 0;
    }
    .link {
      color: var(--_missing);
    }
    dl {
      display: grid;
      grid-template-columns: minmax(10em, max-content) 1fr;
      gap: 0.3em 1em;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
      justify-content: space-between;
      border-top: 1px solid var(--imi-border-light, #c5cedb);
      padding-top: 0.75em;
    }
    .bar > div {
      display: flex;
      gap: 0.5em;
    }
    .message {
      min-height: 1.5em;
      margin: 0.5em 0;
    }
  `,
]
