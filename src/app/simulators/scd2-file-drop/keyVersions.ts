/**
 * A key's versions from its landed rows (snapshot row, delta rows in landing order): a row that
 * is current when it lands opens a version; an expire row (an update that is not current) closes
 * the version that began at its `valid_from`. Validity is half-open: [valid_from, valid_to).
 */
import type { KeyHistory } from '../../../core/simulators/scd2-file-drop/scd2.history';

type Json = string | number | boolean | null;

export interface KeyVersion {
  readonly n: number;
  readonly validFrom: string | null;
  validTo: string | null;
  readonly values: Record<string, Json>;
  /** "snapshot" or the delta day it landed in. */
  readonly landedAt: string;
  readonly drop: 'initial' | 'delta';
  readonly how: 'snapshot' | 'insert' | 'update';
}

export interface HistoryColumns {
  readonly from: string;
  readonly to: string;
  readonly current: string;
}

export function keyVersions(history: KeyHistory, cols: HistoryColumns): KeyVersion[] {
  const versions: KeyVersion[] = [];
  for (const row of history.rows) {
    const v = row.values;
    const from = v[cols.from] === null ? null : String(v[cols.from]);
    if (v[cols.current] === true) {
      versions.push({
        n: versions.length + 1,
        validFrom: from,
        validTo: v[cols.to] === null ? null : String(v[cols.to]),
        values: v,
        landedAt: row.landedAt,
        drop: row.drop,
        how: row.drop === 'initial' ? 'snapshot' : v._delta_type === 'insert' ? 'insert' : 'update',
      });
    } else {
      const open = versions.find((x) => x.validFrom === from && x.validTo === null);
      if (open) open.validTo = v[cols.to] === null ? null : String(v[cols.to]);
    }
  }
  return versions;
}
