// Where the source document and the generated CSV live, so the CLI and the tests agree.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two levels up from data/source-document/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Our copy of the source document, committed so a fresh clone can regenerate and test the matrix
 * without anything beside it.
 */
export const DEFAULT_SOURCE_PATH = resolve(
  REPO_ROOT,
  'data/source-document/management-response-matrix.md',
);

/** The document as it was handed to us, beside the repository (there in CI). */
export const SHARED_SOURCE_PATH = resolve(
  REPO_ROOT,
  '../shared/source/management-response-matrix.md',
);

export const MATRIX_CSV_PATH = resolve(REPO_ROOT, 'data/matrix.csv');
