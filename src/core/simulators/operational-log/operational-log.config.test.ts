import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../run';
import { operationalLogSimulator } from './index';
import { operationalLogConfig, resolveServices } from './operational-log.config';

/** The single issue a bad config raises, as "path: message". */
function issueOf(raw: Record<string, unknown>): string {
  try {
    resolveConfig(operationalLogSimulator, raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error(`config was accepted: ${JSON.stringify(raw)}`);
}

describe('operational-log config (D12)', () => {
  it('fills the spec defaults', () => {
    const c = operationalLogConfig.defaults();
    expect(c).toMatchObject({
      serviceCount: 5,
      services: [],
      durationHours: 24,
      startTime: '2024-01-01T00:00:00Z',
      eventsPerHour: 100,
      latencyMeanMs: 50,
      latencyStdMs: 30,
      latencySpikeEnabled: true,
      latencySpikeProbability: 0.05,
      latencySpikeMultiplier: 10,
      latencySpikeDurationMinutes: 15,
      outageEnabled: true,
      outageProbability: 0.02,
      outageDurationMinutes: 30,
      outageErrorRate: 0.8,
      traceEnabled: true,
      traceDepthMean: 3.5,
      traceSampleRate: 0.3,
      errorBurstEnabled: true,
      errorBurstProbability: 0.03,
      errorBurstCount: 50,
      otlpExport: true,
      seed: 42,
    });
  });

  it('accepts the reference snake_case names', () => {
    const c = resolveConfig(operationalLogSimulator, { events_per_hour: 7, latency_spike_enabled: false, trace_sample_rate: 0.5, services: [{ name: 'a', port: 1 }] });
    expect(c).toMatchObject({ eventsPerHour: 7, latencySpikeEnabled: false, traceSampleRate: 0.5 });
    expect((c.services as unknown[])[0]).toEqual({ name: 'a', port: 1, tier: 'unknown' });
  });

  it('uses the first serviceCount defaults, or the given list', () => {
    expect(resolveServices({ serviceCount: 2, services: [] }).map((s) => s.name)).toEqual(['api-gateway', 'auth-service']);
    const own = resolveServices({ serviceCount: 2, services: [{ name: 'x', port: null, tier: 'core' }] });
    expect(own).toEqual([{ name: 'x', port: null, tier: 'core' }]);
  });

  it.each([
    [{ serviceCount: 9 }, /^serviceCount: 9 is out of range; allowed: an integer from 1 to 8$/],
    [{ serviceCount: 0 }, /^serviceCount: 0 is out of range/],
    [{ services: [{ port: 80 }] }, /^services\.0\.name: is required; allowed: a non-empty string/],
    [{ services: [{ name: '' }] }, /^services\.0\.name: "" is empty/],
    [{ services: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] }, /^services\.2\.name: "a" is a duplicate of services\.0\.name; allowed: unique service names$/],
    [{ latencySpikeProbability: 1.5 }, /^latencySpikeProbability: 1\.5 is out of range; allowed: a number from 0 to 1$/],
    [{ outageErrorRate: -0.1 }, /^outageErrorRate: -0\.1 is out of range/],
    [{ traceSampleRate: 2 }, /^traceSampleRate: 2 is out of range/],
    [{ errorBurstProbability: -1 }, /^errorBurstProbability: -1 is out of range/],
    [{ eventsPerHour: -1 }, /^eventsPerHour: -1 is out of range; allowed: a number from 0 to/],
    [{ durationHours: 0 }, /^durationHours: 0 is out of range; allowed: a number greater than 0 and at most 8,784$/],
    [{ latencySpikeDurationMinutes: 0 }, /^latencySpikeDurationMinutes: 0 is out of range; allowed: a number greater than 0 and at most/],
    [{ outageDurationMinutes: 0 }, /^outageDurationMinutes: 0 is out of range/],
    [{ latencyMeanMs: 0 }, /^latencyMeanMs: 0 is out of range; allowed: a number greater than 0 and at most/],
    [{ latencyStdMs: -5 }, /^latencyStdMs: -5 is out of range/],
    [{ latencySpikeMultiplier: 0.5 }, /^latencySpikeMultiplier: 0\.5 is out of range; allowed: a number from 1 to/],
    [{ traceDepthMean: -1 }, /^traceDepthMean: -1 is out of range/],
    [{ errorBurstCount: 2.5 }, /^errorBurstCount: 2\.5 is not an integer/],
    [{ startTime: 'yesterday' }, /^startTime: "yesterday" is not a valid date-time/],
    [{ otlpExport: 'yes' }, /^otlpExport: "yes" is not a boolean/],
    [{ eventsPerHour: 1_000_000, serviceCount: 8 }, /^eventsPerHour: 1,000,000 per hour × 24 h × 8 services gives 192,000,\d{3} expected log rows; allowed: at most 10,000,000/],
    [{ errorBurstCount: 1_000_000, errorBurstProbability: 1 }, /^errorBurstCount: 1,000,000 per burst gives .* expected log rows/],
    [{ latency_spike_probabilty: 0.1 }, /^latency_spike_probabilty: is not a known field/],
  ])('refuses %j naming the field', (raw, pattern) => {
    expect(issueOf(raw)).toMatch(pattern);
  });
});
