// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  type BarGroup,
  drawStackedBars,
  fitLabel,
  type StackedBarsOptions,
} from './stacked-bars.ts';

const groups: BarGroup[] = [
  {
    key: '1',
    label: 'Leadership and Organizational Culture',
    counts: { completed: 4, open: 10, discarded: 1, unreported: 3 },
  },
  {
    key: '2',
    label: 'Institutional Accountability and Transparency',
    counts: { completed: 4, open: 7, discarded: 0, unreported: 4 },
  },
  {
    key: '3',
    label: 'Capacity Development, Behaviour Change and Communications',
    counts: { completed: 0, open: 0, discarded: 0, unreported: 10 },
  },
];

const options = (over: Partial<StackedBarsOptions> = {}): StackedBarsOptions => ({
  width: 600,
  idPrefix: 'pillar',
  statusLabel: (s) => s,
  segmentLabel: (g, s, n) => `${g.label}: ${n} ${s}`,
  formatCount: (n) => String(n),
  isSelected: (g, s) => g.key === '2' && s === 'open',
  ...over,
});

function draw(data = groups, over: Partial<StackedBarsOptions> = {}) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.append(svg);
  const height = drawStackedBars(svg, data, options(over));
  return { svg, height };
}

describe('drawStackedBars', () => {
  it('draws the pillar chart as the snapshot shows it', async () => {
    const { svg } = draw();
    await expect(svg.outerHTML.replace(/></g, '>\n<')).toMatchFileSnapshot(
      '__snapshots__/stacked-bars.pillar.svg',
    );
  });

  it('draws one row per group and one segment per non-zero status, with the counts on them', () => {
    const { svg, height } = draw();
    expect(svg.querySelectorAll('g.row')).toHaveLength(3);
    const first = [...svg.querySelectorAll('g.row')[0]!.querySelectorAll('g.segment')];
    expect(
      first.map((s) => [s.getAttribute('data-status'), s.querySelector('text')!.textContent]),
    ).toEqual([
      ['completed', '4'],
      ['open', '10'],
      ['discarded', '1'],
      ['unreported', '3'],
    ]);
    expect(svg.querySelectorAll('text.total')[1]!.textContent).toBe('15');
    expect(height).toBe(4 + 3 * 34);
  });

  it('gives every segment an accessible name, marks the selected one, and one tab stop', () => {
    const { svg } = draw();
    const segments = [...svg.querySelectorAll('g.segment')];
    expect(
      segments.every((s) => s.getAttribute('role') === 'button' && s.getAttribute('aria-label')),
    ).toBe(true);
    expect(
      segments
        .filter((s) => s.getAttribute('aria-pressed') === 'true')
        .map((s) => s.getAttribute('aria-label')),
    ).toEqual(['Institutional Accountability and Transparency: 7 open']);
    expect(segments.filter((s) => s.getAttribute('tabindex') === '0')).toHaveLength(1);
  });

  it('patterns every status but completed, so colour is never the only cue', () => {
    const { svg } = draw();
    const fills = [...svg.querySelectorAll('g.row')[0]!.querySelectorAll('g.segment rect')].map(
      (r) => r.getAttribute('fill'),
    );
    expect(fills).toEqual([
      '#0072b2',
      'url(#pillar-open)',
      'url(#pillar-discarded)',
      'url(#pillar-unreported)',
    ]);
    expect([...svg.querySelectorAll('pattern')].map((p) => p.id)).toEqual([
      'pillar-open',
      'pillar-discarded',
      'pillar-unreported',
    ]);
  });

  it('redraws by key: a group that stays keeps its element', () => {
    const { svg } = draw();
    const kept = svg.querySelectorAll('g.row')[1];
    drawStackedBars(svg, groups.slice(1), options());
    expect(svg.querySelectorAll('g.row')).toHaveLength(2);
    expect(svg.querySelectorAll('g.row')[0]).toBe(kept);
  });

  it('draws a picture with nothing to press when not interactive', () => {
    const { svg } = draw(groups, { interactive: false });
    const segments = [...svg.querySelectorAll('g.segment')];
    expect(segments.length).toBeGreaterThan(0);
    expect(
      segments.every((s) => s.getAttribute('role') === 'img' && s.getAttribute('aria-label')),
    ).toBe(true);
    expect(svg.querySelectorAll('[tabindex], [aria-pressed]')).toHaveLength(0);
  });

  it('mirrors the bars right to left', () => {
    const { svg } = draw(groups, { rtl: true });
    const rect = svg.querySelector('g.segment rect')!;
    expect(Number(rect.getAttribute('x'))).toBeGreaterThan(300);
  });

  it('puts labels above the bars on a narrow screen, at full length', () => {
    const { svg, height } = draw(groups, { width: 330 });
    expect(svg.querySelector('text.label')!.textContent).toBe(
      'Leadership and Organizational Culture',
    );
    expect(svg.querySelector('g.segment rect')!.getAttribute('x')).toBe('0');
    expect(height).toBe(4 + 3 * (34 + 16));
  });

  it('shortens a long label to its column', () => {
    expect(fitLabel('Capacity Development, Behaviour Change and Communications', 120)).toBe(
      'Capacity Develop…',
    );
    expect(fitLabel('Impact', 120)).toBe('Impact');
  });
});
