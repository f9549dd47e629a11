import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-comments>`; themed through custom properties. @internal */
export const commentsStyles = [
  sharedStyles,
  css`
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
      border-radius: var(--imi-radius, 0.25em);
      padding: 0.5em 0.75em;
      margin-block-end: 0.5em;
    }
    .message[data-side='responding'] {
      margin-inline-start: 2em;
    }
    .meta {
      margin: 0 0 0.25em;
      font-size: 0.875em;
    }
    .text {
      margin: 0;
      white-space: pre-wrap;
    }
    .language,
    .hint {
      font-size: 0.875em;
    }
    form {
      display: grid;
      gap: 0.35em;
      max-width: 40em;
      margin-block-start: 1em;
    }
    button {
      justify-self: start;
      background: var(--imi-accent, #123b6d);
      color: var(--imi-accent-contrast, #fff);
    }
  `,
]
