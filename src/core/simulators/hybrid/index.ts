import { defineSimulator } from '../../simulator';
import { runHybrid } from './hybrid';
import { hybridSpec } from './spec';
import { hybridView } from './view';

export const hybridSimulator = defineSimulator(hybridSpec, (config, ctx) => runHybrid(config, ctx), hybridView);
