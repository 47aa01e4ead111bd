import type { SimulatorSpec } from '../../simulator';
import { financialStreamConfig, type FinancialStreamConfig } from './financial-stream.config';
import { estimateFinancialStream } from './financial-stream.estimate';
import { FINANCIAL_ROLES, refineFinancialInputs } from './financial-stream.roles';

/**
 * Runs on the financial domain at scale small restricted to one day (10,000 transactions on
 * 2024-01-01) when no tables are given: the default 24-hour window then holds the whole day,
 * so reversals, fraud bursts and settlement batches all land among real traffic. The domain's
 * full four years would leave about seven transactions in the window.
 */
export const financialStreamSpec: SimulatorSpec<FinancialStreamConfig> = {
  id: 'financial-stream',
  title: 'Financial stream',
  summary: 'Payments with delayed reversals, fraud bursts from compromised accounts, and settlement batches that may partially settle or fail.',
  category: 'behaviour',
  schema: financialStreamConfig,
  estimate: estimateFinancialStream,
  inputs: {
    kind: 'roles',
    roles: FINANCIAL_ROLES,
    defaultDomain: { domain: 'financial', scale: 'small', config: { startDate: '2024-01-01', endDate: '2024-01-01' } },
    refine: refineFinancialInputs,
  },
};
