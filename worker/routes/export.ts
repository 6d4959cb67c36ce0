// /api/export.csv: the filtered recommendations as a CSV anyone can open in a spreadsheet safely.

import { Hono } from 'hono';
import type { Recommendation } from '../../data/recommendation.ts';
import { pillarName, RESPONSES, STATUSES } from '../../data/vocabulary.ts';
import { stringifyCsv } from '../../sync/csv.ts';
import type { Field } from '../../sync/normalise/headers.ts';
import { FIELD_NAMES } from '../../sync/normalise/sheet.ts';
import { filterRecommendations } from '../../sync/query.ts';
import type { AppEnv } from '../context.ts';
import { loadCurrent } from '../current.ts';
import { dataAge, setCacheHeaders } from '../freshness.ts';
import { parseFilters } from '../query.ts';

/**
 * OWASP's advice against CSV injection: a cell a spreadsheet would read as a formula (starting with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, so it shows as text.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const LEADING_FIELDS = [
  'number',
  'pillar',
  'criterion',
  'evaluationNumber',
  'linked',
  'text',
  'responsible',
  'support',
  'response',
  'responseComment',
  'keyActions',
] as const satisfies readonly Field[];

const label = (key: string | null, list: readonly { key: string; label: string }[]) =>
  key === null ? '' : (list.find((x) => x.key === key)?.label ?? key);

function rowsOf(
  recommendations: readonly Recommendation[],
  rounds: readonly string[],
  dueDates: boolean,
): string[][] {
  // The headers the normaliser names its columns by, so an export reads back as a sheet.
  const header = [
    ...LEADING_FIELDS.map((field) => FIELD_NAMES[field]),
    ...(dueDates ? [FIELD_NAMES.dueDate] : []),
    ...rounds.flatMap((r) => [
      `Status (${r})`,
      `Comments (${r})`,
      ...(dueDates ? [`Due date (${r})`] : []),
    ]),
  ];
  const rows: string[][] = [header];
  for (const r of recommendations) {
    const rest = (x: Recommendation | Recommendation['points'][number]) => [
      x.text,
      x.responsible.join(', '),
      x.support.join(', '),
      label(x.response, RESPONSES),
      x.responseComment,
      x.keyActions,
      ...(dueDates ? [x.dueDate ?? ''] : []),
      ...rounds.flatMap((round) => [
        label(x.monitoring[round]?.status ?? 'unreported', STATUSES),
        x.monitoring[round]?.comment ?? '',
        ...(dueDates ? [x.monitoring[round]?.dueDate ?? ''] : []),
      ]),
    ];
    const pillar = r.pillar ? `Pillar ${r.pillar}: ${pillarName(r.pillar)}` : '';
    rows.push([
      r.id,
      pillar,
      r.criterionLabel,
      r.evaluationNumber ?? '',
      r.linked.join(', '),
      ...rest(r),
    ]);
    for (const p of r.points)
      rows.push([
        `${r.id}${p.id}`,
        pillar,
        r.criterionLabel,
        r.evaluationNumber ?? '',
        '',
        ...rest(p),
      ]);
  }
  return rows.map((row) => row.map(neutralise));
}

export const exportRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const record = await loadCurrent(c);
  const { snapshot } = record;
  const filters = parseFilters(c, snapshot);
  const items = filterRecommendations(snapshot.recommendations, filters, snapshot.rounds);
  const csv = stringifyCsv(
    rowsOf(
      items,
      snapshot.rounds.map((r) => r.label),
      snapshot.dueDates,
    ),
  );
  setCacheHeaders(c, dataAge(c, record));
  const date = snapshot.syncedAt.slice(0, 10);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="management-response-${date}.csv"`);
  // A byte-order mark so Excel reads the file as UTF-8.
  return c.body(`\uFEFF${csv}`);
});
