import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-exchange-list>`; themed through custom properties. @internal */
export const listStyles = [
  sharedStyles,
  css`
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: 0.5rem 1rem;
      margin-bottom: 0.5rem;
    }
    .field.inline {
      flex-direction: row;
      align-items: center;
      gap: 0.4rem;
    }
    label.check {
      font-weight: normal;
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      margin: 0.15rem 0.9rem 0.15rem 0;
    }
    details {
      margin: 0.4rem 0;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    fieldset {
      margin: 0.3rem 0;
    }
    .buttons {
      justify-content: flex-end;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1.25rem;
      margin-bottom: 0.5rem;
    }
    .toolbar details {
      margin: 0;
    }
    .scroll {
      overflow-x: auto;
    }
    th {
      background: var(--imi-header-background, #eef1f5);
      white-space: nowrap;
    }
    th .sort {
      border: none;
      background: none;
      padding: 0;
      color: inherit;
      font-weight: 700;
    }
    .arrow {
      margin-inline-start: 0.3em;
      font-size: 0.8em;
    }
    .summary {
      margin: 0.3rem 0;
    }
    .pages {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-top: 0.6rem;
    }
  `,
]
