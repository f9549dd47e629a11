import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-dashboard>`; themed through custom properties. @internal */
export const dashboardStyles = [
  sharedStyles,
  css`
    h3 {
      margin: 0 0 0.5rem;
      font-size: 1.05em;
    }
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 0.5rem;
      margin-bottom: 1rem;
    }
    .group {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 0.5rem;
      text-align: start;
      padding: 0.6rem 0.75rem;
      background: var(--imi-card-background, #fff);
      color: inherit;
      border: 1px solid var(--imi-border, #6b7a90);
    }
    .group small,
    .procedure {
      color: var(--imi-muted-color, #4a5562);
    }
    .group small {
      display: block;
      font-size: 0.8em;
    }
    .group[aria-pressed='true'] {
      border: 2px solid var(--imi-accent, #123b6d);
      background: var(--imi-selected-background, #eef4fb);
    }
    .count {
      font-size: 1.4em;
      font-weight: 700;
      color: var(--imi-accent, #123b6d);
    }
    .list small {
      font-weight: normal;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3rem 0.75rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid var(--imi-border-light, #c5cedb);
    }
    a,
    .link {
      font-weight: 600;
    }
    .meta,
    .procedure {
      font-size: 0.9em;
    }
    .more,
    .refresh {
      margin-top: 0.6rem;
    }
  `,
]
