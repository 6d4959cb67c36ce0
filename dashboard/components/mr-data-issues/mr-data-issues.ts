// For staff: the sync's findings by severity, each with its cell and a link to it in the sheet.
import { css, html, LitElement, nothing } from 'lit';
import type { Finding, SummaryResponse } from '../../api/types.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { sharedStyles } from '../shared.styles.ts';

/** The address that opens a Google Sheet at a cell of the matrix's tab. */
export function cellLink(source: SummaryResponse['source'], cell: string | null): string | null {
  if (source.kind !== 'google-sheet' || !source.id || !cell) return null;
  const range = cell.split(':')[0]!;
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(source.id)}/edit#gid=${source.gid ?? 0}&range=${encodeURIComponent(range)}`;
}

export class MrDataIssues extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      details {
        margin: 0.5rem 0;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
      }
      ul {
        margin: 0.35rem 0 0;
        padding-inline-start: 1.1rem;
        font-size: 0.875rem;
      }
      li {
        margin: 0.3rem 0;
      }
      .cell {
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-weight: 600;
        margin-inline-end: 0.35rem;
      }
      .rule {
        font-size: 0.75rem;
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    summary: { attribute: false },
  };

  declare i18n: I18n;
  declare summary: SummaryResponse | undefined;

  #item(f: Finding) {
    const link = this.summary ? cellLink(this.summary.source, f.cell) : null;
    return html`<li>
      ${
        f.cell
          ? link
            ? html`<a class="cell" href=${link} target="_blank" rel="noopener noreferrer" aria-label=${this.i18n.t('issues.openCell', { cell: f.cell })}>${f.cell}</a>`
            : html`<span class="cell">${f.cell}</span>`
          : nothing
      }
      ${f.message} <span class="rule muted">(${f.rule})</span>
    </li>`;
  }

  override render() {
    const findings = this.summary?.findings ?? [];
    return html`<section class="card" aria-labelledby="issues-title">
      <h2 id="issues-title">${this.i18n.t('issues.title')}</h2>
      ${findings.length === 0 ? html`<p class="muted">${this.i18n.t('issues.none')}</p>` : nothing}
      ${(['error', 'warning', 'info'] as const).map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return nothing;
        return html`<details ?open=${severity !== 'info'}>
          <summary>${this.i18n.t(`issues.${severity}`)} (${this.i18n.number(group.length)})</summary>
          <ul>
            ${group.map((f) => this.#item(f))}
          </ul>
        </details>`;
      })}
    </section>`;
  }
}

customElements.define('mr-data-issues', MrDataIssues);

declare global {
  interface HTMLElementTagNameMap {
    'mr-data-issues': MrDataIssues;
  }
}
