import { f } from './fields';

/** Every simulator's `seed`: the same seed and config give byte-identical output. */
export const seedField = () =>
  f.int({
    default: 42,
    min: 0,
    max: 2 ** 31 - 1,
    label: 'Seed',
    help: 'Random seed. The same seed and config always give byte-identical output.',
    group: 'Run',
  });
