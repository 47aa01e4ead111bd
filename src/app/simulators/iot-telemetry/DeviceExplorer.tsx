import type { IotCharts } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { rovingKeyDown } from '../../components/roving';
import { formatBytes } from '../../format';
import type { RunMeta } from '../../store';
import { ChartedDetail } from './DeviceDetail';
import { DeviceChooser, type ChartedDevice } from './DeviceChooser';
import { DeviceView } from './DeviceView';
import { DEVICE_COLORS, deviceName, REASON } from './iotFormat';
import { GONE, useDeviceDetail, type DeviceLookup } from './useDevice';

function Loading({ deviceId }: { deviceId: string }) {
  return (
    <div className="iot-detail-loading" role="status">
      <div className="spinner" /> Reading {deviceName(deviceId)} from the run…
    </div>
  );
}

/** What the detail area shows for the chosen device: the worker's slice, or the run's summary of a charted device, or why neither. */
function Body({ run, data, selected, lookup }: { run: RunMeta; data: IotCharts; selected: string; lookup: DeviceLookup | undefined }) {
  const summary = data.deviceDetails.find((x) => x.deviceId === selected);
  const colorIndex = Math.max(0, data.readings.devices.findIndex((x) => x.deviceId === selected));
  if (!selected)
    return (
      <div className="empty">
        <p>No device sent readings to chart. Find any device of the fleet by its id.</p>
      </div>
    );
  if (!run.held) {
    const why = `This run’s tables take ${formatBytes(run.heldBytes)}, more than the page keeps in memory, so the run was not kept after its charts were drawn (Download simulates it again).`;
    return summary ? (
      <>
        <p className="callout" role="note">
          {why} The detail below is the run’s summary of this charted device; run a smaller fleet or a shorter window to open any device.
        </p>
        <ChartedDetail data={data} d={summary} />
      </>
    ) : (
      <p className="callout" role="note">
        {why} Only the {data.deviceDetails.length} charted devices have a detail; run a smaller fleet or a shorter window to open {deviceName(selected)}.
      </p>
    );
  }
  if (!lookup || lookup.status === 'loading') return <Loading deviceId={selected} />;
  if (lookup.status === 'done') return <DeviceView key={lookup.device.deviceId} d={lookup.device} colorIndex={colorIndex} />;
  if (lookup.status === 'gone')
    return (
      <>
        <p className="callout" role="note">
          {GONE}
          {summary ? ' Below: the run’s summary of this charted device.' : ` Until then only the ${data.deviceDetails.length} charted devices have a detail.`}
        </p>
        {summary && <ChartedDetail data={data} d={summary} />}
      </>
    );
  if (lookup.status === 'missing')
    return (
      <p className="callout" role="note">
        No device “{lookup.deviceId}” in this run’s fleet. Type part of an id to see the devices that match.
      </p>
    );
  return (
    <>
      <p className="callout callout-error" role="alert">
        {lookup.message}
        {summary ? ' Below: the run’s summary of this charted device.' : ''}
      </p>
      {summary && <ChartedDetail data={data} d={summary} />}
    </>
  );
}

/**
 * A device's detail for any device of the fleet: a searchable chooser and the charted devices
 * (the interesting ones, with why) beside it; the detail — facts, each sensor's readings with
 * gaps, drift, storms and alerts, the battery and the alert list — is read from the run the
 * worker holds. The charted list is one tab stop; arrows move and choose.
 */
export function DeviceExplorer({ run, data, selected, onSelect }: { run: RunMeta; data: IotCharts; selected: string; onSelect(id: string): void }) {
  const lookup = useDeviceDetail(run.runId, selected, run.held);
  const charted: ChartedDevice[] = data.readings.devices.map((d) => ({ deviceId: d.deviceId, reason: d.reason }));
  const details = data.deviceDetails;
  return (
    <section className="panel iot-explorer" aria-label="Device detail">
      <div className="panel-header">
        <h2>Device detail</h2>
        <span className="field-hint">{run.held ? 'Any device of the fleet: find it by id, or pick a charted one.' : `The ${details.length} charted devices (the run is not held in memory).`}</span>
      </div>
      <div className="iot-explorer-body">
        <div className="iot-explorer-side">
          <DeviceChooser runId={run.runId} charted={charted} searchable={run.held} onChoose={onSelect} />
          <p className="iot-side-title" id={`iot-charted-${run.runId}`}>
            Charted devices
          </p>
          <ul className="iot-device-list" aria-labelledby={`iot-charted-${run.runId}`} onKeyDown={(e) => rovingKeyDown(e, 'vertical', (i) => onSelect(details[i].deviceId))}>
            {details.map((x, i) => {
              const on = x.deviceId === selected;
              const first = !details.some((y) => y.deviceId === selected) && i === 0;
              return (
                <li key={x.deviceId}>
                  <button type="button" data-roving className="iot-device-button" aria-pressed={on} tabIndex={on || first ? 0 : -1} onClick={() => onSelect(x.deviceId)}>
                    <span className="swatch" style={{ background: DEVICE_COLORS[i % DEVICE_COLORS.length] }} aria-hidden />
                    <span className="iot-device-name">{deviceName(x.deviceId)}</span>
                    <span className="field-hint">
                      {REASON[data.readings.devices[i]?.reason ?? 'fleet']} · {x.status}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
        <div className="iot-detail" aria-busy={run.held && lookup?.status === 'loading'}>
          {selected && <h3 className="iot-detail-title">{deviceName(selected)}</h3>}
          <Body run={run} data={data} selected={selected} lookup={lookup} />
        </div>
      </div>
    </section>
  );
}
