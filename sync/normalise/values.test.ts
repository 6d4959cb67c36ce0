import { describe, expect, it } from 'vitest';
import { splitUnits } from './units.ts';
import {
  criterionLabelText,
  findEvaluationNumber,
  parseCriterionLabel,
  parseLinked,
  parsePillar,
  parseRecommendationNumber,
  parseResponse,
  parseStatus,
} from './values.ts';

describe('parseRecommendationNumber', () => {
  it.each([
    ['12', 12, null],
    ['#12', 12, null],
    ['Recommendation #12', 12, null],
    ['recommendation 12', 12, null],
    ['Rec. 12', 12, null],
    ['No. 12', 12, null],
    [' 12. ', 12, null],
    ['48a', 48, 'a'],
    ['48 b', 48, 'b'],
    ['48(c)', 48, 'c'],
    ['48.d', 48, 'd'],
    ['#48E', 48, 'e'],
    ['Recommendation #54 a', 54, 'a'],
  ])('reads %j as %d%s', (text, number, point) => {
    expect(parseRecommendationNumber(text)).toEqual({ number, point });
  });

  it.each(['', 'twelve', '12ab', '0', '1.2', 'Pillar 1', '#', '48 a b'])('rejects %j', (text) => {
    expect(parseRecommendationNumber(text)).toBeNull();
  });
});

describe('parsePillar', () => {
  it.each([
    ['3', '3'],
    ['Pillar 3', '3'],
    ['pillar 3: Communication, Capacity Development and Behaviour Change', '3'],
    ['Leadership and Culture', '1'],
    ['Leadership and Organizational Culture', '1'],
    ['Institutional Accountability and Transparency', '2'],
    ['Communication, Capacity-Building and Behaviour Change', '3'],
    ['Capacity Development, Behaviour Change and Communications', '3'],
    ['Quality Victim Assistance', '4'],
    ['Quality and accessible victim assistance', '4'],
    ['PARTNERSHIP AND COORDINATION', '5'],
    ['Victim assistance', '4'],
  ])('reads %j as pillar %s', (text, key) => {
    expect(parsePillar(text)).toBe(key);
  });

  it.each(['6', 'Pillar 0', 'Misc', 'Leadership and partnership'])(
    'does not guess at %j',
    (text) => {
      expect(parsePillar(text)).toBeNull();
    },
  );
});

describe('criteria and evaluation numbers', () => {
  it('finds the evaluation number in a combined cell and keeps a trailing zero', () => {
    expect(findEvaluationNumber('Efficiency: Recommendation 5.1')).toBe('5.1');
    expect(findEvaluationNumber('Recommendation 4.10')).toBe('4.10');
    expect(findEvaluationNumber('5.10')).toBe('5.10');
    expect(findEvaluationNumber('Efficiency')).toBeNull();
  });

  it('reads the label part of a combined cell as written', () => {
    expect(criterionLabelText('Efficiency: Recommendation 5.1')).toBe('Efficiency');
    expect(criterionLabelText('Internal Coherence – 3.2')).toBe('Internal Coherence');
    expect(criterionLabelText('5.1')).toBe('');
  });

  it.each([
    ['Relevance', 'relevance'],
    ['Internal Coherence', 'internal-coherence'],
    ['EXTERNAL COHERENCE', 'external-coherence'],
    ['Effectiveness', 'effectiveness'],
    ['Efficiency: Recommendation 5.1', 'efficiency'],
    ['impact', 'impact'],
    ['Sustainability', 'sustainability'],
    ['5', 'efficiency'],
  ])('reads the criterion label %j', (text, key) => {
    expect(parseCriterionLabel(text)).toBe(key);
  });

  it('does not pick a criterion from an ambiguous label', () => {
    expect(parseCriterionLabel('Coherence')).toBeNull();
    expect(parseCriterionLabel('Impact and sustainability')).toBeNull();
  });
});

