import type { AnswerKeyBuilder } from '../src/core/answer-key';
import { tableRows } from '../src/core/table/column';

export interface KeyRow {
  readonly kind: string;
  readonly table: string;
  readonly key: string;
  readonly time: number | null;
  readonly details: Record<string, unknown>;
}

/** A run's answer key as rows, details parsed. */
export function answerKeyRows(key: AnswerKeyBuilder): KeyRow[] {
  return tableRows(key.finish()).map((r) => ({
    kind: r.kind as string,
    table: r.table as string,
    key: r.key as string,
    time: r.time as number | null,
    details: JSON.parse(r.details as string) as Record<string, unknown>,
  }));
}
