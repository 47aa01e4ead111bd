/**
 * Encoder workers the browser may give a download: `navigator.hardwareConcurrency - 1` (one core
 * stays with the page), at most 8; 1 means the engine worker encodes itself. Read on the page
 * and sent with each download request. Its own module: the page must not load the encoders.
 */
export function browserThreads(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
  return Math.max(1, Math.min(8, cores - 1));
}