describe('responses and statuses', () => {
  it.each([
    ['Accept', 'accept'],
    ['accepted', 'accept'],
    ['ACCEPTED.', 'accept'],
    [' Accept ', 'accept'],
    ['Management response – Accept', 'accept'],
    ['Partially accept', 'partial'],
    ['Partially Accepted', 'partial'],
    ['partially  accepted;', 'partial'],
    ['Partial', 'partial'],
    ['Not accept', 'reject'],
    ['Not Accepted', 'reject'],
    ['Rejected', 'reject'],
    ['does not accept', 'reject'],
  ])('reads the response %j', (text, key) => {
    expect(parseResponse(text)).toBe(key);
  });

  it.each(['Maybe', 'TBD', 'Accept?no', 'accept partially not'])(
    'does not read %j as a response',
    (text) => {
      expect(parseResponse(text)).toBeNull();
    },
  );

  it.each([
    ['open', 'open'],
    ['Open.', 'open'],
    ['COMPLETED ', 'completed'],
    ['Complete', 'completed'],
    ['discarded', 'discarded'],
    ['Discard', 'discarded'],
  ])('reads the status %j', (text, key) => {
    expect(parseStatus(text)).toBe(key);
  });

  it.each(['TBD', 'in progress', 'closed', 'open/completed'])(
    'does not read %j as a status',
    (text) => {
      expect(parseStatus(text)).toBeNull();
    },
  );
});

describe('splitUnits', () => {
  it('splits units joined by "and" and keeps sub-unit qualifiers as written', () => {
    expect(splitUnits('DDG-O and DOE (AAP)').units).toEqual(['DDG-O', 'DOE (AAP)']);
    expect(splitUnits('DOE (GBV, AAP), DPSMM (PXD)').units).toEqual([
      'DOE (GBV, AAP)',
      'DPSMM (PXD)',
    ]);
  });

  it('does not split a unit whose own name has "and" in it', () => {
    expect(splitUnits('Programme and Project Leads/Managers, RD').units).toEqual([
      'Programme and Project Leads/Managers',
      'RD',
    ]);
    expect(splitUnits('Department and Division Leads').units).toEqual([
      'Department and Division Leads',
    ]);
  });

  it('moves units after "with support from" to the supporting list', () => {
    expect(splitUnits('PSEAH, with the support from EO, DOE and OIG')).toEqual({
      units: ['PSEAH'],
      support: ['EO', 'DOE', 'OIG'],
      unbalanced: false,
    });
    expect(splitUnits('PSEAH, in coordination with other UN agencies').support).toEqual([
      'other UN agencies',
    ]);
  });

  it('drops filler and empty markers, and writes spaced dashes the same way', () => {
    expect(splitUnits('EO and various entities, as required').units).toEqual([
      'EO',
      'various entities',
    ]);
    expect(splitUnits('PSEAH Taskforce members, including DHR, LEG, etc').units).toEqual([
      'PSEAH Taskforce members',
      'DHR',
      'LEG',
    ]);
    expect(splitUnits('DDG – O, PSEAH').units).toEqual(['DDG-O', 'PSEAH']);
    expect(splitUnits('n/a').units).toEqual([]);
    expect(splitUnits('').units).toEqual([]);
  });

  it('flags a bracket that never closes', () => {
    const split = splitUnits('PSEAH, DOE (GBV), interagency PSEA) RO, CO');
    expect(split.unbalanced).toBe(true);
    expect(split.units).toContain('PSEAH');
  });

  it('lists each unit once whatever its case', () => {
    expect(splitUnits('PSEAH, pseah, OIG').units).toEqual(['PSEAH', 'OIG']);
  });
});

describe('parseLinked', () => {
  it('reads the numbers a linked cell mentions', () => {
    expect(parseLinked('#12 and #20')).toEqual(['12', '20']);
    expect(parseLinked('38, 53, 54, 53')).toEqual(['38', '53', '54']);
    expect(parseLinked('linked to recommendation #47a')).toEqual(['47']);
    expect(parseLinked('')).toEqual([]);
  });
});
