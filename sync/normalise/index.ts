// Public face of the normaliser: rows of cells in, recommendations and findings out.
export { type NormaliseOptions, type NormaliseResult, normaliseRows } from './normalise.ts';
export type { Cell } from './text.ts';
