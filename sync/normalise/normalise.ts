// Rows of cells (a Sheets API values range or a CSV) → recommendations, rounds and findings.
import type { Finding } from '../../data/finding.ts';
import type { MonitoringRound, Recommendation } from '../../data/recommendation.ts';
import type { Origin } from '../a1.ts';
import type { DateOrder } from './dates.ts';
import { finalise, type RecommendationDraft } from './finalise.ts';
import { FindingLog } from './findings.ts';
import { RowReader } from './read-row.ts';
import { Sheet } from './sheet.ts';
import type { Cell } from './text.ts';
import { findEvaluationNumber, parsePillar, parseRecommendationNumber } from './values.ts';

export interface NormaliseOptions {
  /** Where the values start in the sheet, so findings name the cells staff see. Default A1. */
  origin?: Origin;
  /** Day or month first in written dates, from the spreadsheet's locale; unknown for a CSV. */
  dateOrder?: DateOrder | null;
}

export type NormaliseResult =
  | {
      ok: true;
      rounds: MonitoringRound[];
      recommendations: Recommendation[];
      findings: Finding[];
      /** Whether the sheet has a due date column (for the whole row or a round). */
      dueDates: boolean;
    }
  /** A structural error: the sheet cannot be read as a matrix, and nothing from it is used. */
  | { ok: false; findings: Finding[] };

/**
 * Reads any reasonable version of the matrix. One bad row never sinks the rest: it is left out
 * (or its unreadable value left blank) with a finding naming its cell.
 */
export function normaliseRows(
  input: readonly (readonly Cell[])[],
  options: NormaliseOptions = {},
): NormaliseResult {
  const sheet = new Sheet(input, options.origin);
  const log = new FindingLog();
  if (!sheet.readHeader(log)) return { ok: false, findings: log.sorted() };

  const reader = new RowReader(sheet, log, options.dateOrder ?? null);
  const drafts = new Map<string, RecommendationDraft>();
  for (let index = sheet.headerIndex + 1; index < sheet.rows.length; index++) {
    const row = sheet.rows[index]!;
    if (Sheet.isBlank(row)) continue;
    // A section row ("Pillar 2: …" alone on its row) sets the pillar below it.
    if (reader.readSectionRow(row, index)) continue;
    const rowNumber = sheet.rowNumber(index);
    const numberText = sheet.get(row, 'number');
    const numberCell = sheet.cellOf(index, 'number');
    if (numberText === '') {
      log.report(
        'error',
        'missing-number',
        `Row ${rowNumber} has content but no recommendation number in ${numberCell}, so it is left out. Type the number (12, or 48a for a sub-point).`,
        null,
        numberCell,
      );
      continue;
    }
    const parsed = parseRecommendationNumber(numberText);
    if (!parsed) {
      log.report(
        'error',
        'bad-number',
        `'${numberText.slice(0, 40)}' in ${numberCell} is not a recommendation number: write it as 12, #12, or 48a for a sub-point. Row ${rowNumber} is left out.`,
        null,
        numberCell,
      );
      continue;
    }

    const id = String(parsed.number);
    let draft = drafts.get(id);
    if (parsed.point === null) {
      if (draft?.parent) {
        log.report(
          'error',
          'duplicate-recommendation',
          `Recommendation ${id} appears twice (rows ${draft.parent.row} and ${rowNumber}); row ${rowNumber} is left out. Give it its own number or delete one of them.`,
          id,
          numberCell,
        );
        continue;
      }
      const values = reader.recommendation(row, index, id, parsed.number);
      const parent = reader.actionable(row, index, id);
      // Points listed above their recommendation's row: that row still has the last word.
      if (draft) Object.assign(draft, values, { parent });
      else drafts.set(id, { ...values, parent, points: new Map() });
      continue;
    }

    const pointId = `${id}${parsed.point}`;
    if (!draft) {
      draft = {
        ...reader.recommendation(row, index, id, parsed.number),
        parent: null,
        points: new Map(),
      };
      drafts.set(id, draft);
    } else {
      reportPointDifferences(sheet, log, row, index, draft, pointId);
    }
    const existing = draft.points.get(parsed.point);
    if (existing) {
      log.report(
        'error',
        'duplicate-point',
        `Point ${pointId} appears twice (rows ${existing.row} and ${rowNumber}); row ${rowNumber} is left out.`,
        pointId,
        numberCell,
      );
      continue;
    }
    draft.points.set(parsed.point, reader.actionable(row, index, pointId));
  }

  const rounds: MonitoringRound[] = sheet.columns.rounds.map((r) => ({
    label: r.label,
    time: r.time,
  }));
  const ordered = [...drafts.values()].sort((a, b) => a.number - b.number);
  const recommendations = ordered.map((draft) => finalise(draft, rounds, sheet, log));
  reportAcrossRecommendations(ordered, log);
  const dueDates =
    sheet.columns.fields.dueDate !== undefined || sheet.columns.rounds.some((r) => r.due !== null);
  return { ok: true, rounds, recommendations, findings: log.sorted(), dueDates };
}

