import { defineSimulator } from '../../simulator';
import { runHybrid } from './hybrid';
import { hybridSpec } from './spec';

export const hybridSimulator = defineSimulator(hybridSpec, (config, ctx) => runHybrid(config, ctx));
