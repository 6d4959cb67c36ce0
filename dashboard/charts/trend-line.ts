// The trend of a round's statuses over the days the matrix changed: one line per status.
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import type { StatusKey } from '../../data/vocabulary.ts';
import { STATUS_ORDER, STATUS_STYLE } from './palette.ts';

export interface TrendPoint {
  date: string;
  counts: Record<StatusKey, number>;
}

export interface TrendOptions {
  width: number;
  height?: number;
  formatDate: (date: Date) => string;
  formatCount: (n: number) => string;
  statusLabel: (status: StatusKey) => string;
  rtl?: boolean;
}

// Lines differ by dash as well as colour.
const DASH: Record<StatusKey, string> = {
  completed: '',
  open: '6 3',
  discarded: '2 3',
  unreported: '1 4',
};

/** Draws the trend; returns false (and draws nothing) while there is a single day to show. */
export function drawTrendLine(
  svgElement: SVGSVGElement,
  points: readonly TrendPoint[],
  options: TrendOptions,
): boolean {
  const svg = select(svgElement);
  if (points.length < 2) {
    svg.selectAll('*').remove();
    return false;
  }
  const width = Math.max(240, options.width);
  const height = options.height ?? 180;
  const margin = { top: 10, right: options.rtl ? 40 : 90, bottom: 24, left: options.rtl ? 90 : 40 };
  const dates = points.map((p) => new Date(`${p.date}T00:00:00Z`));
  const [first, last] = extent(dates) as [Date, Date];
  // A linear scale over timestamps: the dates are labelled by the page's own formatter, so d3's
  // time scale (and its locale-bound tick formats) would only add weight.
  const x = scaleLinear()
    .domain([first.getTime(), last.getTime()])
    .range(options.rtl ? [width - margin.right, margin.left] : [margin.left, width - margin.right]);
  const max = Math.max(1, ...points.flatMap((p) => STATUS_ORDER.map((s) => p.counts[s] ?? 0)));
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([height - margin.bottom, margin.top]);
  svg.attr('viewBox', `0 0 ${width} ${height}`).attr('width', width).attr('height', height);

  const series = STATUS_ORDER.map((status) => ({
    status,
    values: points.map((p, i) => ({ date: dates[i]!, value: p.counts[status] ?? 0 })),
  }));
  const path = (values: readonly { date: Date; value: number }[]) =>
    values
      .map((d, i) => `${i ? 'L' : 'M'}${x(d.date.getTime()).toFixed(1)},${y(d.value).toFixed(1)}`)
      .join('');

  svg
    .selectAll<SVGPathElement, (typeof series)[number]>('path.series')
    .data(series, (s) => s.status)
    .join('path')
    .attr('class', 'series')
    .attr('fill', 'none')
    .attr('stroke', (s) => (s.status === 'unreported' ? '#57606a' : STATUS_STYLE[s.status].fill))
    .attr('stroke-width', 2)
    .attr('stroke-dasharray', (s) => DASH[s.status])
    .attr('d', (s) => path(s.values));

  svg
    .selectAll<SVGTextElement, (typeof series)[number]>('text.end-label')
    .data(series, (s) => s.status)
    .join('text')
    .attr('class', 'end-label')
    .attr('x', options.rtl ? margin.left - 6 : width - margin.right + 6)
    .attr('y', (s) => y(s.values.at(-1)!.value))
    .attr('dominant-baseline', 'middle')
    .attr('text-anchor', options.rtl ? 'end' : 'start')
    .attr('font-size', 11)
    .text((s) => `${options.statusLabel(s.status)} ${options.formatCount(s.values.at(-1)!.value)}`);

  svg
    .selectAll<SVGTextElement, Date>('text.date')
    .data([first, last], (d) => d.toISOString())
    .join('text')
    .attr('class', 'date')
    .attr('x', (d) => x(d.getTime()))
    .attr('y', height - 6)
    .attr('font-size', 11)
    .attr('text-anchor', (_, i) => ((i === 0) !== Boolean(options.rtl) ? 'start' : 'end'))
    .text((d) => options.formatDate(d));
  return true;
}
