import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** What the alert elements add to the shared rules: full-width fields, check rows, quoted free texts, problems. @internal */
export const alertSharedStyles = [
  sharedStyles,
  css`
    input[type='text'],
    select,
    textarea {
      box-sizing: border-box;
      width: 100%;
      max-width: 40em;
    }
    label {
      display: block;
      margin-bottom: 0.2em;
    }
    .check {
      display: flex;
      gap: 0.5em;
      align-items: baseline;
    }
    .check label {
      display: inline;
      font-weight: normal;
    }
    fieldset {
      margin: 0.5em 0;
    }
    blockquote {
      margin: 0.3em 0;
      padding: 0.3em 0.8em;
      border-left: 3px solid var(--imi-border-light, #c5cedb);
    }
    blockquote p {
      margin: 0;
      white-space: pre-wrap;
    }
    .written-in {
      color: var(--imi-muted-color, #4a5562);
    }
    .error,
    .problems,
    .problem {
      color: var(--imi-problem, #a4262c);
    }
    .error,
    .problems {
      border: 1px solid;
      padding: 0.5em;
      border-radius: var(--imi-radius, 0.25em);
    }
  `,
]

/** The styles of `<imi-alert-form>`. @internal */
export const alertFormStyles = [
  alertSharedStyles,
  css`
    [role='tab'][data-problem] {
      border-color: var(--imi-problem, #a4262c);
    }
    .mark {
      margin-left: 0.3em;
      font-weight: bold;
      color: var(--imi-problem, #a4262c);
    }
    [role='tab'][aria-selected='true'] .mark {
      color: inherit;
    }
    [role='tabpanel'] {
      padding: 0.5em 0;
    }
    .states {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
      gap: 0.3em 1em;
    }
    .link {
      color: inherit;
    }
    .spacer {
      flex: 1;
    }
    .progress {
      color: var(--imi-muted-color, #4a5562);
    }
  `,
]
