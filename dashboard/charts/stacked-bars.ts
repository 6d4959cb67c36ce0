// Horizontal stacked bars of implementation status per group: a pure function of data and size,
// drawn with keyed joins so a redraw moves what changed and leaves the rest.
import { scaleLinear } from 'd3-scale';
import { type Selection, select } from 'd3-selection';
import type { StatusKey } from '../../data/vocabulary.ts';
import { STATUS_ORDER, STATUS_STYLE, statusFill } from './palette.ts';

export interface BarGroup {
  key: string;
  label: string;
  counts: Record<StatusKey, number>;
}

export interface StackedBarsOptions {
  width: number;
  /** Unique per chart on the page: pattern ids are document-wide. */
  idPrefix: string;
  statusLabel: (status: StatusKey) => string;
  /** The accessible name of a segment, e.g. "Pillar 2: 4 open in Time 3. Filter". */
  segmentLabel: (group: BarGroup, status: StatusKey, count: number) => string;
  formatCount: (n: number) => string;
  /** Segments that are the current filter, drawn with an outline and aria-pressed. */
  isSelected: (group: BarGroup, status: StatusKey) => boolean;
  /** Right to left: bars grow from the right edge (for Arabic). */
  rtl?: boolean;
  /** False: a picture only (the printable digest), no segment to focus or press. */
  interactive?: boolean;
  /** Bar thickness in px (24 by default); the gap between bars follows it. */
  barHeight?: number;
  /** Labels above the bars rather than beside them; by default, below COMPACT_WIDTH. */
  labelsAbove?: boolean;
}

export interface Segment {
  group: BarGroup;
  status: StatusKey;
  count: number;
  x0: number;
  x1: number;
}

const BAR = 24;
const GAP = 10;
const TOP = 4;
const PAD_END = 44;
const CHAR_WIDTH = 7;

/** Below this width a label sits above its bar instead of beside it (a phone held upright). */
export const COMPACT_WIDTH = 440;
const LABEL_LINE = 16;

export function chartHeight(groups: number, compact = false, bar = BAR): number {
  return TOP + Math.max(1, groups) * (bar + gapFor(bar) + (compact ? LABEL_LINE : 0));
}

const gapFor = (bar: number) => (bar === BAR ? GAP : Math.round(bar / 3));

