/**
 * IoT sensor types (spec/domains.md §7): each with its unit, the ranges its models measure,
 * the physical bounds no reading may cross, and how readings are distributed. Readings are
 * drawn truncated (redrawn, not clipped) to the sensor's range within the physical bounds.
 */
import type { Rng } from '../../rng';

export interface SensorSpec {
  readonly type: string;
  readonly unit: string;
  /** [min_range, max_range] of the models on sale; a sensor takes one. */
  readonly models: readonly (readonly [number, number])[];
  /** No value outside these whatever the model (humidity 0–100 %RH, light ≥ 0 lux, …). */
  readonly physical: readonly [number, number];
  /** One reading before truncation. */
  readonly draw: (rng: Rng) => number;
  /** Share of sensors of this type (the declared sensor_type weights). */
  readonly weight: number;
}

export const SENSOR_SPECS: readonly SensorSpec[] = [
  // indoor and process temperatures around room temperature
  { type: 'Temperature', unit: 'C', weight: 0.18, models: [[-40, 125], [-20, 85], [0, 100]], physical: [-273.15, Infinity], draw: (r) => r.normal(22, 6) },
  { type: 'Humidity', unit: '%RH', weight: 0.15, models: [[0, 100], [10, 90]], physical: [0, 100], draw: (r) => r.normal(45, 12) },
  // atmospheric pressure at ground level, in pascals
  { type: 'Pressure', unit: 'Pa', weight: 0.14, models: [[30_000, 110_000], [80_000, 120_000]], physical: [0.01, Infinity], draw: (r) => r.normal(101_325, 1_200) },
  // machine vibration velocity: mostly low, a long tail towards alarm levels
  { type: 'Vibration', unit: 'mm/s', weight: 0.12, models: [[0, 50], [0, 100]], physical: [0, Infinity], draw: (r) => r.lognormal(Math.log(2.5), 0.7) },
  { type: 'Flow', unit: 'L/min', weight: 0.1, models: [[0, 200], [0, 500]], physical: [0, Infinity], draw: (r) => r.normal(80, 25) },
  { type: 'Level', unit: 'm', weight: 0.1, models: [[0, 5], [0, 10]], physical: [0, Infinity], draw: (r) => r.normal(2.4, 0.8) },
  { type: 'Proximity', unit: 'cm', weight: 0.11, models: [[2, 200], [0, 400]], physical: [0, Infinity], draw: (r) => r.lognormal(Math.log(60), 0.8) },
  // indoor lighting, with daylight now and then
  { type: 'Light', unit: 'lux', weight: 0.1, models: [[0, 10_000], [0, 100_000]], physical: [0, Infinity], draw: (r) => r.lognormal(Math.log(350), 0.9) },
];
