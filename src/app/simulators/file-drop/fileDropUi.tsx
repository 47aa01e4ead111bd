import { fileDropView } from '../../../core/simulators/file-drop/view';
import { formatBytes, formatInt } from '../../format';
import { LandingCharts, LandingExplorer } from '../landing/LandingSections';
import { defineUi } from '../defineUi';
import type { RunOf } from '../types';
import { LateMatrixChart } from './LateMatrixChart';
import { RowsPerSlotChart } from './RowsPerSlotChart';

const ID = 'file-drop';

type FileDropRun = RunOf<typeof fileDropView>;

function Charts({ run }: { run: FileDropRun }) {
  const data = run.charts;
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

function Explorer({ run }: { run: FileDropRun }) {
  return <LandingExplorer simulator={ID} run={run} index={run.charts.fileIndex} />;
}

export const fileDropUi = defineUi(fileDropView, {
  description:
    'Your tables landing in a partitioned lakehouse folder, one drop per slot, with manifests and done flags — and the faults a batch pipeline must survive: late rows, duplicates, a backfill, restatements, multi-part drops. Replay the arrival to see what a consumer saw and when; every fault is in the answer key.',
  statCards(stats) {
    const formats = stats.formats.length;
    return [
      { label: 'Data files', value: formatInt(stats.files), sub: `${formatInt(stats.manifests)} manifests · ${formatInt(stats.done_flags)} done flags · ${formatBytes(stats.bytes)}` },
      {
        label: 'Slots',
        value: formatInt(stats.slots),
        sub: `${formatInt(stats.entities)} tables${stats.spill_over_slots ? ` · ${formatInt(stats.spill_over_slots)} spill-over` : ''}${formats > 1 ? ` · ${formats} formats` : ''}`,
      },
      { label: 'Rows on time', value: formatInt(stats.rows_on_time), sub: `of ${formatInt(stats.rows_in)} input rows · ${formatInt(stats.rows_out_of_range)} outside the range` },
      { label: 'Late rows', value: formatInt(stats.rows_late), sub: `in ${formatInt(stats.late_files)} late files` },
      { label: 'Duplicated rows', value: formatInt(stats.rows_duplicated), sub: 'extra copies in on-time files' },
      {
        label: 'Re-dropped rows',
        value: formatInt(stats.rows_backfilled + stats.rows_restated),
        sub: `${formatInt(stats.rows_backfilled)} backfilled · ${formatInt(stats.rows_restated)} restated`,
      },
    ];
  },
  Charts,
  Explorer,
});
