// The round digest: what moved between two monitoring rounds, in sentences and small charts,
// laid out to print on one A4 page.
import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import type { DigestResponse } from '../../api/types.ts';
import { STATUS_ORDER, statusFill } from '../../charts/palette.ts';
import { type BarGroup, drawStackedBars } from '../../charts/stacked-bars.ts';
import { ResizeController } from '../../controllers/resize-controller.ts';
import { MOVE_OF_STATUS, moveBarGroup, moveLabel } from '../../digest/digest-bars.ts';
import { type DigestText, digestSentences, type GroupSentence } from '../../digest/sentences.ts';
import { DigestRoundsEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { pageHeaderStyles, sharedStyles } from '../shared.styles.ts';
import { styles } from './mr-digest.styles.ts';

/** Units beyond these have no bar, and in print only their name: the page must fit one sheet. */
const UNITS_SHOWN = 8;
/** Recommendations listed with an excerpt per move; more are listed by number only. */
const EXCERPTS_SHOWN = 6;

/**
 * @fires mr-digest-rounds - the reader picked other rounds to compare.
 */
export class MrDigest extends LitElement {
  static override styles = [sharedStyles, pageHeaderStyles, styles];
  static override properties = {
    i18n: { attribute: false },
    digest: { attribute: false },
    error: { attribute: false },
  };

  declare i18n: I18n;
  declare digest: DigestResponse | undefined;
  /** The API's refusal (e.g. a sheet with one round), shown in place of the digest. */
  declare error: { message: string } | undefined;

  readonly #size = new ResizeController(this);
  #text: DigestText | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('digest') || changed.has('i18n')) && this.digest)
      this.#text = digestSentences(this.digest, this.i18n);
  }

  #handleRounds = (event: Event) => {
    const form = (event.target as HTMLElement).closest('form')!;
    const data = new FormData(form);
    this.dispatchEvent(new DigestRoundsEvent(String(data.get('from')), String(data.get('to'))));
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const d = this.digest;
    const text = this.#text;
    if (!d || !text || this.#size.width === 0) return;
    const charts: [string, BarGroup[]][] = [
      ['pillar', d.byPillar.map((g, i) => moveBarGroup(g.key, text.byPillar[i]!.label, g))],
      ['unit', d.byUnit.slice(0, UNITS_SHOWN).map((g) => moveBarGroup(g.key, g.label, g))],
    ];
    for (const [name, groups] of charts) {
      const element = this.renderRoot.querySelector<SVGSVGElement>(`svg.chart.${name}`);
      const width = element?.parentElement?.clientWidth ?? 0;
      if (!element || width === 0) continue;
      drawStackedBars(element, groups, {
        width,
        idPrefix: `mr-digest-${name}`,
        rtl: this.i18n.dir === 'rtl',
        interactive: false,
        barHeight: 16,
        // Beside the bars down to a narrow column (the printed page's): the sentences below
        // carry the full names a short label cuts.
        labelsAbove: width < 300,
        statusLabel: (s) => moveLabel(this.i18n, MOVE_OF_STATUS[s]),
        formatCount: (n) => this.i18n.number(n),
        segmentLabel: (g, s, n) =>
          this.i18n.t('digest.segment', {
            group: g.label,
            count: n,
            move: moveLabel(this.i18n, MOVE_OF_STATUS[s]),
          }),
        isSelected: () => false,
      });
    }
  }

  /** The swatches use the patterns of a chart on the page (pattern ids are per chart). */
  #legend(chart: 'pillar' | 'unit' | undefined) {
    if (!chart) return nothing;
    return html`<ul class="legend" aria-label=${this.i18n.t('chart.legend')}>
      ${STATUS_ORDER.map(
        (s) =>
          html`<li>
            <svg width="14" height="14" aria-hidden="true">
              ${svg`<rect width="14" height="14" fill=${statusFill(s, `mr-digest-${chart}`)}></rect>`}
            </svg>
            ${moveLabel(this.i18n, MOVE_OF_STATUS[s])}
          </li>`,
      )}
    </ul>`;
  }

  #chart(name: 'pillar' | 'unit', heading: string, sentences: GroupSentence[], drawn: number) {
    return html`<section class="card" aria-labelledby=${`digest-${name}`}>
      <h2 id=${`digest-${name}`}>${heading}</h2>
      ${
        sentences.length === 0
          ? html`<p class="muted">${this.i18n.t('digest.none')}</p>`
          : html`<div class="frame"><svg class="chart ${name}" role="img" aria-labelledby=${`digest-${name}`}></svg></div>
              <ul class="sentences">
                ${sentences.map((s, i) => html`<li class=${i < drawn ? '' : 'extra'}>${s.sentence}</li>`)}
              </ul>`
      }
      ${
        drawn < sentences.length
          ? html`<p class="more muted screen-only">${this.i18n.t('digest.unitsDrawn', { count: drawn })}</p>
              <p class="more print-only">
                ${this.i18n.t('digest.moreUnits', {
                  count: sentences.length - drawn,
                  units: sentences
                    .slice(drawn)
                    .map((s) => s.label)
                    .join(', '),
                })}
              </p>`
          : nothing
      }
    </section>`;
  }

  #list(heading: string, items: DigestResponse['items']['newlyCompleted']) {
    const withExcerpt = items.length <= EXCERPTS_SHOWN;
    return html`<section class="card">
      <h2>${heading} (${this.i18n.number(items.length)})</h2>
      ${
        items.length === 0
          ? html`<p class="ids muted">${this.i18n.t('digest.none')}</p>`
          : withExcerpt
            ? html`<ul class="items">
                ${items.map((i) => html`<li><strong>#${i.id}</strong> ${i.excerpt}</li>`)}
              </ul>`
            : html`<p class="ids">${items.map((i) => `#${i.id}`).join(', ')}</p>`
      }
    </section>`;
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error.message}</p>`;
    const d = this.digest;
    const text = this.#text;
    if (!d || !text) return html`<p class="muted" role="status">${this.i18n.t('app.loading')}</p>`;
    const earlier = d.rounds.slice(0, d.rounds.indexOf(d.to));
    const later = d.rounds.slice(d.rounds.indexOf(d.from) + 1);
    return html`<article class="page">
      <header>
        <div>
          <h1>${text.title}</h1>
          <p class="age muted">
            ${this.i18n.t('header.dataAsOf', { time: this.i18n.dateTime(d.staleness.checkedAt ?? d.syncedAt), relative: this.i18n.relative(d.staleness.checkedAt ?? d.syncedAt) })}
          </p>
        </div>
        <form class="no-print" @change=${this.#handleRounds} @submit=${(e: Event) => e.preventDefault()}>
          <label>
            ${this.i18n.t('digest.from')}
            <select name="from">
              ${earlier.map((r) => html`<option value=${r} ?selected=${r === d.from}>${r}</option>`)}
            </select>
          </label>
          <label>
            ${this.i18n.t('digest.to')}
            <select name="to">
              ${later.map((r) => html`<option value=${r} ?selected=${r === d.to}>${r}</option>`)}
            </select>
          </label>
          <button type="button" @click=${() => window.print()}>${this.i18n.t('digest.print')}</button>
        </form>
      </header>
      <p class="intro">${text.intro}</p>
      <ul class="totals">
        ${text.totals.map((s) => html`<li>${s}</li>`)}
      </ul>
      ${this.#legend(d.breakdowns[0])}
      <div class="charts">
        ${d.breakdowns.includes('pillar') ? this.#chart('pillar', this.i18n.t('digest.byPillar'), text.byPillar, text.byPillar.length) : nothing}
        ${d.breakdowns.includes('unit') ? this.#chart('unit', this.i18n.t('digest.byUnit'), text.byUnit, Math.min(UNITS_SHOWN, text.byUnit.length)) : nothing}
      </div>
      <div class="lists">
        ${this.#list(this.i18n.t('digest.list'), d.items.newlyCompleted)}
        ${d.items.reopened.length ? this.#list(this.i18n.t('digest.listReopened'), d.items.reopened) : nothing}
        ${d.totals.overdue !== null ? this.#list(this.i18n.t('digest.listOverdue'), d.items.overdue) : nothing}
      </div>
    </article>`;
  }
}

customElements.define('mr-digest', MrDigest);

declare global {
  interface HTMLElementTagNameMap {
    'mr-digest': MrDigest;
  }
}
