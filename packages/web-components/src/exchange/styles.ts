import { css } from 'lit'

/** The styles of `<imi-exchange>`; themed through custom properties and `::part`. @internal */
export const exchangeStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
    color: var(--imi-color, inherit);
  }
  .header h2 {
    display: inline-block;
    margin: 0 0.5em 0.25em 0;
    font-size: 1.35em;
  }
  h3 {
    font-size: 1.05em;
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0.5em 0;
  }
  .facts > div {
    display: contents;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
    margin: 0.75em 0;
  }
  button {
    font: inherit;
    padding: 0.35em 0.9em;
    border-radius: 4px;
    border: 1px solid var(--imi-accent, #123b6d);
    background: var(--imi-button-background, #fff);
    color: var(--imi-accent, #123b6d);
    cursor: pointer;
  }
  .toolbar button,
  button.primary {
    background: var(--imi-accent, #123b6d);
    color: var(--imi-accent-contrast, #fff);
  }
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--imi-focus, #f0a000);
    outline-offset: 1px;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em;
    border-bottom: 2px solid var(--imi-border, #c8d0da);
    margin-block-start: 1em;
  }
  .tabs button {
    border: 1px solid var(--imi-border, #c8d0da);
    border-bottom: none;
    border-radius: 4px 4px 0 0;
    color: var(--imi-color, #1b1f24);
    background: var(--imi-tab-background, #eef2f7);
  }
  .tabs button[aria-selected='true'] {
    background: var(--imi-accent, #123b6d);
    color: var(--imi-accent-contrast, #fff);
  }
  .panel {
    padding: 0.75em 0.25em;
  }
  .panel[hidden] {
    display: none;
  }
  .questions li {
    margin-block-end: 0.75em;
  }
  .question {
    margin: 0;
  }
  .parameter {
    background: var(--imi-parameter-background, #fff4e0);
    padding: 0 0.2em;
  }
  .comment,
  .hint,
  .language,
  .optional,
  .no-actions {
    color: var(--imi-muted-color, #4a5562);
  }
  .box {
    border-inline-start: 4px solid var(--imi-accent, #123b6d);
    background: var(--imi-box-background, #f6f8fb);
    padding: 0.5em 0.75em;
  }
  .redacted {
    font-style: italic;
    color: var(--imi-muted-color, #4a5562);
  }
  a {
    color: var(--imi-accent, #123b6d);
  }
  .dialog {
    border: 1px solid var(--imi-border, #c8d0da);
    border-radius: 6px;
    padding: 1em 1.25em;
    max-width: min(44em, 95vw);
    width: 100%;
  }
  .dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .dialog h2 {
    margin-block-start: 0;
    font-size: 1.2em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin-block-end: 0.75em;
  }
  .field.check,
  .check {
    display: flex;
    gap: 0.4em;
    align-items: center;
  }
  fieldset {
    border: 1px solid var(--imi-border, #c8d0da);
    border-radius: 4px;
    margin: 0 0 0.75em;
  }
  fieldset.answer {
    display: grid;
    gap: 0.25em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1em;
  }
  textarea,
  select,
  input {
    font: inherit;
  }
  .buttons {
    display: flex;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  .spoken ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .notice:empty {
    display: none;
  }
  .error {
    color: var(--imi-error-color, #a4000f);
  }
  .fallback {
    font-style: italic;
  }
`
