// Round over round: what moved between consecutive rounds, and the trend over the days it changed.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { HistoryResponse, SummaryResponse } from '../../api/types.ts';
import { STATUS_ORDER } from '../../charts/palette.ts';
import { drawTrendLine } from '../../charts/trend-line.ts';
import { ResizeController } from '../../controllers/resize-controller.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { sharedStyles } from '../shared.styles.ts';

export class MrRoundMoves extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .moves {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .move {
        border: 1px solid var(--mr-border);
        border-radius: 6px;
        padding: 0.35rem 0.6rem;
        font-size: 0.9rem;
        background: #f6f8fa;
      }
      .move strong {
        font-variant-numeric: tabular-nums;
      }
      h3 {
        font-size: 0.95rem;
        margin: 1rem 0 0.4rem;
      }
      svg {
        display: block;
        font-size: 11px;
      }
      svg text {
        fill: var(--mr-text);
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    summary: { attribute: false },
    history: { attribute: false },
    round: {},
  };

  declare i18n: I18n;
  declare summary: SummaryResponse | undefined;
  declare history: HistoryResponse | undefined;
  declare round: string;

  readonly #size = new ResizeController(this);

  #trendPoints() {
    return (this.history?.days ?? [])
      .filter((d) => d.status[this.round])
      .map((d) => {
        const [completed, open, discarded, unreported] = d.status[this.round]!;
        return { date: d.date, counts: { completed, open, discarded, unreported } };
      });
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const svg = this.renderRoot.querySelector<SVGSVGElement>('svg.trend');
    const width = svg?.parentElement?.clientWidth ?? 0;
    if (!svg || this.#size.width === 0 || width === 0) return;
    drawTrendLine(svg, this.#trendPoints(), {
      width,
      rtl: this.i18n.dir === 'rtl',
      formatDate: (d) => this.i18n.date(d),
      formatCount: (n) => this.i18n.number(n),
      statusLabel: (s) => this.i18n.t(`status.${s}`),
    });
  }

  override render() {
    const transitions = this.summary?.transitions ?? [];
    const points = this.#trendPoints();
    return html`<section class="card" aria-labelledby="moves-title">
      <h2 id="moves-title">${this.i18n.t('moves.title')}</h2>
      ${transitions.length === 0 ? html`<p class="muted">${this.i18n.t('moves.needTwo')}</p>` : nothing}
      ${transitions.map((t) => {
        const moves = STATUS_ORDER.flatMap((from) =>
          STATUS_ORDER.filter((to) => to !== from && (t.counts[from]?.[to] ?? 0) > 0).map((to) => ({
            from,
            to,
            count: t.counts[from]![to]!,
          })),
        ).sort((a, b) => b.count - a.count);
        return html`<h3>${this.i18n.t('moves.between', { from: t.from, to: t.to })}</h3>
          ${
            moves.length === 0
              ? html`<p class="muted">${this.i18n.t('moves.none')}</p>`
              : html`<ul class="moves">
                  ${moves.map(
                    (m) => html`<li class="move">
                      ${this.i18n.t('moves.move', { count: m.count, from: this.i18n.t(`status.${m.from}`), to: this.i18n.t(`status.${m.to}`) })}
                    </li>`,
                  )}
                </ul>`
          }`;
      })}
      <h3>${this.i18n.t('moves.trend', { round: this.round })}</h3>
      ${
        points.length < 2
          ? html`<p class="muted">${this.i18n.t('moves.trendOne')}</p>`
          : html`<svg class="trend" role="img" aria-label=${this.i18n.t('moves.trend', { round: this.round })}></svg>`
      }
    </section>`;
  }
}

customElements.define('mr-round-moves', MrRoundMoves);

declare global {
  interface HTMLElementTagNameMap {
    'mr-round-moves': MrRoundMoves;
  }
}
