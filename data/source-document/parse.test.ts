// Pins the generated matrix to the source document: row layout, field values, text fidelity, reproducibility.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type MatrixRow, matrixCsv, matrixTable } from './layout.ts';
import { parseSourceDocument } from './parse.ts';
import { DEFAULT_SOURCE_PATH, MATRIX_CSV_PATH, SHARED_SOURCE_PATH } from './paths.ts';

const source = readFileSync(DEFAULT_SOURCE_PATH, 'utf8');
const rows = parseSourceDocument(source);
const byId = new Map(rows.map((r) => [r.id, r]));
const row = (id: string): MatrixRow => {
  const found = byId.get(id);
  if (!found) throw new Error(`no row ${id}`);
  return found;
};
/** Rows of whole recommendations (plain or parent), not their lettered points. */
const recommendationRows = rows.filter((r) => /^\d+$/.test(r.id));
const POINTS: Record<string, string> = { '48': 'abcde', '54': 'ab', '60': 'abcd' };

describe('row layout', () => {
  it('has the 15 canonical headers in order', () => {
    expect(matrixTable(rows)[0]).toEqual([
      'Recommendation #',
      'Pillar',
      'Evaluation criterion',
      'Evaluation recommendation #',
      'Linked recommendations',
      'Recommendation',
      'Responsible unit(s)',
      'Support from',
      'Management response',
      'Management response comments',
      'Key actions',
      'Implementation monitoring status – discarded/open/completed (Time 2)',
      'Comments on implementation status (Time 2)',
      'Final implementation monitoring status – discarded/open/completed (Time 3)',
      'Final comments on implementation status (Time 3)',
    ]);
  });

  it('has 73 rows: 1..62 in order, points right after their parent', () => {
    const expected = Array.from({ length: 62 }, (_, i) => String(i + 1)).flatMap((id) => [
      id,
      ...[...(POINTS[id] ?? '')].map((letter) => `${id}${letter}`),
    ]);
    expect(rows).toHaveLength(73);
    expect(rows.map((r) => r.id)).toEqual(expected);
  });

  it('puts each recommendation under its pillar (Table 3 ranges)', () => {
    const ranges: [number, number, string][] = [
      [1, 18, 'Pillar 1: Leadership and Organizational Culture'],
      [19, 33, 'Pillar 2: Institutional Accountability and Transparency'],
      [34, 43, 'Pillar 3: Capacity Development, Behaviour Change and Communications'],
      [44, 52, 'Pillar 4: Quality and Accessible Victim Assistance'],
      [53, 62, 'Pillar 5: Partnership and Coordination'],
    ];
    for (const r of rows) {
      const n = Number.parseInt(r.id, 10);
      const pillar = ranges.find(([from, to]) => n >= from && n <= to)?.[2];
      expect(r.pillar, r.id).toBe(pillar);
    }
  });

  it('uses each evaluation recommendation number exactly once', () => {
    const counts: [number, number][] = [
      [1, 7],
      [2, 4],
      [3, 6],
      [4, 16],
      [5, 15],
      [6, 5],
      [7, 9],
    ];
    const expected = counts.flatMap(([major, n]) =>
      Array.from({ length: n }, (_, i) => `${major}.${i + 1}`),
    );
    const actual = recommendationRows.map((r) => r.evaluationNumber);
    expect([...actual].sort()).toEqual([...expected].sort());
    expect(row('10').evaluationNumber).toBe('5.9');
    expect(row('11').evaluationNumber).toBe('5.10');
    expect(row('48').evaluationNumber).toBe('4.10');
    expect(row('62').evaluationNumber).toBe('4.16');
  });

  it('repeats pillar, criterion and evaluation number on points, but not the links', () => {
    for (const [id, letters] of Object.entries(POINTS)) {
      const parent = row(id);
      for (const letter of letters) {
        const point = row(`${id}${letter}`);
        expect([point.pillar, point.criterion, point.evaluationNumber]).toEqual([
          parent.pillar,
          parent.criterion,
          parent.evaluationNumber,
        ]);
        expect(point.linked).toBe('');
      }
    }
  });

  it('leaves the monitoring columns empty', () => {
    for (const r of rows)
      expect([r.status2, r.comments2, r.status3, r.comments3]).toEqual(['', '', '', '']);
  });
});

