// One breakdown (pillar, criterion, unit or acceptance level) as stacked bars of status per group.
import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import type { BreakdownGroup } from '../../../data/summary.ts';
import type { CriterionKey, PillarKey, StatusKey } from '../../../data/vocabulary.ts';
import { downloadPng, downloadSvg } from '../../charts/export.ts';
import { STATUS_ORDER, statusFill } from '../../charts/palette.ts';
import { type BarGroup, drawStackedBars } from '../../charts/stacked-bars.ts';
import { ResizeController } from '../../controllers/resize-controller.ts';
import { SegmentSelectEvent, UnitRoleChangeEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import type { FilterDimension } from '../../state/view-state.ts';
import { sharedStyles } from '../shared.styles.ts';
import { styles } from './mr-breakdown-chart.styles.ts';

export type BreakdownDimension = Exclude<FilterDimension, 'status'>;

/**
 * Stacked bars of the selected round's statuses per group, with counts on the bars, a legend, a
 * table alternative and SVG/PNG export.
 *
 * @fires mr-segment-select - a segment was clicked or pressed: filter by its group and status.
 * @fires mr-unit-role-change - (unit chart) lead or supporting units chosen.
 */
export class MrBreakdownChart extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    i18n: { attribute: false },
    dimension: {},
    heading: {},
    groups: { attribute: false },
    round: {},
    selectedGroups: { attribute: false },
    selectedStatuses: { attribute: false },
    unitRole: {},
    _showTable: { state: true },
  };

  declare i18n: I18n;
  declare dimension: BreakdownDimension;
  declare heading: string;
  declare groups: BreakdownGroup[];
  declare round: string;
  declare selectedGroups: string[];
  declare selectedStatuses: string[];
  declare unitRole: 'lead' | 'support';
  declare _showTable: boolean;

  readonly #size = new ResizeController(this);

  constructor() {
    super();
    this.groups = [];
    this.selectedGroups = [];
    this.selectedStatuses = [];
    this.unitRole = 'lead';
    this._showTable = false;
  }

  #barGroups(): BarGroup[] {
    return this.groups.map((g) => ({
      key: g.key,
      label: this.#groupLabel(g),
      counts: g.status[this.round] ?? { completed: 0, open: 0, discarded: 0, unreported: g.total },
    }));
  }

  #groupLabel(g: BreakdownGroup): string {
    if (g.key === 'unassigned') return this.i18n.t('group.unassigned');
    if (this.dimension === 'pillar') return this.i18n.pillar(g.key as PillarKey);
    if (this.dimension === 'response') return this.i18n.t(`response.${g.key as 'accept'}`);
    if (this.dimension === 'criterion') return this.i18n.criterion(g.key as CriterionKey);
    return g.label;
  }

  #status(status: StatusKey): string {
    return this.i18n.t(`status.${status}`);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const svgElement = this.renderRoot.querySelector<SVGSVGElement>('svg.chart');
    // The frame's width, inside the card's padding; the controller tells when it may have changed.
    const width = svgElement?.parentElement?.clientWidth ?? 0;
    if (!svgElement || this.#size.width === 0 || width === 0) return;
    drawStackedBars(svgElement, this.#barGroups(), {
      width,
      idPrefix: `mr-${this.dimension}`,
      rtl: this.i18n.dir === 'rtl',
      statusLabel: (s) => this.#status(s),
      formatCount: (n) => this.i18n.number(n),
      segmentLabel: (g, s, n) =>
        this.i18n.t('chart.segment', {
          group: g.label,
          count: n,
          status: this.#status(s),
          round: this.round,
        }),
      isSelected: (g, s) =>
        this.selectedGroups.includes(g.key) && this.selectedStatuses.includes(s),
    });
  }

  #handleActivate(target: EventTarget | null) {
    const segment = (target as Element | null)?.closest?.('g.segment');
    if (!segment) return;
    this.dispatchEvent(
      new SegmentSelectEvent(
        this.dimension,
        segment.getAttribute('data-group')!,
        segment.getAttribute('data-status')!,
      ),
    );
  }

  #handleClick = (event: MouseEvent) => this.#handleActivate(event.target);

  /** One tab stop per chart; the arrows move between its segments. */
  #handleKeydown = (event: KeyboardEvent) => {
    const segments = [...this.renderRoot.querySelectorAll<SVGGElement>('g.segment')];
    const index = segments.indexOf((event.target as Element).closest('g.segment') as SVGGElement);
    if (index === -1) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#handleActivate(event.target);
      return;
    }
    const forward = this.i18n.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.i18n.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const moves: Record<string, number> = {
      [forward]: index + 1,
      ArrowDown: index + 1,
      [backward]: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: segments.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = segments[Math.max(0, Math.min(segments.length - 1, next))]!;
    for (const s of segments) s.setAttribute('tabindex', s === target ? '0' : '-1');
    target.focus();
  };

  #export(kind: 'svg' | 'png') {
    const chart = this.renderRoot.querySelector<SVGSVGElement>('svg.chart');
    if (!chart) return;
    const name = `${this.dimension}-${this.round.replace(/\s+/g, '-').toLowerCase()}`;
    const title = `${this.heading} – ${this.round}`;
    if (kind === 'svg') downloadSvg(chart, title, name);
    else void downloadPng(chart, title, name);
  }

  #legend() {
    return html`<ul class="legend" aria-label=${this.i18n.t('chart.legend')}>
      ${STATUS_ORDER.map(
        (s) =>
          html`<li>
            <svg width="14" height="14" aria-hidden="true">
              ${svg`<rect width="14" height="14" fill=${statusFill(s, `mr-${this.dimension}`)}></rect>`}
            </svg>
            ${this.#status(s)}
          </li>`,
      )}
    </ul>`;
  }

  #table(groups: BarGroup[]) {
    const caption = `${this.heading} – ${this.round}`;
    return html`<table>
      <caption class="visually-hidden">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${this.i18n.t('chart.group')}</th>
          ${STATUS_ORDER.map((s) => html`<th scope="col" class="n">${this.#status(s)}</th>`)}
          <th scope="col" class="n">${this.i18n.t('chart.total')}</th>
        </tr>
      </thead>
      <tbody>
        ${groups.map(
          (g) => html`<tr>
            <th scope="row">${g.label}</th>
            ${STATUS_ORDER.map((s) => html`<td class="n">${this.i18n.number(g.counts[s])}</td>`)}
            <td class="n">${this.i18n.number(STATUS_ORDER.reduce((n, s) => n + g.counts[s], 0))}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const groups = this.#barGroups();
    const id = `chart-${this.dimension}`;
    return html`<section class="card" aria-labelledby=${`${id}-title`}>
      <div class="head">
        <h2 id=${`${id}-title`}>${this.heading}</h2>
        <div class="tools no-print">
          ${this.dimension === 'unit' ? this.#roleToggle() : nothing}
          <button type="button" aria-pressed=${String(this._showTable)} @click=${() => (this._showTable = !this._showTable)}>
            ${this.i18n.t(this._showTable ? 'chart.hideTable' : 'chart.showTable')}
          </button>
          <span class="visually-hidden">${this.i18n.t('export.chart')}</span>
          <button type="button" @click=${() => this.#export('svg')} aria-label=${`${this.i18n.t('export.chart')} SVG`}>${this.i18n.t('export.svg')}</button>
          <button type="button" @click=${() => this.#export('png')} aria-label=${`${this.i18n.t('export.chart')} PNG`}>${this.i18n.t('export.png')}</button>
        </div>
      </div>
      ${
        groups.length === 0
          ? html`<p class="muted">${this.i18n.t('chart.empty')}</p>`
          : html`<div class="frame">
              <svg
                class="chart"
                role="group"
                aria-labelledby=${`${id}-title`}
                aria-describedby=${`${id}-hint`}
                @click=${this.#handleClick}
                @keydown=${this.#handleKeydown}
              ></svg>
            </div>`
      }
      <p class="hint muted no-print" id=${`${id}-hint`}>${this.i18n.t('chart.keyboardHint')}</p>
      ${this.#legend()} ${this._showTable ? this.#table(groups) : nothing}
    </section>`;
  }

  #roleToggle() {
    const choose = (role: 'lead' | 'support') => this.dispatchEvent(new UnitRoleChangeEvent(role));
    return html`<span class="role" role="group" aria-label=${this.i18n.t('chart.unitRole')}>
      <button type="button" aria-pressed=${String(this.unitRole === 'lead')} @click=${() => choose('lead')}>${this.i18n.t('chart.unitLead')}</button>
      <button type="button" aria-pressed=${String(this.unitRole === 'support')} @click=${() => choose('support')}>
        ${this.i18n.t('chart.unitSupport')}
      </button>
    </span>`;
  }
}

customElements.define('mr-breakdown-chart', MrBreakdownChart);

declare global {
  interface HTMLElementTagNameMap {
    'mr-breakdown-chart': MrBreakdownChart;
  }
}
