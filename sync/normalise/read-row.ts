// Reading one data row: the recommendation-level values and the values a point carries for itself.
import type { Monitoring } from '../../data/recommendation.ts';
import type { CriterionKey, PillarKey, ResponseKey } from '../../data/vocabulary.ts';
import { type DateOrder, parseDueDate } from './dates.ts';
import type { FindingLog } from './findings.ts';
import type { Sheet } from './sheet.ts';
import { quoted } from './text.ts';
import { splitUnits } from './units.ts';
import {
  criterionLabelText,
  criterionName,
  criterionOfNumber,
  findEvaluationNumber,
  parseCriterionLabel,
  parseLinked,
  parsePillar,
  parseResponse,
  parseStatus,
} from './values.ts';

/** The values a recommendation and each of its points carry alike, while rows are read. */
export interface ActionableDraft {
  row: number;
  text: string;
  responsible: string[];
  support: string[];
  response: ResponseKey | null;
  /** The response cell as typed: empty and unreadable are reported differently. */
  responseText: string;
  responseComment: string;
  keyActions: string;
  dueDate: string | null;
  monitoring: Monitoring;
  /** Which rounds have a status someone typed (and we could read), by round label. */
  typedStatus: Record<string, boolean>;
}

/** The values only a recommendation has, read from its own row (or its first point's). */
export interface RecommendationValues {
  id: string;
  number: number;
  pillar: PillarKey | null;
  criterion: CriterionKey | null;
  criterionLabel: string;
  evaluationNumber: string | null;
  evaluationCell: string | null;
  linked: string[];
  linkedCell: string | null;
}

/**
 * Reads rows top to bottom. It keeps the grouping cells that carry down: merged cells read back
 * empty below their first cell, so a blank pillar or criterion means "same as above".
 */
export class RowReader {
  #carriedPillar: { key: PillarKey | null; cell: string | null } | null = null;
  #carriedCriterionLabel = '';

  constructor(
    private readonly sheet: Sheet,
    private readonly log: FindingLog,
    /** From the spreadsheet's locale; null (a CSV) leaves dates like 03/04 unread, with a finding. */
    private readonly dateOrder: DateOrder | null = null,
  ) {}

  /** A section row ("Pillar 2: Institutional Accountability…" alone) sets the pillar below it. */
  readSectionRow(row: readonly string[], index: number): boolean {
    let only = -1;
    for (let i = 0; i < row.length; i++) {
      if (row[i] === '') continue;
      if (only !== -1) return false;
      only = i;
    }
    const text = row[only] ?? '';
    if (!/\bpillar\b/i.test(text)) return false;
    const key = parsePillar(text);
    if (key === null) return false;
    this.#carriedPillar = { key, cell: this.sheet.at(index, only) };
    return true;
  }

  recommendation(
    row: readonly string[],
    index: number,
    id: string,
    number: number,
  ): RecommendationValues {
    return {
      id,
      number,
      pillar: this.pillar(row, index, id),
      ...this.criterion(row, index, id),
      linked: parseLinked(this.sheet.get(row, 'linked')).filter((l) => l !== id),
      linkedCell: this.sheet.cellOf(index, 'linked'),
    };
  }

