// The active filters as removable chips, so a reader always sees what narrows the view.
import { css, html, LitElement, nothing } from 'lit';
import type { CriterionKey, PillarKey } from '../../../data/vocabulary.ts';
import { FilterRemoveEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { FILTER_DIMENSIONS, type FilterDimension, type ViewState } from '../../state/view-state.ts';
import { sharedStyles } from '../shared.styles.ts';

/**
 * @fires mr-filter-remove - a chip's remove button (dimension and value), or "clear all" (nulls).
 */
export class MrFilterChips extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin: 0;
        padding: 0;
        list-style: none;
        align-items: center;
      }
      .chip {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        background: #ddf4ff;
        border: 1px solid #54aeff;
        border-radius: 999px;
        padding: 0.1rem 0.2rem 0.1rem 0.7rem;
        font-size: 0.85rem;
      }
      .chip button {
        border-radius: 999px;
        min-height: 1.75rem;
        min-width: 1.75rem;
        justify-content: center;
        padding: 0 0.4rem;
        background: transparent;
        border-color: transparent;
      }
      .title {
        font-weight: 600;
        font-size: 0.85rem;
        margin-inline-end: 0.25rem;
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    state: { attribute: false },
    round: {},
  };

  declare i18n: I18n;
  declare state: ViewState;
  declare round: string;

  #valueLabel(dimension: FilterDimension, value: string): string {
    if (value === 'unassigned') return this.i18n.t('group.unassigned');
    if (dimension === 'pillar') return this.i18n.pillar(value as PillarKey);
    if (dimension === 'criterion') return this.i18n.criterion(value as CriterionKey);
    if (dimension === 'response') return this.i18n.t(`response.${value as 'accept'}`);
    if (dimension === 'status') return this.i18n.t(`status.${value as 'open'}`);
    return value;
  }

  #chip(dimension: FilterDimension | 'q' | 'overdue', value: string, text: string) {
    return html`<li class="chip">
      <span>${text}</span>
      <button type="button" aria-label=${this.i18n.t('filters.remove', { label: text })} @click=${() => this.dispatchEvent(new FilterRemoveEvent(dimension, value))}>
        <span aria-hidden="true">×</span>
      </button>
    </li>`;
  }

  override render() {
    const chips = FILTER_DIMENSIONS.flatMap((dimension) =>
      this.state.filters[dimension].map((value) => {
        const name =
          dimension === 'status'
            ? this.i18n.t('filters.status', { round: this.round })
            : this.i18n.t(`filters.${dimension}`);
        return this.#chip(dimension, value, `${name}: ${this.#valueLabel(dimension, value)}`);
      }),
    );
    if (this.state.q)
      chips.push(
        this.#chip('q', this.state.q, `${this.i18n.t('filters.search')}: “${this.state.q}”`),
      );
    if (this.state.overdue)
      chips.push(this.#chip('overdue', 'true', this.i18n.t('filters.overdue')));
    if (chips.length === 0) return nothing;
    return html`<ul aria-label=${this.i18n.t('filters.active')}>
      <li class="title">${this.i18n.t('filters.active')}:</li>
      ${chips}
      <li><button type="button" class="no-print" @click=${() => this.dispatchEvent(new FilterRemoveEvent(null, null))}>${this.i18n.t('filters.clear')}</button></li>
    </ul>`;
  }
}

customElements.define('mr-filter-chips', MrFilterChips);

declare global {
  interface HTMLElementTagNameMap {
    'mr-filter-chips': MrFilterChips;
  }
}
