import { defineSimulator } from '../../simulator';
import { runOperationalLog } from './operational-log';
import { operationalLogSpec } from './spec';

export const operationalLogSimulator = defineSimulator(operationalLogSpec, runOperationalLog);