  actionable(row: readonly string[], index: number, id: string): ActionableDraft {
    const { sheet, log } = this;
    const lead = splitUnits(sheet.get(row, 'responsible'));
    const supporting = splitUnits(sheet.get(row, 'support'));
    for (const [list, field] of [
      [lead, 'responsible'],
      [supporting, 'support'],
    ] as const) {
      if (!list.unbalanced) continue;
      const cell = sheet.cellOf(index, field);
      log.report(
        'info',
        'unbalanced-parentheses',
        `A bracket in ${cell} is opened without closing (or closed without opening): ${quoted(sheet.get(row, field), 80)}. Check the units were split where you meant.`,
        id,
        cell,
      );
    }
    const support = [...lead.support];
    for (const unit of [...supporting.units, ...supporting.support]) {
      if (!support.some((u) => u.toLowerCase() === unit.toLowerCase())) support.push(unit);
    }

    const responseText = sheet.get(row, 'response');
    const response = responseText === '' ? null : parseResponse(responseText);
    if (responseText !== '' && response === null) {
      const cell = sheet.cellOf(index, 'response');
      log.report(
        'warning',
        'unrecognised-response',
        `Unrecognised management response ${quoted(responseText)} in ${cell}: use Accept, Partially accept or Not accept. It is counted as no response until then.`,
        id,
        cell,
      );
    }

    const monitoring: Monitoring = {};
    const typedStatus: Record<string, boolean> = {};
    for (const round of sheet.columns.rounds) {
      const statusText = round.status === null ? '' : (row[round.status] ?? '');
      const status = statusText === '' ? null : parseStatus(statusText);
      if (status === null && statusText !== '' && round.status !== null) {
        const cell = sheet.at(index, round.status);
        log.report(
          'warning',
          'unrecognised-status',
          `Unrecognised status ${quoted(statusText)} in ${cell} (${round.label}): use open, completed or discarded. It is counted as unreported until then.`,
          id,
          cell,
        );
      }
      monitoring[round.label] = {
        status: status ?? 'unreported',
        comment: round.comment === null ? '' : (row[round.comment] ?? ''),
        dueDate:
          round.due === null
            ? null
            : this.dueDate(row[round.due] ?? '', sheet.at(index, round.due), id),
      };
      typedStatus[round.label] = status !== null;
    }

    return {
      row: sheet.rowNumber(index),
      text: sheet.get(row, 'text'),
      responsible: lead.units,
      support,
      response,
      responseText,
      responseComment: sheet.get(row, 'responseComment'),
      keyActions: sheet.get(row, 'keyActions'),
      dueDate: this.dueDate(sheet.get(row, 'dueDate'), sheet.cellOf(index, 'dueDate'), id),
      monitoring,
      typedStatus,
    };
  }

  /** A due date cell: empty is fine; unreadable or day/month-ambiguous is reported, never guessed. */
  private dueDate(text: string, cell: string | null, id: string): string | null {
    if (text === '') return null;
    const reading = parseDueDate(text, this.dateOrder);
    if (reading.ok) return reading.date;
    if (reading.reason === 'ambiguous') {
      const [dayFirst, monthFirst] = reading.readings!;
      this.log.report(
        'warning',
        'ambiguous-date',
        `${quoted(text)} in ${cell} could be ${dayFirst} or ${monthFirst}: write it as a date the sheet shows unambiguously (e.g. ${dayFirst}), or set the spreadsheet's locale (File → Settings). It is not counted until then.`,
        id,
        cell,
      );
    } else {
      this.log.report(
        'warning',
        'bad-date',
        `${quoted(text)} in ${cell} is not a date: type it as the sheet shows dates (e.g. 30/06/2025 or 2025-06-30). It is not counted until then.`,
        id,
        cell,
      );
    }
    return null;
  }

  private pillar(row: readonly string[], index: number, id: string): PillarKey | null {
    const text = this.sheet.get(row, 'pillar');
    const cell = this.sheet.cellOf(index, 'pillar');
    if (text === '') {
      const carried = this.#carriedPillar;
      if (carried?.key) return carried.key;
      this.log.report(
        'warning',
        'missing-pillar',
        carried
          ? `No pillar in ${cell}, and the pillar above it (${carried.cell}) could not be read either: type 1–5, 'Pillar 3' or the pillar's name.`
          : `No pillar in ${cell} and none above it to carry down: type 1–5, 'Pillar 3' or the pillar's name.`,
        id,
        cell,
      );
      return null;
    }
    const key = parsePillar(text);
    this.#carriedPillar = { key, cell };
    if (key === null) {
      this.log.report(
        'warning',
        'unrecognised-pillar',
        `Unrecognised pillar ${quoted(text)} in ${cell}: type 1–5, 'Pillar 3' or the pillar's name. The recommendation is not counted under any pillar until then.`,
        id,
        cell,
      );
    }
    return key;
  }

