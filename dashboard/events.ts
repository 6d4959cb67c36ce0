// The dashboard's events: typed, bubbling out of shadow roots, named for what the reader did.
import type { UnitRole } from '../data/query.ts';
import type { Locale } from './i18n/i18n.ts';
import type { FilterDimension, SortKey } from './state/view-state.ts';

/** The reader clicked a bar segment: filter by that group and status. */
export class SegmentSelectEvent extends Event {
  static readonly type = 'mr-segment-select';
  constructor(
    readonly dimension: Exclude<FilterDimension, 'status'>,
    readonly group: string,
    readonly status: string,
  ) {
    super(SegmentSelectEvent.type, { bubbles: true, composed: true });
  }
}

/** A filter chip was removed (value null: all filters). */
export class FilterRemoveEvent extends Event {
  static readonly type = 'mr-filter-remove';
  constructor(
    readonly dimension: FilterDimension | 'q' | 'overdue' | null,
    readonly value: string | null,
  ) {
    super(FilterRemoveEvent.type, { bubbles: true, composed: true });
  }
}

export class RoundChangeEvent extends Event {
  static readonly type = 'mr-round-change';
  constructor(readonly round: string) {
    super(RoundChangeEvent.type, { bubbles: true, composed: true });
  }
}

export class UnitRoleChangeEvent extends Event {
  static readonly type = 'mr-unit-role-change';
  constructor(readonly role: UnitRole) {
    super(UnitRoleChangeEvent.type, { bubbles: true, composed: true });
  }
}

export class SearchEvent extends Event {
  static readonly type = 'mr-search';
  constructor(readonly q: string) {
    super(SearchEvent.type, { bubbles: true, composed: true });
  }
}

export class SortEvent extends Event {
  static readonly type = 'mr-sort';
  constructor(readonly sort: SortKey) {
    super(SortEvent.type, { bubbles: true, composed: true });
  }
}

/** Open a recommendation in the detail panel (id null: close it). */
export class OpenRecommendationEvent extends Event {
  static readonly type = 'mr-open-recommendation';
  constructor(readonly id: string | null) {
    super(OpenRecommendationEvent.type, { bubbles: true, composed: true });
  }
}

/** The reader asked for only the overdue recommendations, or for all again. */
export class OverdueToggleEvent extends Event {
  static readonly type = 'mr-overdue-toggle';
  constructor(readonly overdue: boolean) {
    super(OverdueToggleEvent.type, { bubbles: true, composed: true });
  }
}

/** The reader picked another interface language. */
export class LangChangeEvent extends Event {
  static readonly type = 'mr-lang-change';
  constructor(readonly lang: Locale) {
    super(LangChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The reader picked the two rounds a digest compares. */
export class DigestRoundsEvent extends Event {
  static readonly type = 'mr-digest-rounds';
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(DigestRoundsEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'mr-segment-select': SegmentSelectEvent;
    'mr-filter-remove': FilterRemoveEvent;
    'mr-round-change': RoundChangeEvent;
    'mr-unit-role-change': UnitRoleChangeEvent;
    'mr-search': SearchEvent;
    'mr-sort': SortEvent;
    'mr-open-recommendation': OpenRecommendationEvent;
    'mr-overdue-toggle': OverdueToggleEvent;
    'mr-lang-change': LangChangeEvent;
    'mr-digest-rounds': DigestRoundsEvent;
  }
}
