import { scd2View } from '../../../core/simulators/scd2-file-drop/view';
import { formatBytes, formatCount, formatInt } from '../../format';
import { defineUi } from '../defineUi';
import { LandingCharts, LandingExplorer } from '../landing/LandingSections';
import type { RunOf } from '../types';
import { KeyHistoryView } from './KeyHistoryView';
import { KeyField, TableField, TrackedField } from './Scd2Fields';
import { ChangesPerDayChart, VersionsChart } from './Scd2Charts';
import './scd2.css';

const ID = 'scd2-file-drop';

export type Scd2Run = RunOf<typeof scd2View>;

function Charts({ run }: { run: Scd2Run }) {
  const data = run.charts;
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

function Explorer({ run }: { run: Scd2Run }) {
  return <LandingExplorer simulator={ID} run={run} index={run.charts.fileIndex} />;
}

export const scd2Ui = defineUi(scd2View, {
  description:
    'A dimension source landing a full snapshot, then one SCD Type 2 delta per day: an expire row and a new version for each changed key, a row per new key. For testing merge logic — valid_from / valid_to / is_current upkeep and idempotent re-runs — against a known history.',
  statCards(stats) {
    return [
      { label: 'Snapshot rows', value: formatInt(stats.initial_rows), sub: formatCount(stats.entities, 'table') },
      { label: 'Delta days', value: formatInt(stats.days_simulated), sub: `${formatInt(stats.files)} data files · ${formatBytes(stats.bytes)}` },
      { label: 'Updated keys', value: formatInt(stats.total_updates), sub: 'each an expire row and a new version' },
      { label: 'New keys', value: formatInt(stats.total_new), sub: 'insert rows' },
      { label: 'Delta rows', value: formatInt(stats.total_deltas), sub: `${formatInt(stats.manifests)} manifests` },
    ];
  },
  Charts,
  Explorer,
  form: { fields: { entities: TableField, businessKeyColumn: KeyField, scd2Columns: TrackedField } },
});
