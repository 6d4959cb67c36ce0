import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  digestQuery,
  INITIAL_STATE,
  readState,
  selectSegment,
  toggleFilter,
  writeState,
} from './view-state.ts';

describe('view state in the address bar', () => {
  it('round-trips every part of the state', () => {
    const state = {
      ...INITIAL_STATE,
      round: 'Time 3',
      filters: {
        pillar: ['2', '3'],
        criterion: ['impact'],
        unit: ['DOE (AAP)'],
        response: ['partial'],
        status: ['open'],
      },
      unitRole: 'support' as const,
      q: 'victim care',
      overdue: true,
      lang: 'ar' as const,
      rec: '48',
      sort: 'round:Time 3' as const,
      descending: true,
      from: 'Time 2',
      to: 'Time 3',
    };
    expect(readState(writeState(state))).toEqual(state);
  });

  it('writes nothing for the initial state and reads it back from an empty query', () => {
    expect(writeState(INITIAL_STATE)).toBe('');
    expect(readState('')).toEqual(INITIAL_STATE);
  });

  it('drops values outside the fixed vocabularies from an old or edited link', () => {
    const state = readState(
      '?pillar=2,9&criterion=efficency&status=open,done&rec=abc&sort=evil&lang=xx',
    );
    expect(state.lang).toBeNull();
    expect(state.filters).toMatchObject({ pillar: ['2'], criterion: [], status: ['open'] });
    expect(state.rec).toBeNull();
    expect(state.sort).toBe('number');
  });

  it('asks the API for the filters, the search and the round, not for display state', () => {
    const state = readState(
      '?pillar=1,2&status=open&round=Time%202&q=x&rec=4&sort=pillar&lang=fr&overdue=true',
    );
    expect(apiQuery(state)).toEqual({
      pillar: '1,2',
      status: 'open',
      round: 'Time 2',
      q: 'x',
      overdue: 'true',
    });
  });

  it('asks the digest for the chosen rounds only', () => {
    expect(digestQuery(readState('?from=Time%202&to=Time%203&pillar=1'))).toEqual({
      from: 'Time 2',
      to: 'Time 3',
    });
    expect(digestQuery(readState('?pillar=1'))).toEqual({});
  });
});

describe('filtering from the charts', () => {
  it('toggles a filter value on and off', () => {
    const once = toggleFilter(INITIAL_STATE, 'pillar', '2');
    expect(once.filters.pillar).toEqual(['2']);
    expect(toggleFilter(once, 'pillar', '2').filters.pillar).toEqual([]);
  });

  it('filters by a segment’s group and status, and a second click undoes it', () => {
    const once = selectSegment(INITIAL_STATE, 'criterion', 'impact', 'open');
    expect(once.filters).toMatchObject({ criterion: ['impact'], status: ['open'] });
    const twice = selectSegment(once, 'criterion', 'impact', 'open');
    expect(twice.filters).toMatchObject({ criterion: [], status: [] });
  });
});
