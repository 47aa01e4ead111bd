// Property tests run with a fixed seed so CI is repeatable; FC_SEED=random explores new cases
// locally (a failure prints its seed and path to replay).
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20261127 : Number(seed) });
