import { defineSimulator } from '../../simulator';
import { runOperationalLog, streamOperationalLog } from './operational-log';
import { operationalLogSpec } from './spec';
import { operationalLogView } from './view';

export const operationalLogSimulator = defineSimulator(operationalLogSpec, runOperationalLog, operationalLogView, { run: streamOperationalLog });
