import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-history>`; themed through custom properties. @internal */
export const historyStyles = [
  sharedStyles,
  css`
    th,
    td {
      border-bottom-color: var(--imi-history-border, #c5cedb);
    }
    thead th {
      background: var(--imi-history-header-background, #eef2f7);
    }
    .justification {
      font-size: 0.9em;
      margin-block-start: 0.25em;
    }
  `,
]
