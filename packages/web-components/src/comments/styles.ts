import { css } from 'lit'

/** The styles of `<imi-comments>`; themed through custom properties. @internal */
export const commentsStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
  }
  h2 {
    font-size: 1.1em;
  }
  h3 {
    font-size: 1em;
  }
  ol {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .message {
    background: var(--imi-comments-background, #f6f8fb);
    border: 1px solid var(--imi-comments-border, #c8d0da);
    border-radius: 4px;
    padding: 0.5em 0.75em;
    margin-block-end: 0.5em;
  }
  .message[data-side='responding'] {
    margin-inline-start: 2em;
  }
  .meta {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    color: var(--imi-muted-color, #4a5562);
  }
  .text {
    margin: 0;
    white-space: pre-wrap;
  }
  .language,
  .hint {
    color: var(--imi-muted-color, #4a5562);
    font-size: 0.875em;
  }
  form {
    display: grid;
    gap: 0.35em;
    max-width: 40em;
    margin-block-start: 1em;
  }
  textarea,
  select {
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
  button:focus-visible,
  textarea:focus-visible,
  select:focus-visible {
    outline: 3px solid var(--imi-focus, #f0a000);
    outline-offset: 1px;
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
