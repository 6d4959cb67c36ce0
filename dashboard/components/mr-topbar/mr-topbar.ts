// The strip above every page: where the reader can go, and the language they read it in.
import { css, html, LitElement, nothing } from 'lit';
import { LangChangeEvent } from '../../events.ts';
import { type I18n, isLocale, LANGUAGE_NAMES, LOCALES } from '../../i18n/i18n.ts';
import { sharedStyles } from '../shared.styles.ts';

export type Page = 'dashboard' | 'digest' | 'admin';

/**
 * @fires mr-lang-change - the reader picked another language.
 */
export class MrTopbar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: flex-end;
        gap: 0.5rem 1rem;
      }
      nav ul {
        display: flex;
        gap: 1rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      a {
        color: var(--mr-accent);
      }
      a[aria-current='page'] {
        color: var(--mr-text);
        font-weight: 600;
        text-decoration: none;
      }
      label {
        display: inline-flex;
        align-items: center;
        gap: 0.4rem;
        font-size: 0.85rem;
      }
      select {
        min-height: 2rem;
      }
    `,
  ];
  static override properties = {
    i18n: { attribute: false },
    page: {},
    basePath: {},
    admin: { type: Boolean },
    chosenLang: { attribute: false },
  };

  declare i18n: I18n;
  declare page: Page;
  /** '' for staff, '/shared' for a donor's link: the pages live under it. */
  declare basePath: string;
  declare admin: boolean;
  /** The language the address names (null: the browser's), carried to the other pages. */
  declare chosenLang: string | null;

  constructor() {
    super();
    this.page = 'dashboard';
    this.basePath = '';
    this.admin = false;
    this.chosenLang = null;
  }

  /** A page's address in the reader's language: switching pages keeps the language. */
  #href(page: Page): string {
    const path = page === 'dashboard' ? '/' : `/${page}`;
    return `${this.basePath}${path}${this.chosenLang ? `?lang=${encodeURIComponent(this.chosenLang)}` : ''}`;
  }

  #link(page: Page, label: string) {
    return html`<li>
      <a href=${this.#href(page)} aria-current=${this.page === page ? 'page' : nothing}>${label}</a>
    </li>`;
  }

  #handleLang = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (isLocale(value)) this.dispatchEvent(new LangChangeEvent(value));
  };

  override render() {
    return html`<div class="bar no-print">
      <nav aria-label=${this.i18n.t('nav.pages')}>
        <ul>
          ${this.#link('dashboard', this.i18n.t('nav.dashboard'))}
          ${this.#link('digest', this.i18n.t('nav.digest'))}
          ${this.admin ? this.#link('admin', this.i18n.t('nav.admin')) : nothing}
        </ul>
      </nav>
      <label>
        ${this.i18n.t('lang.label')}
        <select @change=${this.#handleLang}>
          ${LOCALES.map(
            (l) =>
              html`<option value=${l} lang=${l} ?selected=${l === this.i18n.locale}>${LANGUAGE_NAMES[l]}</option>`,
          )}
        </select>
      </label>
    </div>`;
  }
}

customElements.define('mr-topbar', MrTopbar);

declare global {
  interface HTMLElementTagNameMap {
    'mr-topbar': MrTopbar;
  }
}
