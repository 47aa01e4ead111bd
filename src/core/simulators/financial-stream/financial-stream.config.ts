import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, show, type InferShape, type Issue } from '../../schema/fields';
import { inputMappingField } from '../../inputs/contract';
import { US_PER_HOUR } from '../../time';
import { FINANCIAL_ROLES } from './financial-stream.roles';

/** Ten years of window. */
export const MAX_DURATION_HOURS = 87_840;
/** More settlement batches than this are refused (each is a row and a chart point). */
export const MAX_BATCHES = 1_000_000;
/** Expected fraud rows above this are refused. */
export const MAX_EXPECTED_FRAUD = 10_000_000;

const hours = (label: string, help: string, dflt: number, group: string, min: number, minExclusive: boolean) =>
  f.number({ default: dflt, min, minExclusive, max: MAX_DURATION_HOURS, unit: 'h', label, help, group });

const shape = {
  inputs: inputMappingField(FINANCIAL_ROLES, {
    label: 'Inputs',
    help: 'Which tables play the transactions and accounts roles, and which of their columns are the id, account, amount, time and status.',
    group: 'Inputs',
  }),
  durationHours: hours('Duration', 'Length of the window fraud bursts and settlement batches cover.', 24, 'Window', 0, true),
  startTime: f.nullable(f.instant({ help: 'Window start.' }), {
    default: null,
    label: 'Start time',
    help: 'Window start (UTC when no offset is given); empty: the earliest transaction time, else 2024-01-01T00:00:00Z.',
    group: 'Window',
  }),
  reversalEnabled: f.bool({ default: true, label: 'Reversals', help: 'Reverse some completed transactions after a delay (chargebacks, corrections).', group: 'Reversals' }),
  reversalProbability: f.probability({ default: 0.03, label: 'Reversal probability', help: 'Chance that an eligible (completed) transaction is reversed.', group: 'Reversals' }),
  reversalDelayHoursMax: f.number({
    default: 48,
    min: 0.1,
    max: MAX_DURATION_HOURS,
    unit: 'h',
    label: 'Longest delay',
    help: 'A reversal follows its original after U(0.1 h, this) hours.',
    group: 'Reversals',
  }),
  fraudBurstEnabled: f.bool({ default: true, label: 'Fraud bursts', help: 'Bursts of rapid high-value transactions from one compromised account.', group: 'Fraud bursts' }),
  fraudBurstProbability: f.probability({ default: 0.01, label: 'Burst probability', help: 'Chance per hour of the window that a burst starts on that hour.', group: 'Fraud bursts' }),
  fraudBurstCount: f.int({ default: 15, min: 0, max: 1_000_000, label: 'Transactions per burst', help: 'Fraudulent transactions in one burst, within two minutes.', group: 'Fraud bursts' }),
  fraudBurstAmountRange: f.array(f.number({ min: 0, max: 1e12, help: 'An amount.' }), {
    default: [500, 10_000],
    minItems: 2,
    maxItems: 2,
    label: 'Fraud amount range',
    help: '[min, max]: fraud amounts are uniform in it, to the cent.',
    group: 'Fraud bursts',
  }),
  settlementEnabled: f.bool({ default: true, label: 'Settlements', help: 'Settle every batch window of records; some batches settle partially or fail.', group: 'Settlements' }),
  settlementBatchHours: hours('Batch length', 'Length of a settlement batch window.', 4, 'Settlements', 0, true),
  settlementSuccessRate: f.probability({ default: 0.98, label: 'Success rate', help: 'Chance that a batch settles in full; failures split evenly into partial and failed.', group: 'Settlements' }),
  seed: seedField(),
};

type Raw = InferShape<typeof shape>;

/** Whole milliseconds of `h` hours: window and batch lengths are ms-exact, so batches are exactly B apart. */
export const hoursToUs = (h: number) => Math.round(h * (US_PER_HOUR / 1000)) * 1000;

/** The number of settlement batches, max(1, ceil(D / B)), on the ms-exact lengths. */
export const batchCount = (durationHours: number, batchHours: number) => Math.max(1, Math.ceil(hoursToUs(durationHours) / hoursToUs(batchHours)));

function validate(c: Raw): Issue[] {
  const issues: Issue[] = [];
  const [lo, hi] = c.fraudBurstAmountRange;
  if (lo > hi) issues.push({ path: 'fraudBurstAmountRange', message: `${show(c.fraudBurstAmountRange)} has min above max; allowed: [min, max] with 0 ≤ min ≤ max` });
  else if (Math.ceil(lo * 100 - 1e-9) > Math.floor(hi * 100 + 1e-9))
    issues.push({ path: 'fraudBurstAmountRange', message: `${show(c.fraudBurstAmountRange)} holds no whole-cent amount; allowed: a range containing at least one amount with 2 decimals` });
  if (hoursToUs(c.durationHours) <= 0)
    issues.push({ path: 'durationHours', message: `${c.durationHours} is shorter than a millisecond; allowed: a window of at least 1 ms (2.8e-7 h)` });
  else if (hoursToUs(c.settlementBatchHours) <= 0)
    issues.push({ path: 'settlementBatchHours', message: `${c.settlementBatchHours} is shorter than a millisecond; allowed: a batch of at least 1 ms (2.8e-7 h)` });
  else if (batchCount(c.durationHours, c.settlementBatchHours) > MAX_BATCHES)
    issues.push({
      path: 'settlementBatchHours',
      message: `${c.settlementBatchHours} h gives ${batchCount(c.durationHours, c.settlementBatchHours).toLocaleString('en-US')} batches over ${c.durationHours} h; allowed: at most ${MAX_BATCHES.toLocaleString('en-US')} batches`,
    });
  const fraud = c.fraudBurstEnabled ? Math.ceil(c.durationHours) * c.fraudBurstProbability * c.fraudBurstCount : 0;
  if (fraud > MAX_EXPECTED_FRAUD)
    issues.push({
      path: 'fraudBurstCount',
      message: `${c.fraudBurstCount} per burst gives ${Math.round(fraud).toLocaleString('en-US')} expected fraud rows; allowed: at most ${MAX_EXPECTED_FRAUD.toLocaleString('en-US')}`,
    });
  return issues;
}

export const financialStreamConfig = defineConfig(shape, validate);

export type FinancialStreamConfig = Raw;
