import { css } from 'lit'

/** The styles of `<imi-status>`; themed through custom properties. @internal */
export const statusStyles = css`
  :host {
    display: inline-block;
  }
  .status {
    display: inline-block;
    padding: 0.15em 0.6em;
    border-radius: var(--imi-status-radius, 1em);
    font: var(--imi-font, inherit);
    font-size: 0.875em;
    background: var(--imi-status-background, #e8eef7);
    color: var(--imi-status-color, #123b6d);
    border: 1px solid var(--imi-status-border, #9db4d6);
  }
  .status[data-tone='done'] {
    background: var(--imi-status-done-background, #e6f2e6);
    color: var(--imi-status-done-color, #1d5e1d);
    border-color: var(--imi-status-done-border, #99c799);
  }
  .status[data-tone='attention'] {
    background: var(--imi-status-attention-background, #fff4e0);
    color: var(--imi-status-attention-color, #6b4200);
    border-color: var(--imi-status-attention-border, #e0b66b);
  }
  .fallback {
    font-style: italic;
  }
`
