import { defineSimulator } from '../../simulator';
import { streamEmitSpec } from './spec';
import { runStreamEmit } from './stream-emit';
import { streamEmitView } from './view';

export const streamEmitSimulator = defineSimulator(streamEmitSpec, (config, ctx) => runStreamEmit(config, ctx), streamEmitView);
