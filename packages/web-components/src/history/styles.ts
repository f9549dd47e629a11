import { css } from 'lit'

/** The styles of `<imi-history>`; themed through custom properties. @internal */
export const historyStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5em;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.35em 0.6em;
    border-bottom: 1px solid var(--imi-history-border, #c8d0da);
  }
  thead th {
    background: var(--imi-history-header-background, #eef2f7);
  }
  .justification {
    font-size: 0.9em;
    margin-block-start: 0.25em;
  }
  .language {
    color: var(--imi-muted-color, #4a5562);
  }
  .redacted {
    font-style: italic;
  }
  .fallback {
    font-style: italic;
  }
`
