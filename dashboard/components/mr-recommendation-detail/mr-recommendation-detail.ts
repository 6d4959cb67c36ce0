// One recommendation in full, in a dialog: text, points, key actions, links, every round.
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import type { DetailResponse } from '../../api/types.ts';
import { OpenRecommendationEvent } from '../../events.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { sharedStyles } from '../shared.styles.ts';

type Detail = DetailResponse['recommendation'];
type Point = Detail['points'][number];

/**
 * Sheet text is rendered as text only: Lit's text bindings escape it, so a pasted `<img onerror>`
 * shows as characters.
 *
 * @fires mr-open-recommendation - a linked recommendation was chosen, or the dialog closed (null).
 */
export class MrRecommendationDetail extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dialog {
        width: min(52rem, calc(100vw - 1rem));
        max-height: calc(100vh - 2rem);
        border: 1px solid var(--mr-border);
        border-radius: 10px;
        padding: 0;
      }
      dialog::backdrop {
        background: rgba(27, 31, 36, 0.45);
      }
      .bar {
        position: sticky;
        top: 0;
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        background: var(--mr-surface);
        border-bottom: 1px solid var(--mr-border);
        padding: 0.75rem 1rem;
      }
      .bar h2 {
        margin: 0;
      }
      .body {
        padding: 1rem;
      }
      dl.facts {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0 0 1rem;
        font-size: 0.9rem;
      }
      dl.facts dt {
        font-weight: 600;
      }
      dl.facts dd {
        margin: 0;
      }
      h3 {
        font-size: 0.95rem;
        margin: 1.1rem 0 0.35rem;
      }
      .text {
        white-space: pre-line;
        margin: 0;
      }
      .point {
        border-inline-start: 3px solid var(--mr-border);
        padding-inline-start: 0.75rem;
        margin: 0.75rem 0;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.875rem;
      }
      th,
      td {
        border-bottom: 1px solid var(--mr-border);
        padding: 0.35rem 0.5rem;
        text-align: start;
        vertical-align: top;
      }
      ul.linked {
        padding-inline-start: 1.1rem;
        margin: 0;
      }
      .linked button {
        border: none;
        background: none;
        color: var(--mr-accent);
        text-decoration: underline;
        padding: 0;
        min-height: 0;
      }
      .overdue {
        margin-inline-start: 0.4rem;
        color: var(--mr-error-border);
      }
      .finding {
        font-size: 0.85rem;
      }
      @media (max-width: 520px) {
        dl.facts {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    detail: { attribute: false },
    open: { type: Boolean },
  };

  declare i18n: I18n;
  declare detail: DetailResponse | undefined;
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('button.close')?.focus();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  #close = () => this.dispatchEvent(new OpenRecommendationEvent(null));

  #rounds(item: Detail | Point) {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${this.i18n.t('detail.round')}</th>
          <th scope="col">${this.i18n.t('detail.status')}</th>
          ${this.detail?.due ? html`<th scope="col">${this.i18n.t('detail.due')}</th>` : nothing}
          <th scope="col">${this.i18n.t('detail.comment')}</th>
        </tr>
      </thead>
      <tbody>
        ${(this.detail?.rounds ?? []).map((round) => {
          const entry = item.monitoring[round];
          return html`<tr>
            <th scope="row">${round}</th>
            <td>${this.i18n.t(`status.${entry?.status ?? 'unreported'}`)}</td>
            ${this.detail?.due ? html`<td>${this.#date(entry?.dueDate ?? item.dueDate)}</td>` : nothing}
            <td class="text">${entry?.comment || html`<span class="muted">${this.i18n.t('detail.noComment')}</span>`}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }

  #date(iso: string | null) {
    return iso ? this.i18n.date(iso) : '—';
  }

  /** The due date that applies now, marked when it has passed (only for a sheet with due dates). */
  #due() {
    const due = this.detail?.due;
    if (!due) return nothing;
    return html`<dt>${this.i18n.t('detail.due')}</dt>
      <dd>
        ${this.#date(due.date)}
        ${due.overdue && due.round ? html`<strong class="overdue">${this.i18n.t('detail.overdue', { round: due.round })}</strong>` : nothing}
      </dd>`;
  }

  #actionable(item: Detail | Point) {
    return html`<dl class="facts">
        <dt>${this.i18n.t('detail.responsible')}</dt>
        <dd>${item.responsible.join(', ') || '—'}</dd>
        <dt>${this.i18n.t('detail.support')}</dt>
        <dd>${item.support.join(', ') || '—'}</dd>
        <dt>${this.i18n.t('detail.response')}</dt>
        <dd>${item.response ? this.i18n.t(`response.${item.response}`) : '—'}</dd>
      </dl>
      ${item.responseComment ? html`<h3>${this.i18n.t('detail.responseComment')}</h3><p class="text">${item.responseComment}</p>` : nothing}
      ${item.keyActions ? html`<h3>${this.i18n.t('detail.keyActions')}</h3><p class="text">${item.keyActions}</p>` : nothing}`;
  }

  override render() {
    const d = this.detail;
    const r = d?.recommendation;
    return html`<dialog aria-labelledby="detail-title" @close=${this.#close} @cancel=${this.#close}>
      <div class="bar">
        <h2 id="detail-title">${r ? this.i18n.t('detail.title', { id: r.id }) : this.i18n.t('app.loading')}</h2>
        <button type="button" class="close" @click=${this.#close}>${this.i18n.t('detail.close')}</button>
      </div>
      ${
        r
          ? html`<div class="body">
              <dl class="facts">
                <dt>${this.i18n.t('detail.pillar')}</dt>
                <dd>${r.pillar ? this.i18n.pillar(r.pillar) : '—'}</dd>
                <dt>${this.i18n.t('detail.criterion')}</dt>
                <dd>
                  ${r.criterion ? this.i18n.criterion(r.criterion) : '—'}
                  ${r.evaluationNumber ? html`<span class="muted">(${this.i18n.t('detail.evaluation', { number: r.evaluationNumber })})</span>` : nothing}
                </dd>
                ${this.#due()}
              </dl>
              <p class="text">${r.text}</p>
              ${r.points.length === 0 ? this.#actionable(r) : nothing}
              ${
                r.points.length
                  ? html`<h3>${this.i18n.t('detail.points')}</h3>
                      ${r.points.map(
                        (p) => html`<div class="point">
                          <h3 class="point-title">${this.i18n.t('detail.point', { id: `${r.id}${p.id}` })}</h3>
                          <p class="text">${p.text}</p>
                          ${this.#actionable(p)} ${this.#rounds(p)}
                        </div>`,
                      )}`
                  : nothing
              }
              <h3>${this.i18n.t('detail.rounds')}</h3>
              ${this.#rounds(r)}
              ${
                d.linked.length
                  ? html`<h3>${this.i18n.t('detail.linked')}</h3>
                      <ul class="linked">
                        ${d.linked.map(
                          (l) => html`<li>
                            <button type="button" @click=${() => this.dispatchEvent(new OpenRecommendationEvent(l.id))}>#${l.id}</button>
                            <span class="muted">${l.text.slice(0, 140)}${l.text.length > 140 ? '…' : ''}</span>
                          </li>`,
                        )}
                      </ul>`
                  : nothing
              }
              ${
                d.findings.length
                  ? html`<h3>${this.i18n.t('detail.findings')}</h3>
                      ${d.findings.map((f) => html`<p class="finding">${f.cell ? `${f.cell}: ` : ''}${f.message}</p>`)}`
                  : nothing
              }
            </div>`
          : nothing
      }
    </dialog>`;
  }
}

customElements.define('mr-recommendation-detail', MrRecommendationDetail);

declare global {
  interface HTMLElementTagNameMap {
    'mr-recommendation-detail': MrRecommendationDetail;
  }
}
