import { css } from 'lit'

/** The styles of `<imi-login>`; themed through custom properties. @internal */
export const loginStyles = css`
  :host {
    display: block;
    max-width: 28rem;
    font: var(--imi-font, inherit);
    color: var(--imi-color, #1b1b1b);
  }
  form,
  .signed-in {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
  }
  p,
  ul {
    margin: 0 0 0.4rem;
  }
  label {
    font-weight: 600;
  }
  input:not([type='checkbox']) {
    font: inherit;
    padding: 0.4em 0.5em;
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
    margin-bottom: 0.4rem;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--imi-focus, #ffbf47);
    outline-offset: 1px;
  }
  .check {
    font-weight: normal;
  }
  fieldset {
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: var(--imi-radius, 0.25em);
    padding: 0.6rem;
  }
  legend {
    font-weight: 600;
  }
  .code-map {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem;
    list-style: none;
    padding: 0;
    margin: 0 0 0.6rem;
  }
  .code-map li {
    width: 1.8em;
    text-align: center;
    padding: 0.2em 0;
    border: 1px solid var(--imi-border, #6b6b6b);
    border-radius: 0.2em;
    color: #4a4a4a;
  }
  .code-map li.asked {
    background: var(--imi-accent, #0b4f9c);
    border-color: var(--imi-accent, #0b4f9c);
    color: #fff;
    font-weight: 700;
  }
  .characters {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .character {
    display: flex;
    flex-direction: column;
  }
  .character input {
    width: 2.5em;
    text-align: center;
  }
  .buttons {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    margin-top: 0.4rem;
  }
  button {
    font: inherit;
    padding: 0.45em 1em;
    border-radius: var(--imi-radius, 0.25em);
    border: 1px solid var(--imi-accent, #0b4f9c);
    background: #fff;
    color: var(--imi-accent, #0b4f9c);
    cursor: pointer;
  }
  button.primary {
    background: var(--imi-accent, #0b4f9c);
    color: var(--imi-accent-contrast, #fff);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .message {
    padding: 0.5em 0.75em;
    border-radius: var(--imi-radius, 0.25em);
    margin: 0 0 0.4rem;
  }
  .message.error {
    background: var(--imi-error-background, #fdecea);
    color: var(--imi-error-color, #8a1414);
    border: 1px solid currentColor;
  }
  .message.info {
    background: var(--imi-info-background, #eef4fb);
    color: var(--imi-info-color, #123b6d);
  }
  .message ul {
    margin: 0.3em 0 0;
  }
  .fallback {
    font-style: italic;
  }
`
