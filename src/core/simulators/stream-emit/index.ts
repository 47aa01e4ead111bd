import { defineSimulator } from '../../simulator';
import { streamEmitSpec } from './spec';
import { runStreamEmit } from './stream-emit';

export const streamEmitSimulator = defineSimulator(streamEmitSpec, (config, ctx) => runStreamEmit(config, ctx));
