import { defineSimulator } from '../../simulator';
import { runFileDrop } from './file-drop';
import { fileDropSpec } from './spec';
import { fileDropView } from './view';

export const fileDropSimulator = defineSimulator(fileDropSpec, (config, ctx) => runFileDrop(config, ctx), fileDropView);