/** Cuts a label to fit its column (the whole label stays in the row's title). */
export function fitLabel(label: string, width: number): string {
  const max = Math.max(4, Math.floor(width / CHAR_WIDTH));
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function segmentsOf(group: BarGroup, scale: (n: number) => number): Segment[] {
  let at = 0;
  return STATUS_ORDER.map((status) => {
    const count = group.counts[status] ?? 0;
    const segment = { group, status, count, x0: round2(scale(at)), x1: round2(scale(at + count)) };
    at += count;
    return segment;
  });
}

function patternDefs(svg: Selection<SVGSVGElement, unknown, null, undefined>, idPrefix: string) {
  const defs = svg.selectAll('defs').data([null]).join('defs');
  defs
    .selectAll<SVGPatternElement, StatusKey>('pattern')
    .data(
      STATUS_ORDER.filter((s) => STATUS_STYLE[s].pattern !== 'none'),
      (s) => s,
    )
    .join((enter) => {
      const pattern = enter
        .append('pattern')
        .attr('patternUnits', 'userSpaceOnUse')
        .attr('width', 6)
        .attr('height', 6);
      pattern.append('rect').attr('width', 6).attr('height', 6);
      pattern.append('path').attr('stroke-width', 1);
      return pattern;
    })
    .attr('id', (s) => `${idPrefix}-${s}`)
    .call((p) => p.select('rect').attr('fill', (s) => STATUS_STYLE[s].fill))
    .call((p) =>
      p
        .select('path')
        .attr('stroke', (s) => (s === 'unreported' ? '#8c959f' : 'rgba(27,31,36,0.35)'))
        .attr('d', (s) =>
          STATUS_STYLE[s].pattern === 'diagonal'
            ? 'M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2'
            : STATUS_STYLE[s].pattern === 'cross'
              ? 'M0,0 l6,6 M6,0 l-6,6'
              : 'M2.5,3 a0.5,0.5 0 1,0 1,0 a0.5,0.5 0 1,0 -1,0',
        ),
    );
}

/**
 * Draws the bars into `svg` (which the caller owns and sizes by the returned height). Each
 * segment is a focusable button (`data-group`, `data-status`) for the caller to wire to filters.
 */
export function drawStackedBars(
  svgElement: SVGSVGElement,
  groups: readonly BarGroup[],
  options: StackedBarsOptions,
): number {
  const width = Math.max(240, options.width);
  const compact = options.labelsAbove ?? width < COMPACT_WIDTH;
  const bar = options.barHeight ?? BAR;
  const height = chartHeight(groups.length, compact, bar);
  const rowHeight = bar + gapFor(bar) + (compact ? LABEL_LINE : 0);
  const barTop = compact ? LABEL_LINE : 0;
  const labelWidth = compact ? width : Math.round(Math.min(260, Math.max(96, width * 0.34)));
  const barStart = compact ? 0 : labelWidth + 8;
  const max = Math.max(
    1,
    ...groups.map((g) => STATUS_ORDER.reduce((n, s) => n + (g.counts[s] ?? 0), 0)),
  );
  const range = options.rtl ? [width - barStart, PAD_END] : [barStart, width - PAD_END];
  const x = scaleLinear().domain([0, max]).range(range);

  const svg = select(svgElement)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height);
  patternDefs(svg, options.idPrefix);

  const rows = svg
    .selectAll<SVGGElement, BarGroup>('g.row')
    .data(groups, (g) => g.key)
    .join((enter) => {
      const row = enter.append('g').attr('class', 'row');
      row.append('title');
      row.append('text').attr('class', 'label').attr('dominant-baseline', 'middle');
      row.append('g').attr('class', 'segments');
      row.append('text').attr('class', 'total').attr('dominant-baseline', 'middle');
      return row;
    })
    .attr('transform', (_, i) => `translate(0,${TOP + i * rowHeight})`);

  rows.select('title').text((g) => g.label);
  rows
    .select<SVGTextElement>('text.label')
    .attr('x', options.rtl ? width : 0)
    .attr('y', compact ? LABEL_LINE / 2 - 2 : bar / 2)
    .attr('text-anchor', 'start')
    .attr('direction', options.rtl ? 'rtl' : 'ltr')
    .text((g) => fitLabel(g.label, labelWidth));
  rows
    .select<SVGTextElement>('text.total')
    .attr('x', (g) => {
      const end = x(STATUS_ORDER.reduce((n, s) => n + (g.counts[s] ?? 0), 0));
      return options.rtl ? end - 6 : end + 6;
    })
    .attr('y', barTop + bar / 2)
    // A number reads left to right in either script; fixing the direction keeps the page's
    // (inherited) direction from flipping which side of `x` the anchor puts it.
    .attr('direction', 'ltr')
    .attr('text-anchor', options.rtl ? 'end' : 'start')
    .text((g) => options.formatCount(STATUS_ORDER.reduce((n, s) => n + (g.counts[s] ?? 0), 0)));

  const segments = rows
    .select<SVGGElement>('g.segments')
    .selectAll<SVGGElement, Segment>('g.segment')
    .data(
      (g) => segmentsOf(g, x).filter((s) => s.count > 0),
      (s) => s.status,
    )
    .join((enter) => {
      const g = enter.append('g').attr('class', 'segment');
      g.append('rect');
      g.append('text').attr('dominant-baseline', 'middle').attr('text-anchor', 'middle');
      return g;
    })
    .attr('data-group', (s) => s.group.key)
    .attr('data-status', (s) => s.status)
    .attr('aria-label', (s) => options.segmentLabel(s.group, s.status, s.count));
  const interactive = options.interactive ?? true;
  segments
    .attr('role', interactive ? 'button' : 'img')
    .attr('tabindex', interactive ? '-1' : null)
    .attr('aria-pressed', (s) =>
      interactive ? String(options.isSelected(s.group, s.status)) : null,
    );

  segments
    .select('rect')
    .attr('height', bar)
    .attr('y', barTop)
    .attr('x', (s) => Math.min(s.x0, s.x1))
    .attr('width', (s) => Math.abs(s.x1 - s.x0))
    .attr('fill', (s) => statusFill(s.status, options.idPrefix))
    .attr('stroke', (s) =>
      options.isSelected(s.group, s.status)
        ? '#1b1f24'
        : s.status === 'unreported'
          ? '#8c959f'
          : 'none',
    )
    .attr('stroke-width', (s) => (options.isSelected(s.group, s.status) ? 2.5 : 1));
  // Counts are written on every segment wide enough to hold them; the total always follows the bar.
  segments
    .select('text')
    .attr('y', barTop + bar / 2)
    .attr('x', (s) => round2((s.x0 + s.x1) / 2))
    .attr('fill', (s) => STATUS_STYLE[s.status].text)
    .text((s) =>
      Math.abs(s.x1 - s.x0) >= 8 + 7 * String(s.count).length ? options.formatCount(s.count) : '',
    );

  // One tab stop per chart: the first segment; arrow keys move between segments (the caller).
  if (interactive) svg.select('g.segment').attr('tabindex', '0');
  return height;
}
