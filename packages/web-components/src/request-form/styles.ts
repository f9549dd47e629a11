import { css } from 'lit'

/** The styles of `<imi-request-form>`; themed through custom properties. @internal */
export const requestFormStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
    color: var(--imi-color, #1b1b1b);
    --_accent: var(--imi-accent, #123b6d);
    --_missing: var(--imi-request-form-missing, #a4262c);
    --_missing-background: var(--imi-request-form-missing-background, #fdecec);
  }
  h2 {
    font-size: 1.35em;
    margin: 0 0 0.5em;
  }
  h3 {
    font-size: 1.15em;
    margin: 0.5em 0;
  }
  h3:focus {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
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
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    border-bottom: 2px solid var(--_accent);
  }
  [role='tab'] {
    font: inherit;
    padding: 0.45em 0.8em;
    border: 1px solid var(--imi-request-form-tab-border, #9db4d6);
    border-bottom: none;
    border-radius: 0.3em 0.3em 0 0;
    background: var(--imi-request-form-tab-background, #eef2f8);
    color: var(--imi-request-form-tab-color, #123b6d);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_accent);
    color: var(--imi-request-form-tab-selected-color, #fff);
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
  [role='tab']:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--imi-focus, #f0b400);
    outline-offset: 1px;
  }
  [role='tabpanel'] {
    padding: 1em 0;
  }
  fieldset {
    border: 1px solid var(--imi-request-form-border, #c4c9d0);
    border-radius: 0.3em;
    margin: 0 0 1em;
    padding: 0.5em 1em 1em;
  }
  fieldset.plain {
    border: none;
    padding: 0;
    margin: 0;
  }
  legend {
    font-weight: bold;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    margin: 0 0 0.9em;
    max-width: 40em;
  }
  label {
    font-weight: 600;
  }
  .option label,
  .question label {
    font-weight: normal;
  }
  input[type='text'],
  input[type='date'],
  select,
  textarea {
    font: inherit;
    padding: 0.3em 0.45em;
    border: 1px solid var(--imi-request-form-input-border, #6b7280);
    border-radius: 0.2em;
    background: var(--imi-request-form-input-background, #fff);
    color: inherit;
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
    border-inline-start: 3px solid var(--imi-request-form-border, #c4c9d0);
  }
  .hint {
    font-size: 0.9em;
    color: var(--imi-request-form-hint, #474c55);
    margin: 0.15em 0;
  }
  .advice {
    font-size: 0.9em;
    color: var(--imi-request-form-advice, #6b4200);
    background: var(--imi-request-form-advice-background, #fff4e0);
    padding: 0.2em 0.4em;
    margin: 0.15em 0;
  }
  .field-error {
    color: var(--_missing);
    font-weight: bold;
    margin: 0.15em 0;
  }
  .pd {
    font-size: 0.85em;
    font-weight: normal;
    color: var(--imi-request-form-hint, #474c55);
  }
  .problems {
    border: 2px solid var(--_missing);
    background: var(--_missing-background);
    padding: 0.5em 1em;
    margin: 1em 0;
  }
  .problems:focus {
    outline: 3px solid var(--imi-focus, #f0b400);
  }
  .problems ul {
    margin: 0.25em 0;
  }
  .link {
    font: inherit;
    background: none;
    border: none;
    padding: 0;
    color: var(--_missing);
    text-decoration: underline;
    cursor: pointer;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(10em, max-content) 1fr;
    gap: 0.3em 1em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
    border-top: 1px solid var(--imi-request-form-border, #c4c9d0);
    padding-top: 0.75em;
  }
  .bar > div {
    display: flex;
    gap: 0.5em;
  }
  button {
    font: inherit;
  }
  .bar button {
    padding: 0.45em 1em;
    border-radius: 0.25em;
    border: 1px solid var(--_accent);
    background: var(--imi-request-form-button-background, #fff);
    color: var(--_accent);
    cursor: pointer;
  }
  .bar button.primary {
    background: var(--_accent);
    color: var(--imi-request-form-primary-color, #fff);
  }
  .bar button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  .message {
    min-height: 1.5em;
    margin: 0.5em 0;
  }
  .error {
    color: var(--_missing);
  }
  .fallback {
    font-style: italic;
  }
`
