import type { FileDropCharts } from '../../../core/simulators/file-drop/file-drop.charts';
import { formatBytes, formatInt } from '../../format';
import type { RunMeta } from '../../store';
import { LandingCharts, LandingExplorer } from '../landing/LandingSections';
import type { SimulatorUi } from '../types';
import { LateMatrixChart } from './LateMatrixChart';
import { RowsPerSlotChart } from './RowsPerSlotChart';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const ID = 'file-drop';

function Charts({ run }: { run: RunMeta }) {
  const data = run.charts as FileDropCharts;
  return (
    <LandingCharts simulator={ID} run={run} index={data.fileIndex}>
      {(atUs) => (
        <>
          <RowsPerSlotChart data={data} atUs={atUs} />
          <LateMatrixChart data={data} atUs={atUs} />
        </>
      )}
    </LandingCharts>
  );
}

function Explorer({ run }: { run: RunMeta }) {
  return <LandingExplorer simulator={ID} run={run} index={(run.charts as FileDropCharts).fileIndex} />;
}

export const fileDropUi: SimulatorUi = {
  description:
    'Your tables landing in a partitioned lakehouse folder, one drop per slot, with manifests and done flags — and the faults a batch pipeline must survive: late rows, duplicates, a backfill, restatements, multi-part drops. Replay the arrival to see what a consumer saw and when; every fault is in the answer key.',
  statCards(stats) {
    const formats = Array.isArray(stats.formats) ? (stats.formats as string[]).length : 1;
    return [
      { label: 'Data files', value: formatInt(num(stats.files)), sub: `${formatInt(num(stats.manifests))} manifests · ${formatInt(num(stats.done_flags))} done flags · ${formatBytes(num(stats.bytes))}` },
      {
        label: 'Slots',
        value: formatInt(num(stats.slots)),
        sub: `${formatInt(num(stats.entities))} tables${num(stats.spill_over_slots) ? ` · ${formatInt(num(stats.spill_over_slots))} spill-over` : ''}${formats > 1 ? ` · ${formats} formats` : ''}`,
      },
      { label: 'Rows on time', value: formatInt(num(stats.rows_on_time)), sub: `of ${formatInt(num(stats.rows_in))} input rows · ${formatInt(num(stats.rows_out_of_range))} outside the range` },
      { label: 'Late rows', value: formatInt(num(stats.rows_late)), sub: `in ${formatInt(num(stats.late_files))} late files` },
      { label: 'Duplicated rows', value: formatInt(num(stats.rows_duplicated)), sub: 'extra copies in on-time files' },
      {
        label: 'Re-dropped rows',
        value: formatInt(num(stats.rows_backfilled) + num(stats.rows_restated)),
        sub: `${formatInt(num(stats.rows_backfilled))} backfilled · ${formatInt(num(stats.rows_restated))} restated`,
      },
    ];
  },
  Charts,
  Explorer,
};
