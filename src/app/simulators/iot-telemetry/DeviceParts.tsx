/** Pieces both device details share (the worker's slice and the run summary's): the facts list and the alert table. */
import { ScrollRegion } from '../../components/ScrollRegion';
import { deviceName } from './iotFormat';

export function FactList({ facts }: { facts: readonly (readonly [string, string])[] }) {
  return (
    <dl className="iot-facts">
      {facts.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface AlertRow {
  /** Triggered, as shown (UTC). */
  readonly at: string;
  readonly type: string;
  readonly severity: string;
  readonly stormId: string | null;
}

export function AlertTable({ deviceId, rows }: { deviceId: string; rows: readonly AlertRow[] }) {
  if (!rows.length) return <p className="field-hint">No alerts for this device in the window.</p>;
  return (
    <ScrollRegion className="iot-alerts-scroll" label={`Alerts of ${deviceName(deviceId)}, scrollable`}>
      <table className="chart-data iot-alerts">
        <caption className="sr-only">Alerts of {deviceName(deviceId)}</caption>
        <thead>
          <tr>
            <th scope="col">Triggered (UTC)</th>
            <th scope="col">Type</th>
            <th scope="col">Severity</th>
            <th scope="col">Storm</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a, i) => (
            <tr key={i}>
              <td>{a.at}</td>
              <td>{a.type.replace(/_/g, ' ')}</td>
              <td>{a.severity}</td>
              <td className="iot-storm-id">{a.stormId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