describe('field values', () => {
  it('keeps the criterion label as the source writes it, even where its number disagrees', () => {
    expect(row('1').criterion).toBe('Internal Coherence');
    expect(row('41').criterion).toBe('Efficiency');
    expect(row('41').evaluationNumber).toBe('6.2');
    expect(row('55').criterion).toBe('Internal Coherence');
    expect(row('55').evaluationNumber).toBe('3.2');
    expect(row('42').criterion).toBe('Efficiency');
    expect(row('44').criterion).toBe('Relevance');
    expect(row('46').criterion).toBe('External Coherence');
  });

  it('reads linked recommendations in every header form', () => {
    expect(row('4').linked).toBe('47');
    expect(row('7').linked).toBe('12, 20');
    expect(row('12').linked).toBe('7, 20');
    expect(row('20').linked).toBe('7, 12, 21, 23');
    expect(row('21').linked).toBe('20, 23');
    expect(row('61').linked).toBe('38, 53, 54');
    expect(row('1').linked).toBe('');
    expect(recommendationRows.filter((r) => r.linked !== '')).toHaveLength(15);
  });

  it('counts 45 accepted, 15 partially accepted and 2 not accepted recommendations', () => {
    const responseOf = (r: MatrixRow): string => {
      const letters = POINTS[r.id];
      if (!letters) return r.response;
      const points = new Set([...letters].map((l) => row(`${r.id}${l}`).response));
      return points.size === 1 ? ([...points][0] ?? '') : 'Partially accept';
    };
    const tally = new Map<string, string[]>();
    for (const r of recommendationRows)
      tally.set(responseOf(r), [...(tally.get(responseOf(r)) ?? []), r.id]);
    expect(tally.get('Accept')).toHaveLength(45);
    expect(tally.get('Partially accept')).toEqual([
      '7',
      '8',
      '9',
      '19',
      '21',
      '29',
      '36',
      '40',
      '41',
      '43',
      '53',
      '55',
      '57',
      '58',
      '60',
    ]);
    expect(tally.get('Not accept')).toEqual(['20', '62']);
  });

  it('normalises every response to one of the three canonical values', () => {
    for (const r of rows) {
      const expected = r.id in POINTS ? [''] : ['Accept', 'Partially accept', 'Not accept'];
      expect(expected, r.id).toContain(r.response);
    }
    expect(row('19').response).toBe('Partially accept');
    expect(row('46').response).toBe('Accept');
    expect(row('20').response).toBe('Not accept');
    expect(row('29').response).toBe('Partially accept');
    expect(row('62').response).toBe('Not accept');
  });

  it('reads units from every label form', () => {
    expect([row('9').responsible, row('9').support]).toEqual(['LEG', 'DHR']);
    expect([row('14').responsible, row('14').support]).toEqual([
      'DDG-MR and PSEAH',
      'DSPOP, IGF, MiRAC Committee',
    ]);
    expect([row('2').responsible, row('2').support]).toEqual(['PSEAH', 'DDG-MR, DDG-O']);
    expect(row('7').support).toBe('DG, DDG-MR, MiRAC Committee');
    expect(row('13').support).toBe('PSEAH');
    expect(row('37').support).toBe('DOE (PSEA Inter-Agency), ERM');
    expect(row('57').support).toBe('LEG, DER, PDX');
    expect(row('62').support).toBe('');
    expect(row('6').support).toBe('');
  });

  it('keeps #43 support and its response comment apart although the source interleaves them', () => {
    expect(row('43').support).toBe('LEG and DHR');
    expect(row('43').responseComments).toBe(
      'IOM evidence indicates mobile applications are not the best modality for use in remote locations',
    );
  });

  it('collects response comments, paragraph by paragraph', () => {
    expect(row('7').responseComments).toMatch(/^Organization needs to ensure that OOM/);
    expect(row('17').responseComments).toMatch(/^IGF allocated funds/);
    expect(row('20').responseComments.split('\n')).toHaveLength(2);
    const c21 = row('21').responseComments.split('\n');
    expect(c21.map((p) => p.slice(0, 20))).toEqual([
      'Not all recommendati',
      'The recommendation i',
      'Additionally, it sho',
    ]);
    expect(row('29').responseComments).toMatch(/^Point b not accepted – WAAI/);
    expect(row('1').responseComments).toBe('');
    const commented = recommendationRows.filter((r) => r.responseComments).map((r) => r.id);
    expect(commented).toEqual([
      '7',
      '8',
      '9',
      '17',
      '19',
      '20',
      '21',
      '29',
      '36',
      '40',
      '41',
      '43',
      '53',
      '55',
      '57',
      '58',
      '62',
    ]);
  });

  it('collects key actions, including #44 overarching action and #21 points', () => {
    expect(row('20').keyActions).toBe('');
    expect(row('62').keyActions).toBe('');
    expect(row('44').keyActions.split('\n')).toEqual([
      'As detailed below in each of the Pillar 4 recommendations',
      "Overarching Key Action: Develop statement defining IOM's victim-cented approach; Develop guidance note on implementation of victim-centred approach in IOM.",
    ]);
    const k21 = row('21').keyActions.split('\n');
    expect(k21.map((l) => l.slice(0, 8))).toEqual(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((l) => `Point ${l}:`),
    );
    expect(k21[0]).toBe('Point a: Revise IN/234');
    expect(k21[2]).toBe('Point c: To be addressed under recommendation 4.10 Key action (a)');
    expect(row('38').keyActions).toMatch(/^Modules on PSEAH will be developed/);
  });
});

