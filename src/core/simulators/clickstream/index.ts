import { defineSimulator } from '../../simulator';
import { runClickstream, streamClickstream } from './clickstream';
import { clickstreamSpec } from './spec';
import { clickstreamView } from './view';

export const clickstreamSimulator = defineSimulator(clickstreamSpec, runClickstream, clickstreamView, { run: streamClickstream, fromBytes: 0 });
