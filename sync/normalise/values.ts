// Reading single values the loose way staff type them: numbers, pillars, criteria, responses, statuses.
import {
  CRITERIA,
  type CriterionKey,
  criterionForDigit,
  PILLARS,
  type PillarKey,
  type ResponseKey,
  type StatusKey,
} from '../../data/vocabulary.ts';
import { words } from './text.ts';

export interface RecommendationNumber {
  number: number;
  /** The sub-point letter of "48a", or null for the recommendation itself. */
  point: string | null;
}

/** "12", "#12", "Recommendation #12", "Rec. 12", "48a", "48 (a)", "48.a" → { 12 | 48, point }. */
export function parseRecommendationNumber(text: string): RecommendationNumber | null {
  const match =
    /^(?:rec(?:ommendation)?\.?\s*)?(?:(?:no|nr|number)\.?\s*)?#?\s*0*(\d{1,4})\s*(?:[.-]?\s*\(?([a-z])\)?)?\s*\.?$/i.exec(
      text.trim(),
    );
  if (!match) return null;
  const number = Number(match[1]);
  if (!Number.isInteger(number) || number < 1) return null;
  return { number, point: match[2] ? match[2].toLowerCase() : null };
}

const pillarNames = new Map<string, PillarKey>(
  PILLARS.flatMap((p) => [p.name, ...p.aliases].map((name) => [words(name), p.key] as const)),
);

// Words that only one pillar's names use, for a sheet that abbreviates ("Victim assistance").
const pillarKeywords: [RegExp, PillarKey][] = [
  [/\b(leadership|culture)\b/, '1'],
  [/\b(accountability|transparency)\b/, '2'],
  [/\b(communications?|capacity|behaviou?r)\b/, '3'],
  [/\b(victims?|assistance)\b/, '4'],
  [/\b(partnerships?|coordination)\b/, '5'],
];

/** "3", "Pillar 3", "Pillar 3: Communication…", or any of the source's names for a pillar. */
export function parsePillar(text: string): PillarKey | null {
  const quick = /^(?:pillar\s*)?([1-5])(?:\s*[:.\-–]|$)/i.exec(text);
  if (quick) return quick[1] as PillarKey;
  const w = words(text);
  const numbered = /^(?:pillar )?([0-9]+)\b/.exec(w);
  if (numbered) return PILLARS.find((p) => p.key === numbered[1])?.key ?? null;
  const name = w.replace(/^pillar /, '');
  const exact = pillarNames.get(name);
  if (exact) return exact;
  const hits = new Set(pillarKeywords.filter(([re]) => re.test(name)).map(([, key]) => key));
  return hits.size === 1 ? [...hits][0]! : null;
}

/** The evaluation's own number, "5.1" or "4.10", found anywhere in the text. */
export function findEvaluationNumber(text: string): string | null {
  const match = /(?:^|[^\d.])(\d{1,2})\.(\d{1,2})(?![\d])/.exec(` ${text}`);
  return match ? `${Number(match[1])}.${match[2]}` : null;
}

/** The criterion an evaluation number belongs to, by its first digit (Table 2). */
export function criterionOfNumber(evaluationNumber: string): CriterionKey | null {
  const digit = Number(evaluationNumber.split('.')[0]);
  return criterionForDigit(digit);
}

const criterionWords: [RegExp, CriterionKey][] = [
  [/\brelevan(ce|t)\b/, 'relevance'],
  [/\binternal\b/, 'internal-coherence'],
  [/\bexternal\b/, 'external-coherence'],
  [/\beffective(ness)?\b/, 'effectiveness'],
  [/\befficien(cy|t)\b/, 'efficiency'],
  [/\bimpacts?\b/, 'impact'],
  [/\bsustainab(ility|le)\b/, 'sustainability'],
];

/**
 * The criterion a label names: "Efficiency", "Internal Coherence", "5", or the label part of
 * "Efficiency: Recommendation 5.1". Null when it names none, or more than one.
 */
const criterionLabelCache = new Map<string, CriterionKey | null>();

export function parseCriterionLabel(text: string): CriterionKey | null {
  // Labels repeat down a sheet (seven criteria, many rows): remember each one read.
  const cached = criterionLabelCache.get(text);
  if (cached !== undefined) return cached;
  const key = readCriterionLabel(text);
  if (criterionLabelCache.size < 1000) criterionLabelCache.set(text, key);
  return key;
}

function readCriterionLabel(text: string): CriterionKey | null {
  const label = words(text.replace(/(recommendation)?\s*#?\s*\d{1,2}\.\d{1,2}/gi, ' '))
    .replace(/\brecommendation\b/g, '')
    .trim();
  if (label === '') return null;
  if (/^[0-9]$/.test(label)) return criterionForDigit(Number(label));
  const hits = new Set(criterionWords.filter(([re]) => re.test(label)).map(([, key]) => key));
  return hits.size === 1 ? [...hits][0]! : null;
}

/** The label part of a combined cell, as written: "Efficiency: Recommendation 5.1" → "Efficiency". */
export function criterionLabelText(text: string): string {
  return text
    .replace(/(recommendation)?\s*#?\s*\d{1,2}\.\d{1,2}/gi, ' ')
    .replace(/[\s:–—-]+$/u, '')
    .replace(/^[\s:–—-]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function criterionName(key: CriterionKey): string {
  return CRITERIA.find((c) => c.key === key)?.label ?? key;
}

/** Folds "-ed" and "-s" verb forms so "Accepted", "accepts" and "accept" read the same. */
function verbStem(w: string): string {
  return w
    .split(' ')
    .map((word) => word.replace(/^(accept|reject|agree|complet|discard|open)(ed|s|e)?$/, '$1'))
    .join(' ')
    .replace(/\bcomplet\b/g, 'complete');
}

// The values the sheet's dropdowns offer, looked up before the loose reading.
const EXACT_RESPONSES = new Map<string, ResponseKey>([
  ['accept', 'accept'],
  ['partially accept', 'partial'],
  ['not accept', 'reject'],
]);
const EXACT_STATUSES = new Map<string, Exclude<StatusKey, 'unreported'>>([
  ['open', 'open'],
  ['completed', 'completed'],
  ['discarded', 'discarded'],
]);

/** "Accept", "Partially accepted", "NOT ACCEPT." → accept | partial | reject; null if unreadable. */
export function parseResponse(text: string): ResponseKey | null {
  const exact = EXACT_RESPONSES.get(text.toLowerCase());
  if (exact) return exact;
  const w = verbStem(words(text).replace(/^management response\s*/, ''));
  if (/^(fully )?(accept|agree)$/.test(w)) return 'accept';
  if (/^(partially|partly|partial)( (accept|agree))?$|^(accept|agree) (partially|in part)$/.test(w))
    return 'partial';
  if (/^((do|does) not|not|non) (accept|agree)$|^reject$/.test(w)) return 'reject';
  return null;
}

/** "open", "COMPLETED ", "Discarded." → the status; null if unreadable (the caller reports it). */
export function parseStatus(text: string): Exclude<StatusKey, 'unreported'> | null {
  const exact = EXACT_STATUSES.get(text.toLowerCase());
  if (exact) return exact;
  const w = verbStem(words(text));
  if (w === 'open') return 'open';
  if (w === 'complete') return 'completed';
  if (w === 'discard') return 'discarded';
  return null;
}

/** Recommendation ids a "linked" cell mentions: "#12 and #20", "38, 53, 54", "47a" → 47. */
export function parseLinked(text: string): string[] {
  return [...new Set([...text.matchAll(/\d+/g)].map((m) => String(Number(m[0]))))];
}
