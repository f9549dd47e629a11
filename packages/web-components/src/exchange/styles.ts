import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-exchange>`; themed through custom properties and `::part`. @internal */
export const exchangeStyles = [
  sharedStyles,
  css`
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
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4em;
      margin: 0.75em 0;
    }
    .toolbar button {
      background: var(--imi-accent, #123b6d);
      color: var(--imi-accent-contrast, #fff);
    }
    .tabs {
      margin-block-start: 1em;
    }
    .panel {
      padding: 0.75em 0.25em;
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
    .optional,
    .no-actions,
    .redacted {
      color: var(--imi-muted-color, #4a5562);
    }
    .box {
      border-inline-start: 4px solid var(--imi-accent, #123b6d);
      background: var(--imi-box-background, #f6f8fb);
      padding: 0.5em 0.75em;
    }
    .dialog {
      padding: 1em 1.25em;
    }
    .dialog h2 {
      font-size: 1.2em;
    }
    .field {
      margin-block-end: 0.75em;
    }
    .field.check,
    .check {
      flex-direction: row;
      display: flex;
      gap: 0.4em;
      align-items: center;
    }
    .choice,
    .check label,
    legend,
    .optional {
      font-weight: normal;
    }
    fieldset {
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
    .buttons {
      margin-block-start: 0.5em;
    }
  `,
]
