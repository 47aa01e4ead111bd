import { defineSimulator } from '../../simulator';
import { runFileDrop } from './file-drop';
import { fileDropSpec } from './spec';

export const fileDropSimulator = defineSimulator(fileDropSpec, (config, ctx) => runFileDrop(config, ctx));
