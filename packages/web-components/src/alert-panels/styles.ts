import { css } from 'lit'
import { alertSharedStyles } from '../alert-form/styles.js'

/** The styles of `<imi-alert-panels>`. @internal */
export const alertPanelsStyles = [
  alertSharedStyles,
  css`
    section {
      border: 1px solid var(--imi-border-light, #c5cedb);
      border-radius: var(--imi-radius, 0.25em);
      padding: 0 1em 0.8em;
      margin-bottom: 1em;
    }
    h3 {
      color: var(--imi-accent, #123b6d);
    }
    h4 {
      margin: 0.6em 0 0.2em;
    }
    table {
      margin-bottom: 0.8em;
    }
    tr[data-removed] .name {
      text-decoration: line-through;
    }
    .removed {
      color: var(--imi-muted-color, #4a5562);
    }
    .items {
      padding-left: 1.2em;
    }
    .meta {
      margin: 0.2em 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5em;
    }
    .states {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
      gap: 0.2em 1em;
    }
    dialog {
      max-width: min(40em, 90vw);
    }
    /* The panels print the end date themselves; the deadline adds only the days left. */
    imi-deadline::part(date) {
      display: none;
    }
  `,
]
