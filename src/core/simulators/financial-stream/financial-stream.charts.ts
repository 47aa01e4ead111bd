/**
 * Chart data for the Financial stream page, small for any run size: volume and amount over
 * the window by record type with the fraud bursts to mark, reversals by reason and by delay,
 * settlement batches by status over time, and the most hit compromised accounts.
 */
import { roundTo } from '../../domains/sort';
import { histogram, niceEdges } from '../../histogram';
import { cellAt, type Column } from '../../table/column';
import { formatIso, US_PER_HOUR } from '../../time';
import { MAX_BUCKETS, TimeBuckets } from '../../time-buckets';
import { FAILED, PARTIAL, REVERSAL_REASONS, SETTLED } from './financial-stream.constants';
import type { Fraud } from './financial-stream.fraud';
import type { Ledger } from './financial-stream.ledger';
import type { Reversals } from './financial-stream.reversals';
import type { Settlements } from './financial-stream.settlements';

/** At most this many fraud bursts are listed for marking (the count is in the stats). */
export const MAX_CHART_BURSTS = 500;
export const TOP_ACCOUNTS = 10;

export interface FinancialStreamCharts {
  /** The window [start, end) and the end of the last settlement batch (≥ end). */
  readonly window: { readonly start: string; readonly end: string; readonly settlementEnd: string };
  /** Records per time bucket of [start, settlementEnd) by record type, and their net amounts (reversals negative). */
  readonly volume: {
    readonly bucketMinutes: number;
    readonly bucketStarts: string[];
    readonly original: number[];
    readonly reversal: number[];
    readonly fraud: number[];
    readonly originalAmount: number[];
    readonly reversalAmount: number[];
    readonly fraudAmount: number[];
  };
  /** Timed records before and after the charted range, and untimed originals. */
  readonly outsideWindow: { readonly before: number; readonly after: number; readonly untimed: number };
  /** Fraud bursts in time order (the first MAX_CHART_BURSTS), ids as in the answer key. */
  readonly fraudBursts: { id: string; accountId: string; start: string; end: string; events: number; amount: number }[];
  readonly reversalsByReason: { reason: string; count: number; amount: number }[];
  /** Reversal delays in hours, [fromHours, toHours) bins. */
  readonly reversalsByDelay: { fromHours: number; toHours: number; count: number }[];
  /** Batches by status per group of consecutive batches (at most MAX_BUCKETS groups), with gross and settled amounts. */
  readonly settlements: {
    readonly bucketHours: number;
    readonly bucketStarts: string[];
    readonly settled: number[];
    readonly partial: number[];
    readonly failed: number[];
    readonly gross: number[];
    readonly settledAmount: number[];
  };
  /** Accounts hit by fraud bursts, by fraud amount, the top TOP_ACCOUNTS. */
  readonly topCompromisedAccounts: { accountId: string; bursts: number; events: number; amount: number }[];
}

/** The answer key's (and the charts') id of burst b, in time order: `fraud-burst-0001`. */
export const burstId = (b: number) => `fraud-burst-${String(b + 1).padStart(4, '0')}`;

const round2 = (x: number) => roundTo(x, 2) + 0;
const text = (c: Column, row: number) => String(cellAt(c, row));

function volume(ledger: Ledger, rev: Reversals, fraud: Fraud, buckets: TimeBuckets, outside: { before: number; after: number }) {
  const nb = buckets.count;
  const counts = [new Float64Array(nb), new Float64Array(nb), new Float64Array(nb)];
  const sums = [new Float64Array(nb), new Float64Array(nb), new Float64Array(nb)];
  const add = (kind: number, t: number, amount: number) => {
    const b = buckets.index(t);
    if (b < 0) {
      if (t < buckets.startUs) outside.before++;
      else outside.after++;
      return;
    }
    counts[kind][b]++;
    if (amount === amount) sums[kind][b] += amount;
  };
  for (let i = 0; i < ledger.n; i++) if (ledger.time[i] === ledger.time[i]) add(0, ledger.time[i], ledger.amount[i]);
  for (let k = 0; k < rev.length; k++) add(1, rev.at[k], rev.amount[k]);
  for (let k = 0; k < fraud.length; k++) add(2, fraud.at[k], fraud.amount[k]);
  const list = (a: Float64Array) => Array.from(a);
  const money = (a: Float64Array) => Array.from(a, round2);
  return {
    bucketMinutes: buckets.bucketMinutes,
    bucketStarts: buckets.starts(),
    original: list(counts[0]),
    reversal: list(counts[1]),
    fraud: list(counts[2]),
    originalAmount: money(sums[0]),
    reversalAmount: money(sums[1]),
    fraudAmount: money(sums[2]),
  };
}

