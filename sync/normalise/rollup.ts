// Rolling sub-points up into their recommendation: one response, one status per round.
import type { ResponseKey, StatusKey } from '../../data/vocabulary.ts';

/** The points' common response; points that disagree make the recommendation Partially accept. */
export function rollUpResponse(responses: readonly (ResponseKey | null)[]): ResponseKey | null {
  const known = responses.filter((r): r is ResponseKey => r !== null);
  if (known.length === 0) return null;
  return known.every((r) => r === known[0]) ? known[0]! : 'partial';
}

/**
 * A round's status from the points that were not rejected (all points, if every one was):
 * any open → open, else any completed → completed, else all discarded → discarded,
 * else unreported.
 */
export function rollUpStatus(
  points: readonly { response: ResponseKey | null; status: StatusKey }[],
): StatusKey {
  const kept = points.filter((p) => p.response !== 'reject');
  const counted = (kept.length > 0 ? kept : points).map((p) => p.status);
  if (counted.includes('open')) return 'open';
  if (counted.includes('completed')) return 'completed';
  if (counted.length > 0 && counted.every((s) => s === 'discarded')) return 'discarded';
  return 'unreported';
}
