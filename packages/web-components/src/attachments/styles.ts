import { css } from 'lit'

/** The styles of `<imi-attachments>`; themed through custom properties. @internal */
export const attachmentsStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
  }
  section {
    border: 1px solid var(--imi-attachments-border, #c8d0da);
    border-radius: 4px;
    padding: 0.5em 0.75em;
    margin-block-end: 0.75em;
  }
  h3 {
    font-size: 1em;
    margin: 0 0 0.5em;
  }
  ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .attachment {
    margin-block-end: 0.35em;
  }
  .meta {
    display: block;
    font-size: 0.875em;
    color: var(--imi-muted-color, #4a5562);
  }
  a {
    color: var(--imi-accent, #123b6d);
  }
  .redacted {
    font-style: italic;
  }
  form {
    display: grid;
    gap: 0.35em;
    max-width: 30em;
  }
  select,
  input {
    font: inherit;
  }
  button {
    justify-self: start;
    font: inherit;
    padding: 0.35em 1em;
    background: var(--imi-accent, #123b6d);
    color: var(--imi-accent-contrast, #fff);
    border: 1px solid var(--imi-accent, #123b6d);
    border-radius: 4px;
    cursor: pointer;
  }
  a:focus-visible,
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--imi-focus, #f0a000);
    outline-offset: 1px;
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
