// Styles every component shares: focus rings, buttons, visually hidden text, the card surface.
import { css } from 'lit';

/** The title row a page opens with: the heading and its notes on one side, controls on the other. */
export const pageHeaderStyles = css`
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.75rem 1.5rem;
  }
  h1 {
    font-size: 1.4rem;
    margin: 0;
    line-height: 1.2;
  }
  .age {
    margin: 0.35rem 0 0;
    font-size: 0.85rem;
  }
  header label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.8rem;
    font-weight: 600;
  }
  header select {
    min-height: 2.25rem;
  }
`;

export const sharedStyles = css`
  :host {
    font-family: var(--mr-font);
    color: var(--mr-text);
  }
  :focus-visible {
    outline: 3px solid var(--mr-focus);
    outline-offset: 2px;
  }
  .card {
    background: var(--mr-surface);
    border: 1px solid var(--mr-border);
    border-radius: 8px;
    padding: 1rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.75rem;
  }
  button,
  select,
  input,
  a.button {
    font: inherit;
    font-size: 0.875rem;
  }
  button,
  a.button {
    cursor: pointer;
    border: 1px solid var(--mr-border);
    background: #f6f8fa;
    color: var(--mr-text);
    border-radius: 6px;
    padding: 0.3rem 0.65rem;
    min-height: 2rem;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
  }
  button:hover,
  a.button:hover {
    background: #eaeef2;
  }
  button[aria-pressed='true'] {
    background: var(--mr-accent);
    border-color: var(--mr-accent);
    color: #fff;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--mr-muted);
  }
  @media print {
    .no-print {
      display: none !important;
    }
    .card {
      border: none;
      padding: 0;
      break-inside: avoid;
    }
  }
`;
