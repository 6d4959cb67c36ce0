// The matrix bundled with the Worker (data/matrix.csv): the source when no SHEET_ID is set.
import { parseCsv } from '../csv.ts';
import { contentHash } from '../hash.ts';
import type { SheetSource, SourceRows, SourceVersion } from './source.ts';

export function bundledSource(csv: string, name = 'data/matrix.csv'): SheetSource {
  // The text is fixed for a deployment, so its hash is a version that changes only on redeploy.
  const version = `bundled-${contentHash(csv)}`;
  return {
    kind: 'bundled',
    id: name,
    async version(): Promise<SourceVersion> {
      return { version, modifiedTime: null };
    },
    async read(): Promise<SourceRows> {
      return {
        rows: parseCsv(csv),
        origin: { row: 0, column: 0 },
        range: null,
        title: null,
        gid: null,
        // A CSV says nothing about its date order: ambiguous dates get a finding.
        dateOrder: null,
      };
    },
  };
}
