import { css } from 'lit'

/** The styles of `<imi-dashboard>`; themed through custom properties. @internal */
export const dashboardStyles = css`
  :host {
    display: block;
    font: var(--imi-font, inherit);
    color: var(--imi-color, #1b1b1b);
  }
  h2 {
    margin: 0 0 0.6rem;
    font-size: 1.25em;
  }
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
  button {
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--imi-focus, #ffbf47);
    outline-offset: 1px;
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
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
  }
  .group small {
    display: block;
    font-size: 0.8em;
    color: #4a4a4a;
  }
  .group[aria-pressed='true'] {
    border: 2px solid var(--imi-accent, #0b4f9c);
    background: var(--imi-selected-background, #eef4fb);
  }
  .count {
    font-size: 1.4em;
    font-weight: 700;
    color: var(--imi-accent, #0b4f9c);
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
    border-bottom: 1px solid var(--imi-divider, #d0d0d0);
  }
  a,
  .link {
    color: var(--imi-link, #0b4f9c);
    font-weight: 600;
  }
  .link {
    background: none;
    border: none;
    padding: 0;
    text-decoration: underline;
  }
  .meta,
  .procedure {
    color: #4a4a4a;
    font-size: 0.9em;
  }
  .more,
  .refresh {
    margin-top: 0.6rem;
    padding: 0.4em 0.9em;
    border: 1px solid var(--imi-accent, #0b4f9c);
    border-radius: var(--imi-radius, 0.25em);
    background: #fff;
    color: var(--imi-accent, #0b4f9c);
  }
  .error {
    color: var(--imi-error-color, #8a1414);
  }
  .fallback {
    font-style: italic;
  }
`
