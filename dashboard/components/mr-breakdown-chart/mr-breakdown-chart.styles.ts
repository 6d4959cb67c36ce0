import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }
  .head h2 {
    margin: 0;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
  }
  .frame {
    width: 100%;
    overflow: hidden;
  }
  svg {
    display: block;
    font-size: 12px;
  }
  svg .label,
  svg .total {
    fill: var(--mr-text);
  }
  svg .segment {
    cursor: pointer;
    outline: none;
  }
  svg .segment:focus-visible rect {
    stroke: var(--mr-focus);
    stroke-width: 3px;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
    font-size: 0.8rem;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.35rem;
  }
  .legend svg {
    border: 1px solid var(--mr-border);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.8rem;
    margin-top: 0.5rem;
  }
  th,
  td {
    border-bottom: 1px solid var(--mr-border);
    padding: 0.25rem 0.4rem;
    text-align: start;
  }
  td.n,
  th.n {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .hint {
    font-size: 0.75rem;
    margin: 0.25rem 0 0;
  }
  .role {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    font-size: 0.8rem;
  }
`;
