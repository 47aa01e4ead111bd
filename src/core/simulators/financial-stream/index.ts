import { defineSimulator } from '../../simulator';
import { runFinancialStream } from './financial-stream';
import { financialStreamSpec } from './spec';
import { financialStreamView } from './view';

export const financialStreamSimulator = defineSimulator(financialStreamSpec, runFinancialStream, financialStreamView);
