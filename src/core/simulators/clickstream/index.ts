import { defineSimulator } from '../../simulator';
import { runClickstream } from './clickstream';
import { clickstreamSpec } from './spec';

export const clickstreamSimulator = defineSimulator(clickstreamSpec, runClickstream);
