// The headline figures: how many recommendations, how they were answered, how far the round got,
// and (for a sheet with due dates) how many are overdue.
import { css, html, LitElement, nothing } from 'lit';
import type { SummaryResponse } from '../../api/types.ts';
import { STATUS_ORDER } from '../../charts/palette.ts';
import { OverdueToggleEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { sharedStyles } from '../shared.styles.ts';

export class MrHeadline extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      dl {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 0.75rem;
        margin: 0;
      }
      .figure {
        background: var(--mr-surface);
        border: 1px solid var(--mr-border);
        border-radius: 8px;
        padding: 0.75rem 1rem;
        display: flex;
        flex-direction: column;
      }
      /* The figure reads first; the label and its note follow. */
      dt {
        order: 1;
        font-size: 0.85rem;
        color: var(--mr-muted);
      }
      dd.note {
        order: 2;
      }
      dd {
        margin: 0;
        font-size: 1.75rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      dd.note {
        font-size: 0.8rem;
        color: var(--mr-muted);
        font-weight: 400;
      }
      .rate {
        grid-column: span 2;
      }
      .overdue dd:not(.note, .action) {
        color: var(--mr-error-border);
      }
      dd.action {
        order: 3;
        margin-top: 0.4rem;
      }
      @media (max-width: 420px) {
        .rate {
          grid-column: span 1;
        }
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    summary: { attribute: false },
    round: {},
    overdueOnly: { type: Boolean },
  };

  declare i18n: I18n;
  declare summary: SummaryResponse | undefined;
  declare round: string;
  /** Whether the view is narrowed to the overdue recommendations. */
  declare overdueOnly: boolean;

  constructor() {
    super();
    this.overdueOnly = false;
  }

  /** Only a sheet with due dates has anything overdue to show (the API sends null otherwise). */
  #overdue() {
    const overdue = this.summary?.overdue;
    if (!overdue) return nothing;
    return html`<div class="figure overdue">
      <dt>${this.i18n.t('headline.overdue', { round: overdue.round ?? this.round })}</dt>
      <dd>${this.i18n.number(overdue.count)}</dd>
      <dd class="note">${this.i18n.t('headline.overdueNote')}</dd>
      <dd class="action no-print">
        <button
          type="button"
          aria-pressed=${String(this.overdueOnly)}
          @click=${() => this.dispatchEvent(new OverdueToggleEvent(!this.overdueOnly))}
        >
          ${this.i18n.t('filters.showOverdue')}
        </button>
      </dd>
    </div>`;
  }

  override render() {
    const s = this.summary;
    if (!s) return html``;
    const { overall } = s;
    const status = overall.status[this.round] ?? {
      completed: 0,
      open: 0,
      discarded: 0,
      unreported: overall.total,
    };
    const rate = overall.implementation[this.round] ?? { completed: 0, denominator: 0, rate: null };
    const figure = (label: string, value: string, note?: string, extra = '') =>
      html`<div class="figure ${extra}">
        <dt>${label}</dt>
        <dd>${value}</dd>
        ${note ? html`<dd class="note">${note}</dd>` : ''}
      </div>`;
    return html`<dl>
      ${figure(
        this.i18n.t('headline.recommendations'),
        this.i18n.number(s.total),
        s.total !== s.matrixTotal
          ? this.i18n.t('headline.ofMatrix', { total: s.matrixTotal })
          : undefined,
      )}
      ${figure(this.i18n.t('headline.accepted'), this.i18n.number(overall.response.accept))}
      ${figure(this.i18n.t('headline.partial'), this.i18n.number(overall.response.partial))}
      ${figure(this.i18n.t('headline.rejected'), this.i18n.number(overall.response.reject))}
      ${STATUS_ORDER.map((key) => figure(`${this.i18n.t(`status.${key}`)} (${this.round})`, this.i18n.number(status[key])))}
      ${figure(
        this.i18n.t('headline.rate', { round: this.round }),
        rate.denominator ? this.i18n.percent(rate.completed / rate.denominator) : '—',
        rate.denominator
          ? this.i18n.t('headline.rateOf', {
              completed: rate.completed,
              denominator: rate.denominator,
            })
          : this.i18n.t('headline.rateNone'),
        'rate',
      )}
      ${this.#overdue()}
    </dl>`;
  }
}

customElements.define('mr-headline', MrHeadline);

declare global {
  interface HTMLElementTagNameMap {
    'mr-headline': MrHeadline;
  }
}
