// The matrix's fixed vocabularies: pillars, evaluation criteria, responses and statuses.
// Every other module takes names and orders from here, so a label is written once. Plain data with
// no zod, so the dashboard can import it without bundling a validator (the schemas: enums.ts).

/** The five pillars of the PSEAH Strategy (Table 3 of the management response). */
export const PILLARS = [
  {
    key: '1',
    name: 'Leadership and Organizational Culture',
    // Every name the source document uses for the pillar, so staff may type any of them.
    aliases: ['Leadership and Culture', 'Leadership and Organisational Culture'],
  },
  {
    key: '2',
    name: 'Institutional Accountability and Transparency',
    aliases: [],
  },
  {
    key: '3',
    name: 'Capacity Development, Behaviour Change and Communications',
    aliases: [
      'Communication, Capacity Development and Behaviour Change',
      'Communication, Capacity-Building and Behaviour Change',
      'Capacity-Development, Behaviour Change and Communication',
      'Capacity Development, Behavior Change and Communications',
    ],
  },
  {
    key: '4',
    name: 'Quality and Accessible Victim Assistance',
    aliases: ['Quality Victim Assistance'],
  },
  {
    key: '5',
    name: 'Partnership and Coordination',
    aliases: [],
  },
] as const;

export const PILLAR_KEYS = PILLARS.map((p) => p.key) as [
  (typeof PILLARS)[number]['key'],
  ...(typeof PILLARS)[number]['key'][],
];
export type PillarKey = (typeof PILLARS)[number]['key'];

/**
 * The seven evaluation criteria (Table 2). `digit` is the first digit of the evaluation's own
 * recommendation number: "Recommendation 5.1" belongs to Efficiency whatever its label says.
 */
export const CRITERIA = [
  { key: 'relevance', digit: 1, label: 'Relevance' },
  { key: 'internal-coherence', digit: 2, label: 'Internal coherence' },
  { key: 'external-coherence', digit: 3, label: 'External coherence' },
  { key: 'effectiveness', digit: 4, label: 'Effectiveness' },
  { key: 'efficiency', digit: 5, label: 'Efficiency' },
  { key: 'impact', digit: 6, label: 'Impact' },
  { key: 'sustainability', digit: 7, label: 'Sustainability' },
] as const;

export const CRITERION_KEYS = CRITERIA.map((c) => c.key) as [
  (typeof CRITERIA)[number]['key'],
  ...(typeof CRITERIA)[number]['key'][],
];
export type CriterionKey = (typeof CRITERIA)[number]['key'];

/** Management response levels, in the order the matrix lists them. */
export const RESPONSES = [
  { key: 'accept', label: 'Accept' },
  { key: 'partial', label: 'Partially accept' },
  { key: 'reject', label: 'Not accept' },
] as const;

export const RESPONSE_KEYS = RESPONSES.map((r) => r.key) as [
  (typeof RESPONSES)[number]['key'],
  ...(typeof RESPONSES)[number]['key'][],
];
export type ResponseKey = (typeof RESPONSES)[number]['key'];

/**
 * Implementation status of a monitoring round. `unreported` is ours: the cell is empty or holds a
 * value we could not read, which is different from a status someone chose.
 */
export const STATUSES = [
  { key: 'completed', label: 'Completed' },
  { key: 'open', label: 'Open' },
  { key: 'discarded', label: 'Discarded' },
  { key: 'unreported', label: 'Unreported' },
] as const;

export const STATUS_KEYS = STATUSES.map((s) => s.key) as [
  (typeof STATUSES)[number]['key'],
  ...(typeof STATUSES)[number]['key'][],
];
export type StatusKey = (typeof STATUSES)[number]['key'];

/** The values a person may type in a status cell (what the sheet's dropdown offers). */
export const TYPED_STATUSES = ['open', 'completed', 'discarded'] as const;

export function pillarName(key: PillarKey): string {
  return PILLARS.find((p) => p.key === key)?.name ?? key;
}

export function criterionLabel(key: CriterionKey): string {
  return CRITERIA.find((c) => c.key === key)?.label ?? key;
}

export function criterionForDigit(digit: number): CriterionKey | null {
  return CRITERIA.find((c) => c.digit === digit)?.key ?? null;
}

/** The interface languages (the organisation's working languages); sheet content is never translated. */
export const LOCALES = ['en', 'fr', 'es', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
