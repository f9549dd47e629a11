import { css } from 'lit'

/** What the alert elements share: fields, buttons, free texts, errors. @internal */
export const alertSharedStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
    color: var(--imi-color, inherit);
  }
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    padding: 0.35em 0.9em;
    border: 1px solid var(--imi-border, #6b7a90);
    border-radius: var(--imi-radius, 0.25em);
    background: var(--imi-button-background, #fff);
    color: var(--imi-button-color, #1b2a41);
    cursor: pointer;
  }
  button.primary {
    background: var(--imi-accent, #123b6d);
    border-color: var(--imi-accent, #123b6d);
    color: var(--imi-accent-contrast, #fff);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--imi-focus, #e07b00);
    outline-offset: 2px;
  }
  input[type='text'],
  select,
  textarea {
    font: inherit;
    box-sizing: border-box;
    width: 100%;
    max-width: 40em;
    padding: 0.3em;
    border: 1px solid var(--imi-border, #6b7a90);
    border-radius: var(--imi-radius, 0.25em);
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
  }
  fieldset {
    border: 1px solid var(--imi-border-light, #c5cedb);
    border-radius: var(--imi-radius, 0.25em);
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
  .written-in,
  .hint {
    color: var(--imi-muted, #4a5568);
  }
  .redacted,
  .fallback {
    font-style: italic;
  }
  .error {
    border: 1px solid var(--imi-problem, #a4262c);
    color: var(--imi-problem, #a4262c);
    padding: 0.5em;
    border-radius: var(--imi-radius, 0.25em);
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`

/** The styles of `<imi-alert-form>`. @internal */
export const alertFormStyles = [
  alertSharedStyles,
  css`
    [role='tablist'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
      border-bottom: 2px solid var(--imi-accent, #123b6d);
    }
    [role='tab'] {
      border-bottom: none;
      border-radius: var(--imi-radius, 0.25em) var(--imi-radius, 0.25em) 0 0;
    }
    [role='tab'][aria-selected='true'] {
      background: var(--imi-accent, #123b6d);
      color: var(--imi-accent-contrast, #fff);
    }
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
    .problems,
    .problem {
      color: var(--imi-problem, #a4262c);
    }
    .problems {
      border: 1px solid var(--imi-problem, #a4262c);
      padding: 0.5em;
      border-radius: var(--imi-radius, 0.25em);
    }
    .link {
      border: none;
      background: none;
      color: inherit;
      text-decoration: underline;
      padding: 0;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .spacer {
      flex: 1;
    }
    .progress {
      color: var(--imi-muted, #4a5568);
    }
  `,
]
