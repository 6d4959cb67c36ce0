// The header strip: title, how old the data is, warnings when it may be stale, the round selector.
import { css, html, LitElement, nothing } from 'lit';
import type { SummaryResponse } from '../../api/types.ts';
import { RoundChangeEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { pageHeaderStyles, sharedStyles } from '../shared.styles.ts';

/**
 * @fires mr-round-change - the reader picked another monitoring round.
 */
export class MrHeader extends LitElement {
  static override styles = [
    sharedStyles,
    pageHeaderStyles,
    css`
      :host {
        display: block;
      }
      .subtitle {
        margin: 0.15rem 0 0;
        font-size: 0.95rem;
      }
      select {
        min-width: 9rem;
        padding: 0.2rem 0.4rem;
      }
      .alert {
        margin: 0.75rem 0 0;
        padding: 0.6rem 0.8rem;
        border-radius: 6px;
        border: 1px solid var(--mr-warning-border);
        background: var(--mr-warning-bg);
        font-size: 0.9rem;
      }
      .alert.error {
        border-color: var(--mr-error-border);
        background: var(--mr-error-bg);
      }
      .alert strong {
        margin-inline-end: 0.25rem;
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    summary: { attribute: false },
    round: {},
  };

  declare i18n: I18n;
  declare summary: SummaryResponse | undefined;
  declare round: string;

  #handleRound = (event: Event) => {
    this.dispatchEvent(new RoundChangeEvent((event.target as HTMLSelectElement).value));
  };

  #warnings() {
    const s = this.summary?.staleness;
    if (!s) return nothing;
    const warnings = [];
    if (s.lastSyncFailed && s.lastSync) {
      const rejected = s.lastSync.outcome === 'rejected';
      warnings.push(
        html`<p class="alert error" role="alert">
          ${this.i18n.t(rejected ? 'header.syncRejected' : 'header.syncFailed', { summary: s.lastSync.summary })}
        </p>`,
      );
    }
    if (s.stale) {
      warnings.push(
        html`<p class="alert" role="alert">
          ${this.i18n.t('header.stale', { time: s.checkedAt ? this.i18n.dateTime(s.checkedAt) : '—' })}
        </p>`,
      );
    }
    return warnings;
  }

  override render() {
    const s = this.summary;
    const checkedAt = s?.staleness.checkedAt ?? s?.syncedAt;
    return html`<header>
        <div>
          <h1>${s?.source.title || this.i18n.t('app.title')}</h1>
          <p class="subtitle muted">${this.i18n.t('app.subtitle')}</p>
          ${
            checkedAt
              ? html`<p class="age">
                  ${this.i18n.t('header.dataAsOf', { time: this.i18n.dateTime(checkedAt), relative: this.i18n.relative(checkedAt) })}
                  <span class="muted">
                    · ${this.i18n.t('header.publishedFrom', { version: s?.sourceVersion ?? '—', time: this.i18n.dateTime(s!.syncedAt) })}
                  </span>
                </p>`
              : nothing
          }
          ${s?.source.kind === 'bundled' ? html`<p class="age muted">${this.i18n.t('header.bundled')}</p>` : nothing}
        </div>
        ${
          s && s.rounds.length > 0
            ? html`<label class="no-print">
                ${this.i18n.t('header.round')}
                <select @change=${this.#handleRound}>
                  ${s.rounds.map((r) => html`<option value=${r} ?selected=${r === this.round}>${r}</option>`)}
                </select>
              </label>`
            : nothing
        }
      </header>
      ${this.#warnings()}`;
  }
}

customElements.define('mr-header', MrHeader);

declare global {
  interface HTMLElementTagNameMap {
    'mr-header': MrHeader;
  }
}
