// The admin page: run a sync, read the sync log, and manage donor share links.
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { PILLARS } from '../../../data/vocabulary.ts';
import { client, json } from '../../api/client.ts';
import type { ShareLinkView } from '../../api/types.ts';
import { type I18n, isLocale, LANGUAGE_NAMES, LOCALES } from '../../i18n/i18n.ts';
import { sharedStyles } from '../shared.styles.ts';

const BREAKDOWNS = ['pillar', 'criterion', 'unit', 'response'] as const;

export class MrAdmin extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 1rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        font-size: 0.85rem;
      }
      th,
      td {
        border-bottom: 1px solid var(--mr-border);
        padding: 0.35rem 0.5rem;
        text-align: start;
        vertical-align: top;
      }
      .scroll {
        overflow-x: auto;
      }
      form {
        display: grid;
        gap: 0.75rem;
        max-width: 36rem;
      }
      fieldset {
        border: 1px solid var(--mr-border);
        border-radius: 6px;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
      }
      label.field {
        display: grid;
        gap: 0.2rem;
        font-size: 0.875rem;
      }
      input[type='text'],
      input[type='number'] {
        padding: 0.35rem 0.5rem;
        border: 1px solid var(--mr-border);
        border-radius: 6px;
      }
      .created {
        background: #dafbe1;
        border: 1px solid #4ac26b;
        border-radius: 6px;
        padding: 0.75rem;
      }
      .created code {
        word-break: break-all;
      }
      .row-actions {
        display: flex;
        gap: 0.35rem;
        flex-wrap: wrap;
      }
      .error {
        color: var(--mr-error-border);
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    _created: { state: true },
    _message: { state: true },
    _syncing: { state: true },
  };

  declare i18n: I18n;
  declare _created: string | null;
  declare _message: string;
  declare _syncing: boolean;

  #links = new Task(this, {
    task: async () => json(await client.api.admin.links.$get()),
    args: () => [],
  });

  #sync = new Task(this, {
    task: async () => json(await client.api.sync.$get()),
    args: () => [],
  });

  constructor() {
    super();
    this._created = null;
    this._message = '';
    this._syncing = false;
  }

  async #act(action: () => Promise<unknown>) {
    this._message = '';
    try {
      await action();
    } catch (error) {
      this._message = (error as Error).message;
    }
  }

  #syncNow = (event: Event) => {
    event.preventDefault();
    const force = (this.renderRoot.querySelector('#force') as HTMLInputElement).checked;
    this._syncing = true;
    void this.#act(async () => {
      const response = await client.api.sync.$post({ json: { force } });
      // A failed sync answers 502 with the run: show it like any other.
      if (!response.ok && response.status !== 502) await json(response);
      await this.#sync.run();
    }).finally(() => {
      this._syncing = false;
    });
  };

  #create = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    void this.#act(async () => {
      const body = await json(
        await client.api.admin.links.$post({
          json: {
            label: String(data.get('label') ?? ''),
            expiresInDays: Number(data.get('days') ?? 30),
            scope: {
              pillars: data.getAll('pillar').map(String) as ('1' | '2' | '3' | '4' | '5')[],
              breakdowns: data.getAll('breakdown').map(String) as (typeof BREAKDOWNS)[number][],
              comments: data.get('comments') === 'on',
              units: data.get('units') === 'on',
            },
            lang: isLocale(String(data.get('lang')))
              ? (String(data.get('lang')) as (typeof LOCALES)[number])
              : null,
          },
        }),
      );
      this._created = body.url;
      form.reset();
      await this.#links.run();
    });
  };

  #revoke(id: string) {
    void this.#act(async () => {
      await json(await client.api.admin.links[':id'].revoke.$post({ param: { id } }));
      await this.#links.run();
    });
  }

  #extend(id: string) {
    void this.#act(async () => {
      await json(
        await client.api.admin.links[':id'].extend.$post({ param: { id }, json: { days: 30 } }),
      );
      await this.#links.run();
    });
  }

  #copy = async () => {
    if (!this._created) return;
    await navigator.clipboard.writeText(this._created);
    this._message = this.i18n.t('admin.copied');
  };

  #scope(link: ShareLinkView): string {
    const pillars = link.scope.pillars.length
      ? link.scope.pillars.join(', ')
      : this.i18n.t('admin.allPillars');
    const extras = [
      link.scope.comments ? this.i18n.t('admin.comments') : '',
      link.scope.units ? '' : this.i18n.t('admin.noUnits'),
    ].filter(Boolean);
    const lang = `${this.i18n.t('admin.linkLang')}: ${link.lang ? LANGUAGE_NAMES[link.lang] : this.i18n.t('admin.langReader')}`;
    return [pillars, link.scope.breakdowns.join(', '), ...extras, lang].join(' · ');
  }

  override render() {
    const t = (k: Parameters<I18n['t']>[0], v?: Record<string, string | number>) =>
      this.i18n.t(k, v);
    const sync = this.#sync.value;
    const links = this.#links.value?.links ?? [];
    return html`
      <section class="card" aria-labelledby="sync-title">
        <h2 id="sync-title">${t('admin.sync')}</h2>
        ${sync ? html`<p>${t('admin.syncState', { state: sync.status.state, revision: sync.status.revision })}</p>` : nothing}
        <form @submit=${this.#syncNow}>
          <label><input type="checkbox" id="force" /> ${t('admin.syncForce')}</label>
          <div><button type="submit" ?disabled=${this._syncing}>${this._syncing ? t('admin.syncRunning') : t('admin.syncNow')}</button></div>
        </form>
        <h3>${t('admin.log')}</h3>
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">${t('admin.logWhen')}</th>
                <th scope="col">${t('admin.logTrigger')}</th>
                <th scope="col">${t('admin.logOutcome')}</th>
                <th scope="col">${t('admin.logSummary')}</th>
              </tr>
            </thead>
            <tbody>
              ${(sync?.runs ?? []).map(
                (run) => html`<tr>
                  <td>${this.i18n.dateTime(run.startedAt)}</td>
                  <td>${run.trigger}</td>
                  <td>${run.outcome}</td>
                  <td>${run.summary}${run.findings.length ? html`<ul>${run.findings.map((f) => html`<li>${f.cell ?? ''} ${f.message}</li>`)}</ul>` : nothing}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </section>

      <section class="card" aria-labelledby="links-title">
        <h2 id="links-title">${t('admin.links')}</h2>
        ${this._message ? html`<p role="status" class=${this._message === t('admin.copied') ? '' : 'error'}>${this._message}</p>` : nothing}
        ${
          this._created
            ? html`<div class="created" role="status">
                <p>${t('admin.created')}</p>
                <p><code>${this._created}</code></p>
                <button type="button" @click=${this.#copy}>${t('admin.copy')}</button>
              </div>`
            : nothing
        }
        ${
          links.length === 0
            ? html`<p class="muted">${t('admin.linksNone')}</p>`
            : html`<div class="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t('admin.linkLabel')}</th>
                      <th scope="col">${t('admin.linkScope')}</th>
                      <th scope="col">${t('admin.linkExpires')}</th>
                      <th scope="col">${t('admin.linkLastUsed')}</th>
                      <th scope="col">${t('admin.linkState')}</th>
                      <th scope="col"><span class="visually-hidden">${t('admin.revoke')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${links.map(
                      (link) => html`<tr>
                        <td>${link.label}</td>
                        <td>${this.#scope(link)}</td>
                        <td>${this.i18n.dateTime(link.expiresAt)}</td>
                        <td>${link.lastUsedAt ? this.i18n.dateTime(link.lastUsedAt) : t('admin.linkNever')}</td>
                        <td>${t(`admin.state.${link.state}`)}</td>
                        <td class="row-actions">
                          ${
                            link.state === 'revoked'
                              ? nothing
                              : html`<button type="button" @click=${() => this.#extend(link.id)} aria-label=${`${t('admin.extend', { days: 30 })}: ${link.label}`}>
                                    ${t('admin.extend', { days: 30 })}
                                  </button>
                                  <button type="button" @click=${() => this.#revoke(link.id)} aria-label=${`${t('admin.revoke')}: ${link.label}`}>${t('admin.revoke')}</button>`
                          }
                        </td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>`
        }
        <h3>${t('admin.create')}</h3>
        <form @submit=${this.#create}>
          <label class="field">${t('admin.linkLabel')} <input type="text" name="label" required maxlength="120" /></label>
          <label class="field">${t('admin.days')} <input type="number" name="days" min="1" max="365" value="30" required /></label>
          <fieldset>
            <legend>${t('admin.pillars')}</legend>
            ${PILLARS.map((p) => html`<label><input type="checkbox" name="pillar" value=${p.key} /> ${this.i18n.pillar(p.key)}</label>`)}
          </fieldset>
          <fieldset>
            <legend>${t('admin.breakdowns')}</legend>
            ${BREAKDOWNS.map((b) => html`<label><input type="checkbox" name="breakdown" value=${b} checked /> ${t(`chart.${b}`)}</label>`)}
          </fieldset>
          <label><input type="checkbox" name="comments" /> ${t('admin.comments')}</label>
          <label><input type="checkbox" name="units" checked /> ${t('admin.units')}</label>
          <label class="field">
            ${t('admin.lang')}
            <select name="lang">
              <option value="">${t('admin.langReader')}</option>
              ${LOCALES.map((l) => html`<option value=${l} lang=${l}>${LANGUAGE_NAMES[l]}</option>`)}
            </select>
          </label>
          <div><button type="submit">${t('admin.createButton')}</button></div>
        </form>
      </section>
    `;
  }
}

customElements.define('mr-admin', MrAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'mr-admin': MrAdmin;
  }
}
