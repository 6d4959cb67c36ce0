// The dashboard: the state in the address bar, the data through typed API tasks, the views.
import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { ApiError, basePath, client, json } from '../../api/client.ts';
import type {
  DetailResponse,
  DigestResponse,
  HistoryResponse,
  ListResponse,
  MeResponse,
  SummaryResponse,
} from '../../api/types.ts';
import type {
  DigestRoundsEvent,
  FilterRemoveEvent,
  LangChangeEvent,
  OpenRecommendationEvent,
  OverdueToggleEvent,
  RoundChangeEvent,
  SearchEvent,
  SegmentSelectEvent,
  SortEvent,
  UnitRoleChangeEvent,
} from '../../events.ts';
import { I18n, type Locale, preferredLocale } from '../../i18n/i18n.ts';
import {
  apiQuery,
  digestQuery,
  INITIAL_STATE,
  readState,
  selectSegment,
  toggleFilter,
  type ViewState,
  writeState,
} from '../../state/view-state.ts';
import '../mr-admin/mr-admin.ts';
import '../mr-breakdown-chart/mr-breakdown-chart.ts';
import '../mr-data-issues/mr-data-issues.ts';
import '../mr-digest/mr-digest.ts';
import '../mr-filter-chips/mr-filter-chips.ts';
import '../mr-header/mr-header.ts';
import '../mr-headline/mr-headline.ts';
import '../mr-recommendation-detail/mr-recommendation-detail.ts';
import '../mr-recommendation-table/mr-recommendation-table.ts';
import '../mr-round-moves/mr-round-moves.ts';
import '../mr-topbar/mr-topbar.ts';
import type { Page } from '../mr-topbar/mr-topbar.ts';
import { sharedStyles } from '../shared.styles.ts';
import { styles } from './mr-app.styles.ts';

export class MrApp extends LitElement {
  static override styles = [sharedStyles, styles];
  static override properties = {
    _state: { state: true },
  };

  declare _state: ViewState;

  /** Which page this address is: the dashboard, the round digest, or (staff only) admin. */
  readonly #page: Page = pageOf(location.pathname.slice(basePath.length));
  readonly #onDashboard = this.#page === 'dashboard';

