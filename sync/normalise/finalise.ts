// Turning a recommendation's rows (its own and its points') into one Recommendation.
import type {
  Monitoring,
  MonitoringRound,
  Point,
  Recommendation,
} from '../../data/recommendation.ts';
import { RESPONSES, type ResponseKey } from '../../data/vocabulary.ts';
import type { FindingLog } from './findings.ts';
import type { ActionableDraft, RecommendationValues } from './read-row.ts';
import { rollUpResponse, rollUpStatus } from './rollup.ts';
import type { Sheet } from './sheet.ts';
import { quoted } from './text.ts';

export interface RecommendationDraft extends RecommendationValues {
  /** The row holding the recommendation itself ("48"); null when only points ("48a") were given. */
  parent: ActionableDraft | null;
  /** Points by letter. */
  points: Map<string, ActionableDraft>;
}

const responseLabel = (key: ResponseKey) => RESPONSES.find((r) => r.key === key)!.label;

/** The earliest of some ISO dates (they sort as text), or null when there is none. */
function earliest(dates: readonly (string | null)[]): string | null {
  return dates.filter((d): d is string => d !== null).sort()[0] ?? null;
}

/** Units from several lists, each once, first spelling kept. */
function union(lists: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, string>();
  for (const list of lists) {
    for (const unit of list) if (!seen.has(unit.toLowerCase())) seen.set(unit.toLowerCase(), unit);
  }
  return [...seen.values()];
}

export function finalise(
  draft: RecommendationDraft,
  rounds: readonly MonitoringRound[],
  sheet: Sheet,
  log: FindingLog,
): Recommendation {
  // Plain comparison: localeCompare's first call loads ICU collation, ~10 ms of CPU in a cold isolate.
  const pointDrafts = [...draft.points.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const parent = draft.parent;
  const home = parent ?? pointDrafts[0]![1];
  const points: Point[] = pointDrafts.map(([letter, p]) => ({
    id: letter,
    text: p.text,
    responsible: p.responsible,
    support: p.support,
    // A point without a response of its own takes the recommendation's.
    response: p.response ?? parent?.response ?? null,
    responseComment: p.responseComment,
    keyActions: p.keyActions,
    dueDate: p.dueDate,
    monitoring: p.monitoring,
    row: p.row,
  }));

  let response = parent?.response ?? null;
  const monitoring: Monitoring = {};
  for (const [round, progress] of Object.entries(parent?.monitoring ?? {}))
    monitoring[round] = { ...progress };
  if (points.length > 0) {
    const rolled = rollUpResponse(points.map((p) => p.response));
    if (rolled !== null) {
      if (parent?.response && parent.response !== rolled) {
        const cell = sheet.cellAtRow(parent.row, 'response');
        log.report(
          'warning',
          'response-differs-from-points',
          `Recommendation ${draft.id} says ${quoted(parent.responseText)} in ${cell}, but its points add up to '${responseLabel(rolled)}'; the points' response is used.`,
          draft.id,
          cell,
        );
      }
      response = rolled;
    }
    for (const round of sheet.columns.rounds) {
      const own = monitoring[round.label] ?? { status: 'unreported', comment: '', dueDate: null };
      // The recommendation is due when its first point is, unless its own row says otherwise.
      own.dueDate ??= earliest(points.map((p) => p.monitoring[round.label]?.dueDate ?? null));
      // Staff who track status on the recommendation's own row keep it while the points say nothing.
      if (pointDrafts.some(([, p]) => p.typedStatus[round.label])) {
        const rolledStatus = rollUpStatus(
          points.map((p) => ({ response: p.response, status: p.monitoring[round.label]!.status })),
        );
        if (
          parent?.typedStatus[round.label] &&
          own.status !== rolledStatus &&
          round.status !== null
        ) {
          const cell = sheet.at(parent.row - sheet.origin.row - 1, round.status);
          log.report(
            'warning',
            'status-differs-from-points',
            `Recommendation ${draft.id} is '${own.status}' for ${round.label} in ${cell}, but its points add up to '${rolledStatus}'; the points' status is used.`,
            draft.id,
            cell,
          );
        }
        own.status = rolledStatus;
      }
      monitoring[round.label] = own;
    }
  }
  for (const round of rounds)
    monitoring[round.label] ??= { status: 'unreported', comment: '', dueDate: null };

  reportGaps(draft, points, pointDrafts, response, home, sheet, log);

  return {
    id: draft.id,
    number: draft.number,
    pillar: draft.pillar,
    criterion: draft.criterion,
    criterionLabel: draft.criterionLabel,
    evaluationNumber: draft.evaluationNumber,
    linked: draft.linked,
    text: parent?.text ?? '',
    responsible: union([parent?.responsible ?? [], ...points.map((p) => p.responsible)]),
    support: union([parent?.support ?? [], ...points.map((p) => p.support)]),
    response,
    responseComment: parent?.responseComment ?? '',
    keyActions: parent?.keyActions ?? '',
    dueDate: parent?.dueDate ?? earliest(points.map((p) => p.dueDate)),
    monitoring,
    points,
    row: home.row,
  };
}

/**
 * Missing responses, units and text only matter once the points have had their say: a point may
 * take its response or units from the recommendation's row, and the other way round.
 */
function reportGaps(
  draft: RecommendationDraft,
  points: readonly Point[],
  pointDrafts: readonly [string, ActionableDraft][],
  response: ResponseKey | null,
  home: ActionableDraft,
  sheet: Sheet,
  log: FindingLog,
) {
  const parent = draft.parent;
  const owners =
    points.length === 0
      ? [
          {
            id: draft.id,
            kind: 'Recommendation',
            response,
            responsible: home.responsible,
            row: home,
          },
        ]
      : points.map((p, i) => ({
          id: `${draft.id}${p.id}`,
          kind: 'Point',
          response: p.response,
          responsible: p.responsible,
          row: pointDrafts[i]![1],
        }));
  for (const owner of owners) {
    if (owner.response === null && owner.row.responseText === '' && !parent?.response) {
      const cell = sheet.cellAtRow(owner.row.row, 'response');
      log.report(
        'warning',
        'missing-response',
        `${owner.kind} ${owner.id} has no management response in ${cell}: type Accept, Partially accept or Not accept.`,
        owner.id,
        cell,
      );
    }
    if (
      owner.response !== 'reject' &&
      owner.responsible.length === 0 &&
      !parent?.responsible.length
    ) {
      const cell = sheet.cellAtRow(owner.row.row, 'responsible');
      log.report(
        'warning',
        'missing-responsible-unit',
        `${owner.kind} ${owner.id} has no responsible unit in ${cell}, so nobody is shown as owning it.`,
        owner.id,
        cell,
      );
    }
  }
  if ((parent?.text ?? '') === '' && points.every((p) => p.text === '')) {
    const cell = sheet.cellAtRow(home.row, 'text');
    log.report(
      'warning',
      'missing-text',
      `Recommendation ${draft.id} has no text in ${cell}.`,
      draft.id,
      cell,
    );
  }
}
