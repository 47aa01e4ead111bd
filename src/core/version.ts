/** The engine version written into every run's `_spindle/config.json` (kept equal to package.json's by a test). */
export const ENGINE_VERSION = '0.1.0';
