// The recommendations as a sortable, searchable table; a row opens the recommendation in full.
import { html, LitElement, nothing, svg } from 'lit';
import type { ListItem } from '../../api/types.ts';
import { statusFill } from '../../charts/palette.ts';
import { OpenRecommendationEvent, SearchEvent, SortEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import type { SortKey } from '../../state/view-state.ts';
import { sharedStyles } from '../shared.styles.ts';
import { styles } from './mr-recommendation-table.styles.ts';

const RESPONSE_ORDER = { accept: 0, partial: 1, reject: 2 } as const;
const STATUS_RANK = { completed: 0, open: 1, discarded: 2, unreported: 3 } as const;

export function sortItems(
  items: readonly ListItem[],
  sort: SortKey,
  descending: boolean,
): ListItem[] {
  const value = (r: ListItem): string | number => {
    if (sort === 'pillar') return Number(r.pillar ?? 9) * 1000 + r.number;
    if (sort === 'criterion') return `${r.evaluationNumber ?? '9'}`.padStart(5, '0') + r.criterion;
    if (sort === 'unit') return (r.responsible[0] ?? '~').toLowerCase();
    if (sort === 'response') return (r.response ? RESPONSE_ORDER[r.response] : 3) * 1000 + r.number;
    // Undated recommendations after every dated one.
    if (sort === 'due') return r.dueDate ?? '9999-99-99';
    if (sort.startsWith('round:'))
      return STATUS_RANK[r.status[sort.slice(6)] ?? 'unreported'] * 1000 + r.number;
    return r.number;
  };
  const sorted = [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    return (x < y ? -1 : x > y ? 1 : a.number - b.number) * (descending ? -1 : 1);
  });
  return sorted;
}

/**
 * @fires mr-sort - a column header was chosen.
 * @fires mr-search - the search text changed (debounced).
 * @fires mr-open-recommendation - a row was opened.
 */
