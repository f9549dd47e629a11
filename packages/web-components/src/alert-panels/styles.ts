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
      border-collapse: collapse;
      width: 100%;
      margin-bottom: 0.8em;
    }
    caption {
      text-align: left;
      font-weight: bold;
      padding: 0.3em 0;
    }
    th,
    td {
      text-align: left;
      padding: 0.3em 0.5em;
      border-bottom: 1px solid var(--imi-border-light, #c5cedb);
      vertical-align: top;
    }
    tr[data-removed] .name {
      text-decoration: line-through;
    }
    .removed {
      color: var(--imi-muted, #4a5568);
    }
    .items {
      padding-left: 1.2em;
    }
    .meta {
      color: var(--imi-muted, #4a5568);
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
      border: 1px solid var(--imi-border, #6b7a90);
      border-radius: var(--imi-radius, 0.25em);
      max-width: min(40em, 90vw);
      width: 100%;
    }
    /* The panels print the end date themselves; the deadline adds only the days left. */
    imi-deadline::part(date) {
      display: none;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 40%);
    }
  `,
]