/** A point row that repeats its recommendation's pillar or number should agree with it. */
function reportPointDifferences(
  sheet: Sheet,
  log: FindingLog,
  row: readonly string[],
  index: number,
  draft: RecommendationDraft,
  pointId: string,
) {
  const pillarText = sheet.get(row, 'pillar');
  if (pillarText !== '' && parsePillar(pillarText) !== draft.pillar) {
    const cell = sheet.cellOf(index, 'pillar');
    log.report(
      'warning',
      'point-differs-from-recommendation',
      `Point ${pointId} gives pillar '${pillarText}' in ${cell}, but recommendation ${draft.id} is under ${draft.pillar === null ? 'no readable pillar' : `pillar ${draft.pillar}`}; the recommendation's pillar is used.`,
      pointId,
      cell,
    );
  }
  const numberText = sheet.get(row, 'evaluationNumber');
  if (numberText !== '' && findEvaluationNumber(numberText) !== draft.evaluationNumber) {
    const cell = sheet.cellOf(index, 'evaluationNumber');
    log.report(
      'warning',
      'point-differs-from-recommendation',
      `Point ${pointId} gives evaluation number '${numberText}' in ${cell}, but recommendation ${draft.id} has ${draft.evaluationNumber ?? 'none'}; the recommendation's number is used.`,
      pointId,
      cell,
    );
  }
}

function reportAcrossRecommendations(drafts: readonly RecommendationDraft[], log: FindingLog) {
  const ids = new Set(drafts.map((d) => d.id));
  const byEvaluationNumber = new Map<string, RecommendationDraft>();
  for (const draft of drafts) {
    const unknown = draft.linked.filter((l) => !ids.has(l));
    if (unknown.length > 0) {
      log.report(
        'warning',
        'unknown-linked-recommendation',
        `Recommendation ${draft.id} links to ${unknown.map((u) => `#${u}`).join(', ')} in ${draft.linkedCell}, which the sheet does not have.`,
        draft.id,
        draft.linkedCell,
      );
    }
    if (!draft.evaluationNumber) continue;
    const first = byEvaluationNumber.get(draft.evaluationNumber);
    if (!first) {
      byEvaluationNumber.set(draft.evaluationNumber, draft);
      continue;
    }
    // Sheets turns a typed 5.10 into the number 5.1 unless the column is plain text.
    log.report(
      'warning',
      'duplicate-evaluation-number',
      `Evaluation number ${draft.evaluationNumber} in ${draft.evaluationCell} is also recommendation ${first.id}'s. If you meant ${draft.evaluationNumber}0, format the column as plain text so the trailing zero stays.`,
      draft.id,
      draft.evaluationCell,
    );
  }
}
