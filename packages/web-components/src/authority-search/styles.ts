import { css } from 'lit'

/** The styles of `<imi-authority-search>`; themed through custom properties. @internal */
export const authoritySearchStyles = css`
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
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    gap: 0.5rem 1rem;
    align-items: end;
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
    padding: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label {
    font-weight: 600;
  }
  small {
    color: #4a4a4a;
  }
  input:not([type='radio']),
  select {
    font: inherit;
    padding: 0.3em 0.4em;
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
    background: #fff;
    color: inherit;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
  }
  button {
    font: inherit;
    padding: 0.35em 0.9em;
    border: 1px solid var(--imi-accent, #0b4f9c);
    border-radius: var(--imi-radius, 0.25em);
    background: var(--imi-accent, #0b4f9c);
    color: var(--imi-accent-contrast, #fff);
    cursor: pointer;
  }
  input:focus-visible,
  select:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--imi-focus, #ffbf47);
    outline-offset: 1px;
  }
  .count {
    margin: 0.3rem 0;
  }
  .results {
    border: none;
    padding: 0;
    margin: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
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
    border: 1px solid var(--imi-divider, #d0d0d0);
    border-radius: var(--imi-radius, 0.25em);
  }
  [part='authority'].chosen {
    border: 2px solid var(--imi-accent, #0b4f9c);
    background: var(--imi-selected-background, #eef4fb);
  }
  [part='authority'] input {
    margin-top: 0.3rem;
  }
  .details {
    font-size: 0.92em;
    color: #333;
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
  .error {
    color: var(--imi-error-color, #8a1414);
  }
  .fallback {
    font-style: italic;
  }
`
