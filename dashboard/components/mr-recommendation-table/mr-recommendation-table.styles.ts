import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 0.5rem;
  }
  .head h2 {
    margin: 0;
  }
  .search {
    display: flex;
    flex-direction: column;
    font-size: 0.8rem;
    gap: 0.2rem;
    flex: 1 1 16rem;
    max-width: 28rem;
  }
  input[type='search'] {
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--mr-border);
    border-radius: 6px;
    min-height: 2.25rem;
  }
  svg.defs {
    position: absolute;
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875rem;
  }
  th,
  td {
    padding: 0.4rem 0.5rem;
    border-bottom: 1px solid var(--mr-border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    white-space: nowrap;
    background: #f6f8fa;
  }
  thead button {
    border: none;
    background: none;
    padding: 0;
    min-height: 0;
    font-weight: 600;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover {
    background: #f6f8fa;
  }
  tbody tr[aria-selected='true'] {
    background: #ddf4ff;
  }
  .open-button {
    font-weight: 600;
    min-width: 2.5rem;
  }
  .excerpt {
    color: var(--mr-muted);
    font-size: 0.8rem;
    display: block;
    max-width: 36rem;
  }
  .due {
    white-space: nowrap;
  }
  .overdue {
    display: inline-block;
    margin-inline-start: 0.3rem;
    padding: 0 0.35rem;
    border-radius: 4px;
    border: 1px solid var(--mr-error-border);
    background: var(--mr-error-bg);
    font-size: 0.75rem;
    font-weight: 600;
  }
  .status {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    white-space: nowrap;
  }
  .swatch {
    width: 0.8rem;
    height: 0.8rem;
    border: 1px solid #57606a;
    display: inline-block;
  }
  .count {
    font-size: 0.85rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-top: 0.75rem;
  }
  @media (max-width: 640px) {
    .wide {
      display: none;
    }
  }
  @media print {
    .excerpt {
      display: none;
    }
    table {
      font-size: 8pt;
    }
  }
`;