export class MrRecommendationTable extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    i18n: { attribute: false },
    items: { attribute: false },
    rounds: { attribute: false },
    sort: {},
    descending: { type: Boolean },
    q: {},
    selected: {},
    csvHref: {},
    dueDates: { type: Boolean },
  };

  declare i18n: I18n;
  declare items: ListItem[];
  declare rounds: string[];
  declare sort: SortKey;
  declare descending: boolean;
  declare q: string;
  declare selected: string | null;
  declare csvHref: string;
  /** The sheet has due dates: a Due column, with overdue ones marked. */
  declare dueDates: boolean;

  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.items = [];
    this.rounds = [];
    this.sort = 'number';
    this.descending = false;
    this.q = '';
    this.selected = null;
    this.csvHref = '/api/export.csv';
    this.dueDates = false;
  }

  #due(r: ListItem) {
    if (!r.dueDate) return html`<td>—</td>`;
    return html`<td class="due">
      ${this.i18n.date(r.dueDate)}
      ${r.overdue ? html`<span class="overdue">${this.i18n.t('table.overdue')}</span>` : nothing}
    </td>`;
  }

  #handleSearch = (event: InputEvent) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    // Each keystroke would be a request; wait until the reader pauses.
    this.#timer = setTimeout(() => this.dispatchEvent(new SearchEvent(value.trim())), 300);
  };

  #open(id: string) {
    this.dispatchEvent(new OpenRecommendationEvent(id));
  }

  #header(key: SortKey, label: string, extra = '') {
    const active = this.sort === key;
    const ariaSort = active ? (this.descending ? 'descending' : 'ascending') : 'none';
    return html`<th scope="col" aria-sort=${ariaSort} class=${extra}>
      <button type="button" @click=${() => this.dispatchEvent(new SortEvent(key))} aria-label=${this.i18n.t('table.sortBy', { column: label })}>
        ${label} <span aria-hidden="true">${active ? (this.descending ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  #status(status: ListItem['status'][string] | undefined) {
    const s = status ?? 'unreported';
    return html`<span class="status">
      <svg class="swatch" width="12" height="12" aria-hidden="true">${svg`<rect width="12" height="12" fill=${statusFill(s, 'mr-table')}></rect>`}</svg>
      ${this.i18n.t(`status.${s}`)}
    </span>`;
  }

  override render() {
    const rows = sortItems(this.items, this.sort, this.descending);
    return html`<section class="card" aria-labelledby="table-title">
      <div class="head">
        <h2 id="table-title">${this.i18n.t('table.title')}</h2>
        <label class="search no-print">
          ${this.i18n.t('table.search')}
          <input type="search" .value=${this.q} @input=${this.#handleSearch} autocomplete="off" />
        </label>
      </div>
      <p class="count muted" role="status">${this.i18n.t('table.count', { count: rows.length })}</p>
      <!-- Patterns for the status swatches, defined once for the table. -->
      <svg class="defs" width="0" height="0" aria-hidden="true">${svg`<defs>
        <pattern id="mr-table-open" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="#e69f00"></rect><path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="rgba(27,31,36,0.35)"></path></pattern>
        <pattern id="mr-table-discarded" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="#a0a7b0"></rect><path d="M0,0 l6,6 M6,0 l-6,6" stroke="rgba(27,31,36,0.35)"></path></pattern>
        <pattern id="mr-table-unreported" patternUnits="userSpaceOnUse" width="6" height="6"><rect width="6" height="6" fill="#eef1f4"></rect><path d="M2.5,3 a0.5,0.5 0 1,0 1,0 a0.5,0.5 0 1,0 -1,0" stroke="#8c959f"></path></pattern>
      </defs>`}</svg>
      ${
        rows.length === 0
          ? html`<p class="muted">${this.i18n.t('table.none')}</p>`
          : html`<div class="scroll">
              <table>
                <caption class="visually-hidden">${this.i18n.t('table.title')}</caption>
                <thead>
                  <tr>
                    ${this.#header('number', this.i18n.t('table.number'))} ${this.#header('pillar', this.i18n.t('table.pillar'))}
                    ${this.#header('criterion', this.i18n.t('table.criterion'), 'wide')} ${this.#header('unit', this.i18n.t('table.unit'))}
                    ${this.#header('response', this.i18n.t('table.response'), 'wide')}
                    ${this.dueDates ? this.#header('due', this.i18n.t('table.due')) : nothing}
                    ${this.rounds.map((r) => this.#header(`round:${r}`, r))}
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (
                      r,
                    ) => html`<tr aria-selected=${String(this.selected === r.id)} @click=${() => this.#open(r.id)}>
                      <td>
                        <button type="button" class="open-button" aria-label=${this.i18n.t('table.open', { id: r.id })} @click=${(
                          e: Event,
                        ) => {
                          e.stopPropagation();
                          this.#open(r.id);
                        }}>#${r.id}</button>
                      </td>
                      <td>${r.pillar ?? '—'}</td>
                      <td class="wide">
                        ${r.evaluationNumber ?? '—'} ${r.criterion ? this.i18n.criterion(r.criterion) : r.criterionLabel}<span class="excerpt">${r.excerpt}</span>
                      </td>
                      <td>${r.responsible.join(', ') || '—'}</td>
                      <td class="wide">${r.response ? this.i18n.t(`response.${r.response}`) : '—'}</td>
                      ${this.dueDates ? this.#due(r) : nothing}
                      ${this.rounds.map((round) => html`<td>${this.#status(r.status[round])}</td>`)}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
      }
      <div class="actions no-print">
        <a class="button" href=${this.csvHref} download>${this.i18n.t('export.csv')}</a>
        <button type="button" @click=${() => window.print()}>${this.i18n.t('export.print')}</button>
      </div>
    </section>`;
  }
}

customElements.define('mr-recommendation-table', MrRecommendationTable);

declare global {
  interface HTMLElementTagNameMap {
    'mr-recommendation-table': MrRecommendationTable;
  }
}
