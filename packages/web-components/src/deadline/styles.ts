import { css } from 'lit'

/** The styles of `<imi-deadline>`; themed through custom properties. @internal */
export const deadlineStyles = css`
  :host {
    display: inline;
  }
  .deadline {
    font: var(--imi-font, inherit);
    color: var(--imi-deadline-color, inherit);
  }
  .deadline[data-state='today'] {
    color: var(--imi-deadline-today-color, #6b4200);
    font-weight: 600;
  }
  .deadline[data-state='overdue'] {
    color: var(--imi-deadline-overdue-color, #a4000f);
    font-weight: 600;
  }
  .fallback {
    font-style: italic;
  }
`
