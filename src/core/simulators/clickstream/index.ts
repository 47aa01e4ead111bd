import { defineSimulator } from '../../simulator';
import { runClickstream } from './clickstream';
import { clickstreamSpec } from './spec';
import { clickstreamView } from './view';

export const clickstreamSimulator = defineSimulator(clickstreamSpec, runClickstream, clickstreamView);
