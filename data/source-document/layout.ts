// The canonical spreadsheet layout of the matrix: which columns, in which order, under which headers.
import { stringifyCsv } from '../../sync/csv.ts';

/** One spreadsheet row: a recommendation, or one lettered point of a recommendation. */
export interface MatrixRow {
  id: string;
  pillar: string;
  criterion: string;
  evaluationNumber: string;
  linked: string;
  recommendation: string;
  responsible: string;
  support: string;
  response: string;
  responseComments: string;
  keyActions: string;
  status2: string;
  comments2: string;
  status3: string;
  comments3: string;
}

/** Headers exactly as the sheet carries them; the sync reads columns by these names. */
export const MATRIX_COLUMNS: readonly { key: keyof MatrixRow; header: string }[] = [
  { key: 'id', header: 'Recommendation #' },
  { key: 'pillar', header: 'Pillar' },
  { key: 'criterion', header: 'Evaluation criterion' },
  { key: 'evaluationNumber', header: 'Evaluation recommendation #' },
  { key: 'linked', header: 'Linked recommendations' },
  { key: 'recommendation', header: 'Recommendation' },
  { key: 'responsible', header: 'Responsible unit(s)' },
  { key: 'support', header: 'Support from' },
  { key: 'response', header: 'Management response' },
  { key: 'responseComments', header: 'Management response comments' },
  { key: 'keyActions', header: 'Key actions' },
  {
    key: 'status2',
    header: 'Implementation monitoring status – discarded/open/completed (Time 2)',
  },
  { key: 'comments2', header: 'Comments on implementation status (Time 2)' },
  {
    key: 'status3',
    header: 'Final implementation monitoring status – discarded/open/completed (Time 3)',
  },
  { key: 'comments3', header: 'Final comments on implementation status (Time 3)' },
];

/** The header row followed by one row of cells per matrix row. */
export function matrixTable(rows: readonly MatrixRow[]): string[][] {
  return [
    MATRIX_COLUMNS.map((c) => c.header),
    ...rows.map((row) => MATRIX_COLUMNS.map((c) => row[c.key])),
  ];
}

/** The CSV text of data/matrix.csv for these rows. */
export function matrixCsv(rows: readonly MatrixRow[]): string {
  return stringifyCsv(matrixTable(rows));
}