function settlementSeries(s: Settlements | null) {
  if (!s || s.length === 0) return { bucketHours: 0, bucketStarts: [], settled: [], partial: [], failed: [], gross: [], settledAmount: [] };
  const group = Math.ceil(s.length / MAX_BUCKETS);
  const n = Math.ceil(s.length / group);
  const out = { settled: new Array<number>(n).fill(0), partial: new Array<number>(n).fill(0), failed: new Array<number>(n).fill(0), gross: new Array<number>(n).fill(0), settledAmount: new Array<number>(n).fill(0) };
  for (let b = 0; b < s.length; b++) {
    const g = Math.floor(b / group);
    const st = s.status[b];
    if (st === SETTLED) out.settled[g]++;
    else if (st === PARTIAL) out.partial[g]++;
    else if (st === FAILED) out.failed[g]++;
    out.gross[g] += s.gross[b];
    out.settledAmount[g] += s.total[b];
  }
  return {
    bucketHours: (group * s.batchUs) / US_PER_HOUR,
    bucketStarts: Array.from({ length: n }, (_, g) => formatIso(s.windowStart[g * group])),
    ...out,
    gross: out.gross.map(round2),
    settledAmount: out.settledAmount.map(round2),
  };
}

/** Summarise a run for the page (one pass over each source). */
export function financialCharts(input: {
  ledger: Ledger;
  reversals: Reversals;
  fraud: Fraud;
  settlements: Settlements | null;
  pool: Column;
  startUs: number;
  windowUs: number;
  settlementEndUs: number;
  maxDelayHours: number;
}): FinancialStreamCharts {
  const { ledger, reversals: rev, fraud, pool } = input;
  const outside = { before: 0, after: 0 };
  let untimed = 0;
  for (let i = 0; i < ledger.n; i++) if (ledger.time[i] !== ledger.time[i]) untimed++;
  const vol = volume(ledger, rev, fraud, new TimeBuckets(input.startUs, input.settlementEndUs), outside);

  const burstEvents = new Float64Array(fraud.burstHour.length);
  const burstAmount = new Float64Array(fraud.burstHour.length);
  const burstEnd = new Float64Array(fraud.burstHour.length);
  for (let k = 0; k < fraud.length; k++) {
    const b = fraud.burst[k];
    burstEvents[b]++;
    burstAmount[b] += fraud.amount[k];
    if (fraud.at[k] > burstEnd[b]) burstEnd[b] = fraud.at[k];
  }
  const accountOf = (b: number) => text(pool, ledger.pool[fraud.burstAccount[b]]);
  const byAccount = new Map<string, { accountId: string; bursts: number; events: number; amount: number }>();
  for (let b = 0; b < fraud.burstHour.length; b++) {
    const id = accountOf(b);
    const a = byAccount.get(id) ?? { accountId: id, bursts: 0, events: 0, amount: 0 };
    a.bursts++;
    a.events += burstEvents[b];
    a.amount += burstAmount[b];
    byAccount.set(id, a);
  }

  const reasonCount = new Float64Array(REVERSAL_REASONS.length);
  const reasonAmount = new Float64Array(REVERSAL_REASONS.length);
  const delayHours = new Float64Array(rev.length);
  for (let k = 0; k < rev.length; k++) {
    reasonCount[rev.reason[k]]++;
    reasonAmount[rev.reason[k]] += rev.amount[k];
    delayHours[k] = rev.delayMs[k] / 3_600_000;
  }
  // nice bins over [0, max]; the last edge sits just past max, since a delay can equal max
  const edges = niceEdges(0, input.maxDelayHours, 12).filter((e) => e !== Infinity);
  const past = input.maxDelayHours + 1e-9;
  if (edges[edges.length - 1] === input.maxDelayHours) edges[edges.length - 1] = past;
  else if (edges[edges.length - 1] < input.maxDelayHours) edges.push(past);

  return {
    window: { start: formatIso(input.startUs), end: formatIso(input.startUs + input.windowUs), settlementEnd: formatIso(input.settlementEndUs) },
    volume: vol,
    outsideWindow: { ...outside, untimed },
    fraudBursts: Array.from({ length: Math.min(MAX_CHART_BURSTS, fraud.burstHour.length) }, (_, b) => ({
      id: burstId(b),
      accountId: accountOf(b),
      start: formatIso(fraud.burstStart[b]),
      end: formatIso(Math.max(burstEnd[b], fraud.burstStart[b])),
      events: burstEvents[b],
      amount: round2(burstAmount[b]),
    })),
    reversalsByReason: REVERSAL_REASONS.map((reason, i) => ({ reason, count: reasonCount[i], amount: round2(reasonAmount[i]) })),
    reversalsByDelay: histogram(delayHours, edges).map((b) => ({
      fromHours: b.lo,
      toHours: b.hi,
      count: b.count,
    })),
    settlements: settlementSeries(input.settlements),
    topCompromisedAccounts: [...byAccount.values()]
      .sort((a, b) => b.amount - a.amount || (a.accountId < b.accountId ? -1 : 1))
      .slice(0, TOP_ACCOUNTS)
      .map((a) => ({ ...a, amount: round2(a.amount) })),
  };
}
