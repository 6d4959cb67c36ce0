// /api/digest?from=Time 2&to=Time 3: what moved between two rounds, for the printable digest page.
import { Hono } from 'hono';
import { computeDigest } from '../../sync/digest.ts';
import { today } from '../../sync/query.ts';
import type { AppEnv } from '../context.ts';
import { loadCurrent } from '../current.ts';
import { apiError } from '../errors.ts';
import { dataAge, setCacheHeaders } from '../freshness.ts';
import { onlyParameters } from '../query.ts';

export const digestRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const values = onlyParameters(c, ['from', 'to']);
  const record = await loadCurrent(c);
  const { snapshot } = record;
  const rounds = snapshot.rounds.map((r) => r.label);
  // Not the request's fault but the sheet's state: 409, which the dashboard words as such.
  if (rounds.length < 2) {
    throw apiError(409, {
      message: 'A digest compares two monitoring rounds, and this sheet has fewer.',
      parameter: 'from',
      allowed: rounds,
    });
  }
  const pick = (name: 'from' | 'to', fallback: string) => {
    const given = values.get(name) ?? [];
    if (given.length > 1) throw apiError(400, { message: `Give '${name}' once.`, parameter: name });
    const round = given[0] ?? fallback;
    if (!rounds.includes(round))
      throw apiError(400, {
        message: `'${round}' is not a monitoring round of this sheet.`,
        parameter: name,
        allowed: rounds,
      });
    return round;
  };
  const from = pick('from', rounds.at(-2)!);
  const to = pick('to', rounds.at(-1)!);
  if (rounds.indexOf(from) >= rounds.indexOf(to)) {
    throw apiError(400, {
      message: `'from' (${from}) must be an earlier round than 'to' (${to}).`,
      parameter: 'from',
      allowed: rounds.slice(0, rounds.indexOf(to)),
    });
  }
  const digest = computeDigest(snapshot.recommendations, from, to, {
    on: today(),
    dueDates: snapshot.dueDates,
  });
  // A share link shows only the breakdowns it allows (units also need unit names to be shown).
  const caller = c.get('caller');
  const scope = caller?.kind === 'donor' ? caller.link.scope : null;
  const shows = (breakdown: 'pillar' | 'unit') =>
    scope === null ||
    (scope.breakdowns.includes(breakdown) && (breakdown !== 'unit' || scope.units));
  const age = dataAge(c, record);
  setCacheHeaders(c, age);
  return c.json({
    ...age,
    rounds,
    ...digest,
    byPillar: shows('pillar') ? digest.byPillar : [],
    byUnit: shows('unit') ? digest.byUnit : [],
    /** The breakdowns this caller sees. */
    breakdowns: (['pillar', 'unit'] as const).filter(shows),
  });
});
