import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-attachments>`; themed through custom properties. @internal */
export const attachmentsStyles = [
  sharedStyles,
  css`
    section {
      border: 1px solid var(--imi-attachments-border, #c8d0da);
      border-radius: var(--imi-radius, 0.25em);
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
    }
    form {
      display: grid;
      gap: 0.35em;
      max-width: 30em;
    }
    button {
      justify-self: start;
      background: var(--imi-accent, #123b6d);
      color: var(--imi-accent-contrast, #fff);
    }
  `,
]