  #i18n = new I18n('en');
  /** The interface in the language the address asks for, else the browser's first we have. */
  get i18n(): I18n {
    const locale: Locale = this._state.lang ?? preferredLocale(navigator.languages);
    if (this.#i18n.locale !== locale) this.#i18n = new I18n(locale);
    return this.#i18n;
  }

  #summary = new Task(this, {
    autoRun: this.#onDashboard,
    task: async ([query], { signal }): Promise<SummaryResponse> =>
      json(await client.api.summary.$get({ query }, { init: { signal } })),
    args: () => [apiQuery(this._state)] as const,
    argsEqual: ([a], [b]) => JSON.stringify(a) === JSON.stringify(b),
  });

  #list = new Task(this, {
    autoRun: this.#onDashboard,
    task: async ([query], { signal }): Promise<ListResponse> =>
      json(await client.api.recommendations.$get({ query }, { init: { signal } })),
    args: () => [apiQuery(this._state)] as const,
    argsEqual: ([a], [b]) => JSON.stringify(a) === JSON.stringify(b),
  });

  #detail = new Task(this, {
    autoRun: this.#onDashboard,
    task: async ([id], { signal }): Promise<DetailResponse | undefined> =>
      id === null
        ? undefined
        : json(
            await client.api.recommendations[':id'].$get({ param: { id } }, { init: { signal } }),
          ),
    args: () => [this._state.rec] as const,
  });

  #me = new Task(this, {
    task: async (_, { signal }): Promise<MeResponse> =>
      json(await client.api.me.$get({}, { init: { signal } })),
    args: () => [] as const,
  });

  #history = new Task(this, {
    autoRun: this.#onDashboard,
    task: async (_, { signal }): Promise<HistoryResponse> =>
      json(await client.api.history.$get({}, { init: { signal } })),
    args: () => [] as const,
  });

  #digest = new Task(this, {
    autoRun: this.#page === 'digest',
    task: async ([query], { signal }): Promise<DigestResponse> =>
      json(await client.api.digest.$get({ query }, { init: { signal } })),
    args: () => [digestQuery(this._state)] as const,
    argsEqual: ([a], [b]) => JSON.stringify(a) === JSON.stringify(b),
  });

  constructor() {
    super();
    this._state = INITIAL_STATE;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._state = readState(location.search);
    window.addEventListener('popstate', this.#handlePopState);
  }

  /** The whole document takes the language: its lang and dir, and the title in the tab. */
  protected override willUpdate(): void {
    const { documentElement } = document;
    documentElement.lang = this.i18n.locale;
    documentElement.dir = this.i18n.dir;
    document.title = `${this.i18n.t(this.#page === 'digest' ? 'nav.digest' : this.#page === 'admin' ? 'admin.title' : 'app.title')} – ${this.i18n.t('app.subtitle')}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#handlePopState);
  }

  #handlePopState = () => {
    this._state = readState(location.search);
  };

  /** Every change goes to the address bar: Back undoes a filter, and the link is the view. */
  #setState(next: ViewState, replace = false) {
    this._state = next;
    const url = `${location.pathname}${writeState(next)}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }

  #round(summary: SummaryResponse | undefined): string {
    const rounds = summary?.rounds ?? [];
    return this._state.round && rounds.includes(this._state.round)
      ? this._state.round
      : (rounds.at(-1) ?? '');
  }

  #handleSegment = (e: SegmentSelectEvent) => {
    const round = this.#round(this.#summary.value);
    this.#setState({
      ...selectSegment(this._state, e.dimension, e.group, e.status),
      round: this._state.round ?? (round || null),
    });
  };

  #handleRemove = (e: FilterRemoveEvent) => {
    if (e.dimension === null)
      this.#setState({ ...this._state, filters: INITIAL_STATE.filters, q: '', overdue: false });
    else if (e.dimension === 'q') this.#setState({ ...this._state, q: '' });
    else if (e.dimension === 'overdue') this.#setState({ ...this._state, overdue: false });
    else this.#setState(toggleFilter(this._state, e.dimension, e.value!));
  };

  #handleRound = (e: RoundChangeEvent) => this.#setState({ ...this._state, round: e.round });
  #handleUnitRole = (e: UnitRoleChangeEvent) =>
    this.#setState({
      ...this._state,
      unitRole: e.role,
      filters: { ...this._state.filters, unit: [] },
    });
  #handleSearch = (e: SearchEvent) => this.#setState({ ...this._state, q: e.q }, true);
  #handleSort = (e: SortEvent) =>
    this.#setState(
      {
        ...this._state,
        sort: e.sort,
        descending: this._state.sort === e.sort ? !this._state.descending : false,
      },
      true,
    );
  #handleOpen = (e: OpenRecommendationEvent) => this.#setState({ ...this._state, rec: e.id });
  #handleOverdue = (e: OverdueToggleEvent) =>
    this.#setState({ ...this._state, overdue: e.overdue });
  #handleLang = (e: LangChangeEvent) => this.#setState({ ...this._state, lang: e.lang }, true);
  #handleDigestRounds = (e: DigestRoundsEvent) =>
    this.#setState({ ...this._state, from: e.from, to: e.to });

  #error(error: unknown, retry: () => void) {
    const e = error as { message?: string; action?: string };
    return html`<div class="error" role="alert">
      <p>${e.message ?? String(error)}</p>
      ${e.action ? html`<p>${e.action}</p>` : nothing}
      <button type="button" @click=${retry}>${this.i18n.t('app.retry')}</button>
    </div>`;
  }

  #nav(me: MeResponse | undefined) {
    return html`<mr-topbar
      .i18n=${this.i18n}
      page=${this.#page}
      basePath=${basePath}
      ?admin=${me?.admin === true}
      .chosenLang=${this._state.lang}
      @mr-lang-change=${this.#handleLang}
    ></mr-topbar>`;
  }

  #renderDigest(me: MeResponse | undefined) {
    const error = this.#digest.status === 3 ? (this.#digest.error as Error) : undefined;
    // 409: the sheet has a single round so far; said in the reader's language.
    const failed =
      error instanceof ApiError && error.status === 409
        ? { message: this.i18n.t('digest.needTwo') }
        : error;
    return html`${this.#nav(me)}
      <main @mr-digest-rounds=${this.#handleDigestRounds}>
        <mr-digest
          .i18n=${this.i18n}
          .digest=${failed ? undefined : this.#digest.value}
          .error=${failed}
        ></mr-digest>
      </main>`;
  }

  #renderAdmin(me: MeResponse | undefined) {
    return html`${this.#nav(me)}
      <main>
        <h1>${this.i18n.t('admin.title')}</h1>
        ${me === undefined ? html`<p class="loading" role="status">${this.i18n.t('app.loading')}</p>` : nothing}
        ${me && !me.admin ? html`<p class="error" role="alert">${this.i18n.t('admin.forbidden')}</p>` : nothing}
        ${me?.admin ? html`<mr-admin .i18n=${this.i18n}></mr-admin>` : nothing}
      </main>`;
  }

  override render() {
    const me = this.#me.value;
    if (this.#page === 'admin') return this.#renderAdmin(me);
    if (this.#page === 'digest') return this.#renderDigest(me);
    const summary = this.#summary.value;
    const round = this.#round(summary);
    const state = this._state;
    const csvQuery = new URLSearchParams(apiQuery(state)).toString();
    const donor = me?.kind === 'donor' ? me : null;
    return html`<a class="skip" href="#table">${this.i18n.t('table.title')}</a>
      ${this.#nav(me)}
      <main
        @mr-segment-select=${this.#handleSegment}
        @mr-filter-remove=${this.#handleRemove}
        @mr-round-change=${this.#handleRound}
        @mr-unit-role-change=${this.#handleUnitRole}
        @mr-search=${this.#handleSearch}
        @mr-sort=${this.#handleSort}
        @mr-open-recommendation=${this.#handleOpen}
        @mr-overdue-toggle=${this.#handleOverdue}
      >
        <mr-header .i18n=${this.i18n} .summary=${summary} .round=${round}></mr-header>
        ${
          donor && 'label' in donor
            ? html`<p class="shared-note" role="note">
                ${this.i18n.t('share.viewing', { label: donor.label ?? '', date: this.i18n.dateTime(donor.expiresAt ?? '') })}
              </p>`
            : nothing
        }
        ${this.#summary.status === 3 && !summary ? this.#error(this.#summary.error, () => this.#summary.run()) : nothing}
        ${!summary && this.#summary.status !== 3 ? html`<p class="loading" role="status">${this.i18n.t('app.loading')}</p>` : nothing}
        ${
          summary
            ? html`<mr-headline .i18n=${this.i18n} .summary=${summary} .round=${round} ?overdueOnly=${state.overdue}></mr-headline>
                <mr-filter-chips .i18n=${this.i18n} .state=${state} .round=${round}></mr-filter-chips>
                <div class="charts">
                  ${(['pillar', 'criterion', 'unit', 'response'] as const)
                    // A share link that hides a breakdown gets it empty: no chart for it.
                    .filter((dimension) => !donor || summary.breakdowns[dimension].length > 0)
                    .map(
                      (dimension) => html`<mr-breakdown-chart
                      .i18n=${this.i18n}
                      dimension=${dimension}
                      heading=${this.i18n.t(`chart.${dimension}`)}
                      .groups=${summary.breakdowns[dimension].filter((g) => dimension !== 'unit' || g.total > 0)}
                      round=${round}
                      .selectedGroups=${state.filters[dimension]}
                      .selectedStatuses=${state.filters.status}
                      unitRole=${state.unitRole}
                    ></mr-breakdown-chart>`,
                    )}
                </div>
                <mr-round-moves .i18n=${this.i18n} .summary=${summary} .history=${this.#history.value} .round=${round}></mr-round-moves>`
            : nothing
        }
        ${this.#list.status === 3 && !this.#list.value ? this.#error(this.#list.error, () => this.#list.run()) : nothing}
        ${
          this.#list.value
            ? html`<mr-recommendation-table
                id="table"
                .i18n=${this.i18n}
                .items=${this.#list.value.items}
                .rounds=${this.#list.value.rounds}
                sort=${state.sort}
                ?descending=${state.descending}
                q=${state.q}
                .selected=${state.rec}
                ?dueDates=${summary?.overdue != null}
                csvHref=${`${basePath}/api/export.csv${csvQuery ? `?${csvQuery}` : ''}`}
              ></mr-recommendation-table>`
            : nothing
        }
        ${summary && !donor ? html`<mr-data-issues .i18n=${this.i18n} .summary=${summary}></mr-data-issues>` : nothing}
        <mr-recommendation-detail
          .i18n=${this.i18n}
          .detail=${this.#detail.value?.recommendation.id === state.rec ? this.#detail.value : undefined}
          ?open=${state.rec !== null}
        ></mr-recommendation-detail>
      </main>`;
  }
}

/** The page an address (below the donor prefix) is; anything else is the dashboard (SPA fallback). */
export function pageOf(path: string): Page {
  if (/^\/digest\/?$/.test(path)) return 'digest';
  // Donors have no admin page: under /shared the path /admin is just the dashboard.
  if (basePath === '' && /^\/admin\/?$/.test(path)) return 'admin';
  return 'dashboard';
}

customElements.define('mr-app', MrApp);

declare global {
  interface HTMLElementTagNameMap {
    'mr-app': MrApp;
  }
}
