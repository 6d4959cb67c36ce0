import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    max-width: 1400px;
    margin: 0 auto;
    padding: 1rem;
  }
  main {
    display: grid;
    gap: 1rem;
  }
  /* Grid items default to their content's width; the table scrolls inside its card instead. */
  main > *,
  .charts > * {
    min-width: 0;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr));
    gap: 1rem;
  }
  .error {
    border: 1px solid var(--mr-error-border);
    background: var(--mr-error-bg);
    border-radius: 8px;
    padding: 1rem;
  }
  .loading {
    color: var(--mr-muted);
  }
  .nav {
    display: flex;
    justify-content: flex-end;
    gap: 1rem;
    margin-bottom: 0.5rem;
  }
  .nav a {
    color: var(--mr-accent);
  }
  .shared-note {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
    background: #ddf4ff;
    border: 1px solid #54aeff;
  }
  .skip {
    position: absolute;
    inset-inline-start: -999px;
  }
  .skip:focus {
    inset-inline-start: 1rem;
    background: #fff;
    padding: 0.5rem;
    z-index: 10;
  }
  @media (max-width: 480px) {
    :host {
      padding: 0.5rem;
    }
  }
  @media print {
    :host {
      max-width: none;
      padding: 0;
    }
    .charts {
      grid-template-columns: 1fr 1fr;
    }
    mr-recommendation-detail,
    mr-data-issues {
      display: none;
    }
  }
`;
