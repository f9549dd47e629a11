import { css } from 'lit'

/** The styles of `<imi-exchange-list>`; themed through custom properties. @internal */
export const listStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
    color: var(--imi-color, #1b1b1b);
  }
  h2 {
    margin: 0 0 0.6rem;
    font-size: 1.25em;
  }
  .criteria {
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
    padding: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.5rem 1rem;
    margin-bottom: 0.5rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.4rem;
  }
  label {
    font-weight: 600;
  }
  label.check {
    font-weight: normal;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    margin: 0.15rem 0.9rem 0.15rem 0;
  }
  input:not([type='checkbox']),
  select {
    font: inherit;
    padding: 0.3em 0.4em;
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
    background: #fff;
    color: inherit;
  }
  details {
    margin: 0.4rem 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  fieldset {
    border: 1px solid var(--imi-divider, #d0d0d0);
    border-radius: var(--imi-radius, 0.25em);
    margin: 0.3rem 0;
  }
  legend {
    font-weight: 600;
  }
  button {
    font: inherit;
    padding: 0.35em 0.9em;
    border: 1px solid var(--imi-accent, #0b4f9c);
    border-radius: var(--imi-radius, 0.25em);
    background: #fff;
    color: var(--imi-accent, #0b4f9c);
    cursor: pointer;
  }
  button.primary {
    background: var(--imi-accent, #0b4f9c);
    color: var(--imi-accent-contrast, #fff);
  }
  button[disabled] {
    opacity: 0.55;
    cursor: default;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible,
  select:focus-visible,
  summary:focus-visible,
  .scroll:focus-visible {
    outline: 3px solid var(--imi-focus, #ffbf47);
    outline-offset: 1px;
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
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
  a,
  .link {
    color: var(--imi-link, #0b4f9c);
  }
  .link {
    background: none;
    border: none;
    padding: 0;
    text-decoration: underline;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.3rem 0;
  }
  th,
  td {
    text-align: start;
    padding: 0.45rem 0.6rem;
    border-bottom: 1px solid var(--imi-divider, #d0d0d0);
    vertical-align: top;
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
  .error {
    color: var(--imi-error-color, #8a1414);
  }
  .fallback {
    font-style: italic;
  }
`
