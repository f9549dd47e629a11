import { css } from 'lit'
import { sharedStyles } from '../shared-styles.js'

/** The styles of `<imi-login>`; themed through custom properties. @internal */
export const loginStyles = [
  sharedStyles,
  css`
    :host {
      max-width: 28rem;
    }
    form,
    .signed-in {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    h2 {
      margin-bottom: 0.5rem;
    }
    p,
    ul {
      margin: 0 0 0.4rem;
    }
    input:not([type='checkbox']) {
      padding: 0.4em 0.5em;
      margin-bottom: 0.4rem;
    }
    .check {
      font-weight: normal;
    }
    fieldset {
      border-color: var(--imi-border, #6b7a90);
      padding: 0.6rem;
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
      border: 1px solid var(--imi-border, #6b7a90);
      border-radius: 0.2em;
      color: var(--imi-muted-color, #4a5562);
    }
    .code-map li.asked {
      background: var(--imi-accent, #123b6d);
      border-color: var(--imi-accent, #123b6d);
      color: var(--imi-accent-contrast, #fff);
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
      justify-content: flex-end;
      margin-top: 0.4rem;
    }
    button {
      padding: 0.45em 1em;
    }
    .message {
      padding: 0.5em 0.75em;
      border-radius: var(--imi-radius, 0.25em);
      margin: 0 0 0.4rem;
    }
    .message.error {
      background: var(--imi-error-background, #fdecea);
      border: 1px solid;
    }
    .message.info {
      background: var(--imi-info-background, #eef4fb);
      color: var(--imi-info-color, #123b6d);
    }
    .message ul {
      margin: 0.3em 0 0;
    }
  `,
]