  /**
   * The criterion comes from the evaluation number's first digit (Table 2); the written label
   * only fills in when there is no number, and is checked against it when there is.
   */
  private criterion(row: readonly string[], index: number, id: string) {
    const { sheet, log } = this;
    const labelCellText = sheet.get(row, 'criterion');
    const numberText = sheet.get(row, 'evaluationNumber');
    const labelCell = sheet.cellOf(index, 'criterion');
    const separateColumn = sheet.columns.fields.evaluationNumber !== undefined;
    const evaluationCell = separateColumn ? sheet.cellOf(index, 'evaluationNumber') : labelCell;

    // The number may share the criterion cell, as in the source: "Efficiency: Recommendation 5.1".
    const typedNumber =
      numberText !== '' ? numberText : findEvaluationNumber(labelCellText) ? labelCellText : '';
    let evaluationNumber: string | null = null;
    let numberProblem = false;
    if (typedNumber !== '') {
      const found = findEvaluationNumber(typedNumber);
      if (found && criterionOfNumber(found)) {
        evaluationNumber = found;
      } else {
        numberProblem = true;
        log.report(
          'warning',
          'bad-evaluation-number',
          found
            ? `Evaluation number ${found} in ${evaluationCell} does not start with 1–7 (Relevance to Sustainability), so it names no criterion.`
            : `${quoted(typedNumber)} in ${evaluationCell} is not an evaluation number like 5.1.`,
          id,
          evaluationCell,
        );
      }
    }

    if (labelCellText !== '') this.#carriedCriterionLabel = criterionLabelText(labelCellText);
    const label =
      labelCellText === '' ? this.#carriedCriterionLabel : criterionLabelText(labelCellText);
    const labelled = label === '' ? null : parseCriterionLabel(label);
    const numbered = evaluationNumber ? criterionOfNumber(evaluationNumber) : null;
    const labelWhere = labelCell ?? evaluationCell;

    if (numbered) {
      if (label !== '' && labelled === null) {
        log.report(
          'warning',
          'unrecognised-criterion',
          `Unrecognised evaluation criterion ${quoted(label)} in ${labelWhere}; recommendation ${id} is counted under ${criterionName(numbered)} from its evaluation number ${evaluationNumber}.`,
          id,
          labelWhere,
        );
      } else if (labelled && labelled !== numbered) {
        log.report(
          'warning',
          'criterion-label-mismatch',
          `Recommendation ${id} is labelled ${quoted(label)} in ${labelWhere}, but its evaluation number ${evaluationNumber} belongs to ${criterionName(numbered)}; it is counted under ${criterionName(numbered)}.`,
          id,
          labelWhere,
        );
      }
    } else if (labelled) {
      if (!numberProblem) {
        log.report(
          'warning',
          'missing-evaluation-number',
          `No evaluation number (e.g. 5.1) for recommendation ${id} in ${evaluationCell}; it is counted under ${criterionName(labelled)} from its label.`,
          id,
          evaluationCell,
        );
      }
    } else {
      log.report(
        'warning',
        label === '' ? 'missing-criterion' : 'unrecognised-criterion',
        label === ''
          ? `Recommendation ${id} has neither an evaluation number nor a criterion (${labelWhere}); it is not counted under any criterion.`
          : `Unrecognised evaluation criterion ${quoted(label)} in ${labelWhere} and no evaluation number; recommendation ${id} is not counted under any criterion.`,
        id,
        labelWhere,
      );
    }
    return {
      criterion: numbered ?? labelled,
      criterionLabel: label,
      evaluationNumber,
      evaluationCell,
    };
  }
}
