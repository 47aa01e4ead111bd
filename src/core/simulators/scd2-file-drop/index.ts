import { defineSimulator } from '../../simulator';
import { runScd2FileDrop } from './scd2-file-drop';
import { scd2FileDropSpec } from './spec';

export const scd2FileDropSimulator = defineSimulator(scd2FileDropSpec, runScd2FileDrop);
