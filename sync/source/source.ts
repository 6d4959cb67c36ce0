// Where a sync reads the matrix from: the bundled CSV or a Google Sheet, behind one small interface.
import type { SourceKind } from '../../data/snapshot.ts';
import type { Origin } from '../a1.ts';
import type { DateOrder } from '../normalise/dates.ts';
import type { Cell } from '../normalise/index.ts';

export interface SourceVersion {
  /** Changes whenever the content may have changed (Drive's file version, a hash for a file). */
  version: string;
  modifiedTime: string | null;
}

export interface SourceRows {
  rows: Cell[][];
  /** Where the rows start in the sheet, so findings name the cells staff see. */
  origin: Origin;
  /** The range that was read, as the source names it. */
  range: string | null;
  title: string | null;
  gid: number | null;
  /** Day or month first in the sheet's written dates (from its locale); null when unknown. */
  dateOrder: DateOrder | null;
}

export interface SheetSource {
  readonly kind: SourceKind;
  /** The spreadsheet id or file name. */
  readonly id: string | null;
  /** The cheap check: the version alone, without the values. */
  version(): Promise<SourceVersion>;
  /** The values themselves. */
  read(): Promise<SourceRows>;
}