describe('recommendations with points', () => {
  it('leaves the parent fields to the points and keeps only the intro text on the parent', () => {
    for (const id of Object.keys(POINTS)) {
      const parent = row(id);
      expect(
        [
          parent.responsible,
          parent.support,
          parent.response,
          parent.responseComments,
          parent.keyActions,
        ],
        id,
      ).toEqual(['', '', '', '', '']);
      expect(parent.recommendation, id).not.toMatch(/\n|(^|\s)[a-e][.)]\s/);
    }
    expect(row('48').recommendation).toBe(
      "The PSEAH Unit should actively support the development of IOM's victim-centered approach at the cornerstone of its prevention and response framework. This entails:",
    );
    expect(row('54').recommendation).toMatch(
      /Some specific issues requiring urgent positioning are:$/,
    );
    expect(row('60').recommendation).toMatch(
      /^IOM should ensure a more consistent approach.*This includes:$/,
    );
  });

  it('gives #48 points their own clause, units, response and key action', () => {
    expect(row('48a').recommendation).toMatch(/^Defining IOM's vision on elevating the voices/);
    expect(row('48e').recommendation).toMatch(/^Defining funding for ensuring victims/);
    expect([row('48a').responsible, row('48a').support]).toEqual([
      'PSEAH',
      'EO, DOE, DPSMM, DPDC, OIG, LEG, DHR, ECO, OSS, DFAM',
    ]);
    expect([row('48c').responsible, row('48c').support]).toEqual(['OIG', 'PSEAH and LEG']);
    expect([row('48d').responsible, row('48d').support]).toEqual(['PSEAH', 'LEG and OIG']);
    expect([row('48e').responsible, row('48e').support]).toEqual([
      'PSEAH',
      'EO, DOE (GBV), DPSMM (PXD)',
    ]);
    for (const l of 'abcde') expect(row(`48${l}`).response).toBe('Accept');
    expect(row('48a').keyActions).toMatch(/^Develop institutional statement/);
    expect(row('48c').keyActions).toMatch(/^The final draft of the victim assistance protocol/);
    expect(row('48e').keyActions).toBe(
      'Develop briefing note on institutional standards and funding for SEAH assistance.',
    );
  });

  it('gives #54 points their units and key actions', () => {
    expect([row('54a').responsible, row('54a').support]).toEqual(['PSEAH', 'OIG and LEG']);
    expect([row('54b').responsible, row('54b').support]).toEqual([
      'PSEAH',
      'Procurement, CO/RO and OPC',
    ]);
    expect([row('54a').response, row('54b').response]).toEqual(['Accept', 'Accept']);
    expect(row('54a').keyActions).toMatch(/^Develop a framework and guidance/);
    expect(row('54b').keyActions).toMatch(/^Develop criteria for the rollout/);
    expect(row('54a').recommendation).toMatch(/^Systematic sharing of non-identifying/);
  });

  it('gives #60 points the responses, shared comment and key actions the source assigns them', () => {
    const cells = (l: string) => {
      const r = row(`60${l}`);
      return [r.responsible, r.support, r.response];
    };
    expect(cells('a')).toEqual(['n/a', '', 'Not accept']);
    expect(cells('b')).toEqual(['n/a', '', 'Not accept']);
    expect(cells('c')).toEqual(['PSEAH', '', 'Accept']);
    expect(cells('d')).toEqual(['OIG', '', 'Partially accept']);
    expect(row('60a').responseComments).toMatch(/^IOM doesn't have resources/);
    expect(row('60b').responseComments).toBe(row('60a').responseComments);
    expect(row('60c').responseComments).toBe('');
    expect(row('60d').responseComments).toMatch(/^OIG cannot ensure investigation standards/);
    expect(row('60a').keyActions).toBe('n/a');
    expect(row('60b').keyActions).toBe('');
    expect(row('60c').keyActions).toMatch(/^PSEAH Unit will share the Together We Say No/);
    expect(row('60d').keyActions).toMatch(/^OIG will develop a checklist/);
  });
});

describe('text fidelity', () => {
  const cells = rows.flatMap((r) => Object.values(r) as string[]);

  it('leaves no markup, escape or entity in any cell', () => {
    for (const bad of ['<sup', '</', '**', '<b>', '<u>', '<a ', '\\$', '&amp;', '\t', '  ']) {
      expect(
        cells.filter((c) => c.includes(bad)),
        bad,
      ).toEqual([]);
    }
    expect(cells.filter((c) => /^\s|\s$|^#|\n\s*\n|(^|\n)- /.test(c))).toEqual([]);
    expect(row('53').keyActions).toContain('contract value above US$ 100,000');
    expect(row('24').recommendation).toContain(
      '(e.g. if the mission has Protection expertise/capacity, etc.).',
    );
    expect(row('61').keyActions).toContain('IN/288 on Implementing Partners Handbook, IOM');
  });

  it('drops footnote markers without leaving stray spaces', () => {
    expect(row('6').recommendation).toContain('field office presence and expansion');
    expect(row('6').recommendation).toMatch(/trauma-informed investigations\)\.$/);
    expect(row('34').recommendation).toContain('Powerful messaging should be used');
    expect(row('34').recommendation).toContain('keep the Network motivated. A periodic newsletter');
    expect(row('52').recommendation).toContain('percentages, etc. IOM existing communications');
    expect(row('60a').recommendation).toContain(
      '"Misconduct Disclosure Scheme" as a complementary',
    );
    expect(row('21').recommendation).toContain('(IN/90 Rev. 1, IN/282, IN/275);');
  });

  it('leaks no footnote body into any cell', () => {
    // Every footnote body the source has, by its opening words, plus the marker-less continuation.
    const bodies = [...source.matchAll(/^<sup>&<\/sup>(?:lt;sup>)?(\d+)<\/sup>\s*(.{25})/gm)];
    expect(bodies.map((m) => Number(m[1]))).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const openings = [
      ...bodies.map((m) => (m[2] ?? '').replace(/<[^>]+>/g, '').trim()),
      'empoweredaid',
      'This policy (i) clarifies',
      'Annex C provides',
      'misconduct-disclosure-scheme',
      'Victim Care in Action',
      'self-learning application',
      'WFP mid-year highlights',
    ];
    // The marker-less continuation is really in the source, so the check above means something.
    expect(source).toContain('\n\nThis policy (i) clarifies what is meant in UNHCR');
    for (const opening of openings) {
      expect(
        cells.filter((c) => c.includes(opening)),
        opening,
      ).toEqual([]);
    }
  });

  it('re-joins the paragraphs the PDF broke across pages', () => {
    expect(row('26').recommendation).toContain('used to demonstrate the achievements made');
    expect(row('47').recommendation).toContain(
      'housing a senior-level Survivor/Victim Care Officer (V/SCO) position',
    );
    expect(row('62').recommendation).toBe(
      'Strengthen PSEA efforts to more systematically target volunteers and daily workers. For volunteers, IOM should consider establishing its own vetting system or, in contexts where there is strong government capacity, advocate for the establishment of national vetting systems.',
    );
    expect(row('48c').recommendation).toContain(
      'number of cases opened per region, number of cases investigated',
    );
    expect(row('48c').recommendation).toMatch(/gender, adult\/minor, etc\.\)\.$/);
    expect(row('34').recommendation).toContain('informed of HQ-level ongoing and planned work');
    expect(row('60d').recommendation).toContain(
      'Additionally, OIG should develop a simple checklist',
    );
    expect(row('19').support).toMatch(/, all Heads of Departments\/Divisions$/);
  });

  it('keeps headings and lettered items inside the recommendation text, one per line', () => {
    const r20 = row('20').recommendation.split('\n');
    expect(r20[0]).toBe('IN/90 rev 1: Policy for a Respectful Working Environment');
    expect(r20[1]).toMatch(/^Enhance IN\/90 Rev\.1 .*:$/);
    expect(r20.slice(2).map((l) => l.slice(0, 2))).toEqual(['a.', 'b.', 'c.', 'd.', 'e.', 'f.']);
    const r21 = row('21').recommendation.split('\n');
    expect(r21[0]).toBe(
      'IN/234: Policy and Procedures for Preventing and Responding to Sexual Exploitation and Abuse:',
    );
    expect(r21[1]).toMatch(/^For IN\/234, IOM should consider/);
    expect(r21.slice(2).map((l) => l.slice(0, 2))).toEqual([
      'a.',
      'b.',
      'c.',
      'd.',
      'e.',
      'f.',
      'g.',
      'h.',
    ]);
    expect(
      row('35')
        .recommendation.split('\n')
        .map((l) => l.slice(0, 2)),
    ).toEqual(['Jo', 'a)', 'b)', 'c)', 'd)']);
    expect(row('29').recommendation.split('\n')).toHaveLength(3);
    expect(row('6').recommendation).toMatch(/^Physical decentralization to increase/);
  });

  it("keeps the source's own wording and typos", () => {
    expect(row('44').keyActions).toContain('victim-cented approach');
    expect(row('45').recommendation).toContain('diverse SOGISEC.');
    expect(row('19').support).toContain('PDX');
    expect(row('30').support).toBe('PSEAH, DOE (GBV), interagency PSEA) RO, CO, LEG');
  });
});

describe('parser strictness', () => {
  const doc = (body: string) =>
    `# Pillar 1: Leadership and Organizational Culture\n\n${body}\n\n# **List of Acronyms**\n`;
  const rec = (response: string) =>
    doc(
      `Recommendation #1 Efficiency: Recommendation 5.1\n\nDo a thing.\n\nResponsible unit(s): PSEAH\n\nManagement response - ${response}\n\n**Key actions:** Act.`,
    );

  it('reads a minimal recommendation', () => {
    expect(parseSourceDocument(rec('Accept'))[0]).toMatchObject({
      id: '1',
      recommendation: 'Do a thing.',
      response: 'Accept',
      keyActions: 'Act.',
    });
  });

  it('fails loudly on a response it does not know rather than guessing', () => {
    expect(() => parseSourceDocument(rec('Maybe'))).toThrow(/unknown management response/);
  });

  it('fails loudly when a recommendation number is skipped', () => {
    const skipped = rec('Accept').replace('#1 ', '#2 ');
    expect(() => parseSourceDocument(skipped)).toThrow(/expected recommendation #1/);
  });
});

describe('data/matrix.csv', () => {
  it('equals a fresh generation from the source document', () => {
    expect(readFileSync(MATRIX_CSV_PATH, 'utf8')).toBe(matrixCsv(rows));
  });

  // CI has the shared folder beside the clone: a changed source document must be copied in and the
  // CSV regenerated, not silently ignored. Outside CI a clone may stand alone.
  it.runIf(existsSync(SHARED_SOURCE_PATH) || process.env.CI)(
    'is generated from the document in ../shared/source',
    () => {
      expect(readFileSync(SHARED_SOURCE_PATH, 'utf8')).toBe(source);
    },
  );
});
