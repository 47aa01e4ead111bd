import { defineSimulator } from '../../simulator';
import { runScd2FileDrop } from './scd2-file-drop';
import { scd2FileDropSpec } from './spec';
import { scd2View } from './view';

export const scd2FileDropSimulator = defineSimulator(scd2FileDropSpec, runScd2FileDrop, scd2View);
