/** Fixed vocabularies of the financial stream (spec/financial-stream.md §2, "Constants"). */

/** Reversal reasons and their weights. */
export const REVERSAL_REASONS = ['customer_dispute', 'duplicate', 'fraud_confirmed', 'error'] as const;
export const REVERSAL_WEIGHTS = [0.4, 0.25, 0.2, 0.15] as const;

/** Merchant categories of fraudulent transactions (uniform). */
export const FRAUD_CATEGORIES = ['electronics', 'jewelry', 'gift_cards', 'cryptocurrency', 'wire_transfer', 'online_gambling', 'luxury_goods'] as const;

/** Why a batch settled partially or failed (uniform). */
export const FAILURE_REASONS = ['insufficient_funds', 'account_closed', 'compliance_hold', 'network_timeout', 'duplicate_batch'] as const;

/** Settlement outcomes, by code. */
export const SETTLEMENT_STATUSES = ['settled', 'partial', 'failed'] as const;
export const SETTLED = 0;
export const PARTIAL = 1;
export const FAILED = 2;

/** The combined table's record types, by code (also the tie-break order at equal times, D5). */
export const RECORD_TYPES = ['original', 'reversal', 'fraud'] as const;

/** A fraud burst's transactions fall within this long after the burst's start. */
export const BURST_SPAN_US = 120_000_000;

/** Only these statuses (lower-cased) can be reversed (D7). */
export const REVERSIBLE_STATUSES: ReadonlySet<string> = new Set(['completed']);
