import type { Scd2Charts } from '../../../core/simulators/scd2-file-drop/scd2.charts';
import { formatBytes, formatInt } from '../../format';
import type { RunMeta } from '../../store';
import { LandingCharts, LandingExplorer } from '../landing/LandingSections';
import type { SimulatorUi } from '../types';
import { KeyHistoryView } from './KeyHistoryView';
import { KeyField, TableField, TrackedField } from './Scd2Fields';
import { ChangesPerDayChart, VersionsChart } from './Scd2Charts';
import './scd2.css';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const ID = 'scd2-file-drop';

function Charts({ run }: { run: RunMeta }) {
  const data = run.charts as Scd2Charts;
  return (
    <>
      <LandingCharts simulator={ID} run={run} index={data.fileIndex}>
        {(atUs) => (
          <>
            <ChangesPerDayChart data={data} atUs={atUs} />
            <VersionsChart data={data} />
          </>
        )}
      </LandingCharts>
      <KeyHistoryView run={run} />
    </>
  );
}

function Explorer({ run }: { run: RunMeta }) {
  return <LandingExplorer simulator={ID} run={run} index={(run.charts as Scd2Charts).fileIndex} />;
}

export const scd2Ui: SimulatorUi = {
  description:
    'A dimension source landing a full snapshot, then one SCD Type 2 delta per day: an expire row and a new version for each changed key, a row per new key. For testing merge logic — valid_from / valid_to / is_current upkeep and idempotent re-runs — against a known history.',
  statCards(stats) {
    return [
      { label: 'Snapshot rows', value: formatInt(num(stats.initial_rows)), sub: `${formatInt(num(stats.entities))} table${num(stats.entities) === 1 ? '' : 's'}` },
      { label: 'Delta days', value: formatInt(num(stats.days_simulated)), sub: `${formatInt(num(stats.files))} data files · ${formatBytes(num(stats.bytes))}` },
      { label: 'Updated keys', value: formatInt(num(stats.total_updates)), sub: 'each an expire row and a new version' },
      { label: 'New keys', value: formatInt(num(stats.total_new)), sub: 'insert rows' },
      { label: 'Delta rows', value: formatInt(num(stats.total_deltas)), sub: `${formatInt(num(stats.manifests))} manifests` },
    ];
  },
  Charts,
  Explorer,
  form: { fields: { entities: TableField, businessKeyColumn: KeyField, scd2Columns: TrackedField } },
};
