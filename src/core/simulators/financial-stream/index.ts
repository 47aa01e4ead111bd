import { defineSimulator } from '../../simulator';
import { runFinancialStream } from './financial-stream';
import { financialStreamSpec } from './spec';

export const financialStreamSimulator = defineSimulator(financialStreamSpec, runFinancialStream);
