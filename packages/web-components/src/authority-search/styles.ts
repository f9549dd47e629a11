import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-authority-search>`; themed through custom properties. @internal */
export const authoritySearchStyles = [
  sharedStyles,
  css`
    .criteria {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
      align-items: end;
    }
    .field.wide {
      grid-column: 1 / -1;
    }
    small,
    .details {
      color: var(--imi-muted-color, #4a5562);
    }
    .buttons {
      justify-content: flex-end;
    }
    button {
      background: var(--imi-accent, #123b6d);
      color: var(--imi-accent-contrast, #fff);
    }
    .count {
      margin: 0.3rem 0;
    }
    .results {
      border: none;
      padding: 0;
      margin: 0;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    [part='authority'] {
      display: flex;
      gap: 0.6rem;
      align-items: flex-start;
      padding: 0.6rem 0.75rem;
      margin-bottom: 0.5rem;
      border: 1px solid var(--imi-border-light, #c5cedb);
      border-radius: var(--imi-radius, 0.25em);
    }
    [part='authority'].chosen {
      border: 2px solid var(--imi-accent, #123b6d);
      background: var(--imi-selected-background, #eef4fb);
    }
    [part='authority'] input {
      margin-top: 0.3rem;
    }
    .details {
      font-size: 0.92em;
    }
    .areas li {
      margin: 0.1rem 0;
    }
    .languages {
      margin-top: 0.2rem;
      font-weight: 600;
    }
    .advice {
      margin-top: 0.2rem;
      font-style: italic;
    }
  `,
]
