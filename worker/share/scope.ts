// A share link's scope applied to the current record: what a donor may see, and nothing else.

import type { ShareScope } from '../../data/share.ts';
import type { CurrentRecord } from '../../data/snapshot.ts';
import { aggregate } from '../../sync/aggregate.ts';

/**
 * The record as the link may see it: other pillars' recommendations gone, comments and unit
 * names blanked when hidden, findings and the sheet's address dropped (internal), breakdowns the
 * link does not show emptied, and the counts recomputed from what is left.
 */
export function scopeRecord(record: CurrentRecord, scope: ShareScope): CurrentRecord {
  const { snapshot } = record;
  const pillars = new Set(scope.pillars);
  const recommendations = snapshot.recommendations
    .filter((r) => pillars.size === 0 || (r.pillar !== null && pillars.has(r.pillar)))
    .map((r) => {
      const strip = <T extends (typeof r.points)[number] | typeof r>(item: T): T => ({
        ...item,
        responsible: scope.units ? item.responsible : [],
        support: scope.units ? item.support : [],
        responseComment: scope.comments ? item.responseComment : '',
        monitoring: scope.comments
          ? item.monitoring
          : Object.fromEntries(
              Object.entries(item.monitoring).map(([round, m]) => [round, { ...m, comment: '' }]),
            ),
      });
      return { ...strip(r), points: r.points.map(strip) };
    });
  const { total, breakdowns } = aggregate(recommendations, snapshot.rounds);
  const shown = new Set(scope.breakdowns);
  return {
    status: {
      ...record.status,
      // What the last sync said is for staff (it names accounts and cells).
      lastRun: null,
    },
    snapshot: {
      ...snapshot,
      source: { ...snapshot.source, id: null, gid: null, range: null },
      recommendations,
      findings: [],
      total,
      breakdowns: {
        // A pillar-scoped link does not even learn the other pillars' (empty) groups.
        pillar: shown.has('pillar')
          ? breakdowns.pillar.filter((g) => pillars.size === 0 || pillars.has(g.key as never))
          : [],
        criterion: shown.has('criterion') ? breakdowns.criterion : [],
        unit: shown.has('unit') && scope.units ? breakdowns.unit : [],
        response: shown.has('response') ? breakdowns.response : [],
      },
    },
  };
}
