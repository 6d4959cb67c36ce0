import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .page {
    display: grid;
    gap: 0.75rem;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem;
  }
  select {
    min-width: 7rem;
  }
  .intro {
    margin: 0;
    font-size: 1.05rem;
  }
  ul.totals {
    margin: 0;
    padding-inline-start: 1.25rem;
    display: grid;
    gap: 0.15rem;
  }
  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
    gap: 0.75rem;
  }
  .charts > * {
    min-width: 0;
  }
  .frame {
    width: 100%;
  }
  svg.chart {
    display: block;
    max-width: 100%;
    height: auto;
    font-size: 12px;
  }
  ul.sentences {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.1rem;
    font-size: 0.85rem;
    display: grid;
    gap: 0.1rem;
  }
  .more {
    font-size: 0.8rem;
    margin: 0.25rem 0 0;
  }
  .print-only {
    display: none;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8rem;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .lists {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    gap: 0.75rem;
  }
  .lists h2 {
    font-size: 0.95rem;
    margin-bottom: 0.35rem;
  }
  .ids {
    margin: 0;
    font-size: 0.85rem;
    line-height: 1.6;
  }
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8rem;
    display: grid;
    gap: 0.2rem;
  }
  .error {
    border: 1px solid var(--mr-error-border);
    background: var(--mr-error-bg);
    border-radius: 8px;
    padding: 1rem;
  }
  /* One A4 page: tighter type, two columns, and nothing that only works on a screen. */
  @media print {
    .print-only {
      display: block;
    }
    .screen-only,
    ul.sentences li.extra {
      display: none;
    }
    .page {
      gap: 0.35rem;
    }
    h1 {
      font-size: 14pt;
    }
    .intro {
      font-size: 10pt;
    }
    ul.totals,
    ul.sentences,
    .items,
    .ids {
      font-size: 8.5pt;
    }
    .charts {
      grid-template-columns: 1fr 1fr;
      gap: 0.4rem 1rem;
    }
    .lists {
      grid-template-columns: repeat(3, 1fr);
      gap: 0.4rem 1rem;
    }
    /* One line per recommendation: the number and the start of its text. */
    .items li {
      display: -webkit-box;
      -webkit-line-clamp: 1;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    h2 {
      font-size: 10pt;
      margin-bottom: 0.2rem;
    }
    ul.sentences {
      margin-top: 0.25rem;
    }
    .card {
      padding: 0;
    }
  }
`;
