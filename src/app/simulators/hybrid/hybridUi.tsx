import { hybridConfig } from '../../../core/simulators/hybrid/hybrid.config';
import type { Shape } from '../../../core/schema/fields';
import { hiddenField } from '../../components/ConfigForm';
import { formatInt } from '../../format';
import { hybridView } from '../../../core/simulators/hybrid/view';
import { defineUi } from '../defineUi';
import { LandingExplorer } from '../landing/LandingSections';
import type { RunOf } from '../types';
import { Console } from '../stream-emit/Console';
import { useLive } from '../stream-emit/PlayControls';
import { sinkConnectionField } from '../stream-emit/SinkFields';
import { deliverAfterRun, StreamResults } from '../stream-emit/streamEmitUi';
import { TopicsField } from '../stream-emit/TopicsField';
import { childForm } from './ChildForm';
import { CorrelationView } from './CorrelationView';
import './hybrid.css';

type HybridRun = RunOf<typeof hybridView>;

const shapeOf = (name: 'streamConfig' | 'fileDropConfig') => hybridConfig.shape[name].shape as Shape;

/** A phase's effective settings, side by side with the other's. */
function Facts({ items }: { items: [string, string][] }) {
  return (
    <dl className="hybrid-facts">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Phases({ run }: { run: HybridRun }) {
  const { charts, stats: s } = run;
  // the resolved config (the run's own settings, not chart data): read as the form wrote it
  const fd = run.config.fileDropConfig as Record<string, unknown>;
  const st = run.config.streamConfig as Record<string, unknown>;
  const { batch, stream } = s;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const list = (v: unknown) => (Array.isArray(v) && v.length ? (v as string[]).join(', ') : 'none');
  return (
    <div className="hybrid-phases" role="group" aria-label="Phases">
      <section className="panel hybrid-phase" aria-label="File drop phase">
        <div className="panel-header">
          <h2>File drop (batch)</h2>
          <span className="field-hint">{batch ? `${formatInt(batch.files)} data files` : 'skipped: no table routed'}</span>
        </div>
        <div className="panel-body">
          <Facts
            items={[
              ['Tables', list(s.batch_tables)],
              ['Range', `${String(fd.dateRangeStart)} – ${String(fd.dateRangeEnd)}, ${String(fd.cadence)}`],
              ['Formats', list(fd.formats)],
              ['Seed', `${formatInt(s.batch_seed)}${fd.seed === null ? ' (the hybrid’s)' : ''}`],
              ['Rows landed', batch ? `${formatInt(batch.rows_written)} (${formatInt(batch.rows_late)} late)` : '—'],
            ]}
          />
          <p className="field-hint">{charts.batch ? 'Its folders, manifests and files are in the landing zone below, with the arrival replay.' : 'No batch files: the batch tables matched no input table.'}</p>
        </div>
      </section>
      <section className="panel hybrid-phase" aria-label="Stream phase">
        <div className="panel-header">
          <h2>Stream</h2>
          <span className="field-hint">{stream ? `${formatInt(stream.total_events)} events` : 'skipped: no table routed'}</span>
        </div>
        <div className="panel-body">
          <Facts
            items={[
              ['Tables', list(s.stream_tables)],
              ['Start', `${s.stream_start.replace('T', ' ').replace('Z', ' UTC')}${st.streamStart === null ? ' (the file drop’s first day)' : ''}`],
              ['Rate', `${formatInt(num(st.ratePerSec))} events/s`],
              ['Seed', `${formatInt(s.stream_seed)}${st.seed === null ? ' (the hybrid’s)' : ''}`],
              ['Events', stream ? `${formatInt(stream.events_sent)} primary, ${formatInt(stream.replay_events_sent)} replays, ${formatInt(stream.out_of_order_count)} out of order` : '—'],
            ]}
          />
          {Object.values(s.unmatched_tables).some((x) => x.length) && (
            <p className="callout" role="note">
              Names that matched no table: {Object.entries(s.unmatched_tables).filter(([, x]) => x.length).map(([k, x]) => `${k}: ${x.join(', ')}`).join('; ')}.
            </p>
          )}
        </div>
      </section>
    </div>
  );
}

function Charts({ run }: { run: HybridRun }) {
  const charts = run.charts;
  return (
    <>
      <Phases run={run} />
      <CorrelationView charts={charts} />
      {charts.stream && <StreamResults simulator="hybrid" run={run} charts={charts.stream} />}
    </>
  );
}

/** The batch side's landing zone (the shared explorer, with its replay), then the stream's live console. */
function Explorer({ run }: { run: HybridRun }) {
  const live = useLive('hybrid', run.runId);
  const batch = run.charts.batch;
  return (
    <>
      {batch && <LandingExplorer simulator="hybrid" run={run} index={batch.fileIndex} replay />}
      {live && <Console live={live} />}
    </>
  );
}

export const hybridUi = defineUi(hybridView, {
  description:
    'A file drop and a stream over the same tables and the same simulated period — files into the lakehouse, events into the eventhouse — linked by one correlation id in every manifest, envelope and row, or by the business keys alone. For testing that a pipeline ingesting both paths reconciles, deduplicates and joins them.',
  statCards(stats) {
    const id = stats.correlation_id;
    const unmatched = Object.values(stats.unmatched_tables).flat();
    return [
      { label: 'Correlation id', value: id ? id.slice(0, 8) : 'none', sub: id ? 'in every manifest, envelope and row' : 'natural keys link the paths' },
      { label: 'Batch files', value: formatInt(stats.batch_files), sub: `${formatInt(stats.batch_tables.length)} tables landed` },
      { label: 'Stream events', value: formatInt(stats.stream_events), sub: `${formatInt(stats.stream_tables.length)} tables streamed` },
      { label: 'Unmatched names', value: formatInt(unmatched.length), sub: unmatched.length ? unmatched.join(', ') : 'every routed name is a table' },
    ];
  },
  Charts,
  Explorer,
  afterRun: (simulator, run, mode) => deliverAfterRun(simulator, run, mode),
  form: {
    fields: {
      fileDropConfig: childForm('fileDropConfig', shapeOf('fileDropConfig'), 'File drop (batch phase)', 'every file-drop setting', { fields: { entities: hiddenField, timestampColumn: hiddenField } }),
      streamConfig: childForm('streamConfig', shapeOf('streamConfig'), 'Stream phase', 'every stream-emitter setting', {
        fields: { tables: hiddenField, timestampColumn: hiddenField, realtime: hiddenField, realtimeSpeed: hiddenField, topics: TopicsField, sinkConnection: sinkConnectionField('hybrid') },
      }),
    },
  },
});
