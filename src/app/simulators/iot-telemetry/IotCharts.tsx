import { useState } from 'react';
import type { iotView } from '../../../core/simulators/iot-telemetry/view';
import type { RunOf } from '../types';
import { AlertsOverTime, AlertTypes } from './AlertCharts';
import { DeviceExplorer } from './DeviceExplorer';
import { BatteryChart, FleetStatusChart } from './FleetCharts';
import { ReadingsChart } from './ReadingsChart';
import './iot.css';

/** Devices drawn at first: a few, so the lines stay apart. */
const FIRST_SHOWN = 3;

type IotRun = RunOf<typeof iotView>;

/** The IoT telemetry page's charts, from the run's chart summary (a new run starts with its own devices). */
export function IotCharts({ run }: { run: IotRun }) {
  return <RunCharts key={run.runId} run={run} />;
}

/** A device's detail under the charts. */
export function IotExplorer({ run }: { run: IotRun }) {
  return <RunExplorer key={run.runId} run={run} />;
}

function RunCharts({ run }: { run: IotRun }) {
  const data = run.charts;
  const [shown, setShown] = useState(() => data.readings.devices.slice(0, FIRST_SHOWN).map((d) => d.deviceId));
  const toggle = (id: string) => setShown((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div className="chart-grid" aria-label="Charts">
      {data.readings.devices.length > 0 && <ReadingsChart data={data} shown={shown} onToggle={toggle} />}
      <AlertsOverTime data={data} />
      <FleetStatusChart data={data} />
      <BatteryChart data={data} />
      <AlertTypes data={data} />
    </div>
  );
}

function RunExplorer({ run }: { run: IotRun }) {
  const data = run.charts;
  const [selected, setSelected] = useState(() => data.deviceDetails[0]?.deviceId ?? '');
  // a fleet whose devices sent nothing has no charted device, but any device can still be looked up
  if (!selected && !run.held) return null;
  return <DeviceExplorer run={run} data={data} selected={selected} onSelect={setSelected} />;
}
