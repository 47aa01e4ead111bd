import { describe, expect, it } from 'vitest';
import type { IotCharts } from '../core/simulators/iot-telemetry/iot-telemetry.charts';
import type { DeviceDetailResult, DeviceSearchResult } from './iot-explore';
import type { RunSummary } from './protocol';
import { collectingHost } from './test-host';

const FLEET = { fleetSize: 25, durationHours: 2, readingIntervalSeconds: 120, alertStormProbability: 0.5, seed: 4 };

describe('IoT device requests', () => {
  it('details any device of a held run, its arrays transferred, and finds devices by id', async () => {
    const h = collectingHost();
    await h.handle({ id: 1, type: 'run', simulator: 'iot-telemetry', config: FLEET, previewRows: 10 });
    const charted = new Set((h.ok<RunSummary>(1).charts as IotCharts).deviceDetails.map((d) => d.deviceId));
    const other = Array.from({ length: 25 }, (_, d) => String(d + 1)).find((id) => !charted.has(id))!;

    await h.handle({ id: 2, type: 'deviceDetail', runId: 1, deviceId: other });
    const { device } = h.ok<DeviceDetailResult>(2);
    expect(device?.deviceId).toBe(other);
    expect(device!.readings.time.length).toBe(60);
    const sent = h.transfers[h.messages.findIndex((m) => m.id === 2)];
    expect(sent).toContain(device!.readings.time.buffer);
    expect(sent).toContain(device!.alerts.type.buffer);

    await h.handle({ id: 3, type: 'deviceDetail', runId: 1, deviceId: '999' });
    expect(h.ok<DeviceDetailResult>(3).device).toBeNull();

    await h.handle({ id: 4, type: 'deviceSearch', runId: 1, query: '2', limit: 500 });
    const found = h.ok<DeviceSearchResult>(4);
    expect(found.devices[0].deviceId).toBe('2');
    expect(found).toMatchObject({ total: 8, fleetSize: 25 }); // 2, 12, 20–25
  });

  it('says when the run is not held, or is not an IoT run', async () => {
    const h = collectingHost({ holdLimitBytes: 0 });
    await h.handle({ id: 1, type: 'run', simulator: 'iot-telemetry', config: FLEET, previewRows: 10 });
    expect(h.ok<RunSummary>(1).held).toBe(false);
    await h.handle({ id: 2, type: 'deviceDetail', runId: 1, deviceId: '1' });
    expect(h.final(2)).toMatchObject({ type: 'error', error: { name: 'RunNotHeld', message: expect.stringContaining('no longer held') } });

    const g = collectingHost();
    await g.handle({ id: 1, type: 'run', simulator: 'workflow', config: {}, previewRows: 10 });
    await g.handle({ id: 2, type: 'deviceSearch', runId: 1, query: '', limit: 5 });
    expect(g.final(2)).toMatchObject({ type: 'error', error: { message: 'The workflow run has no devices to detail.' } });
  });
});
