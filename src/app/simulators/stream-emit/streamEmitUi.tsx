import type { StreamEmitCharts } from '../../../core/simulators/stream-emit/stream-emit.charts';
import { streamEmitView } from '../../../core/simulators/stream-emit/view';
import { hiddenField } from '../../components/ConfigForm';
import { formatInt, formatPercent } from '../../format';
import type { RunMeta } from '../../store';
import { defineUi } from '../defineUi';
import type { RunOf } from '../types';
import { Console } from './Console';
import { isoMicros, startPlay, stopPlay, streamOf } from './player';
import { PlayButton, PlayerBar, useLive } from './PlayControls';
import { usePlays } from './playStore';
import { sinkConnectionField } from './SinkFields';
import { StreamChartGrid } from './StreamCharts';
import { TopicsField } from './TopicsField';
import { formatSpan } from './timeAxis';
import './stream.css';

/** The stream's player (while one plays), its charts (live while playing) and nothing else. */
export function StreamResults({ simulator, run, charts }: { simulator: string; run: RunMeta; charts: StreamEmitCharts }) {
  const live = useLive(simulator, run.runId);
  const endUs = isoMicros(charts.bucketStarts[0]) + charts.bucketStarts.length * charts.bucketSeconds * 1e6;
  return (
    <>
      {live && <PlayerBar simulator={simulator} live={live} endUs={endUs} />}
      <StreamChartGrid charts={charts} live={live} />
    </>
  );
}

type StreamRun = RunOf<typeof streamEmitView>;

function Charts({ run }: { run: StreamRun }) {
  return <StreamResults simulator="stream-emit" run={run} charts={run.charts} />;
}

function Explorer({ run }: { run: StreamRun }) {
  return <Console live={useLive('stream-emit', run.runId)} />;
}

/**
 * After a run: Play sends the stream in real time at the chosen speed; Run simulation sends it to
 * the console (and HTTP) at once when the sink asks for it; a file sink needs no delivery.
 */
export function deliverAfterRun(simulator: string, run: RunMeta, mode: string): void {
  const stream = streamOf(run);
  if (mode === 'play') return startPlay(simulator, run, stream?.settings.realtimeSpeed ?? 1);
  if (stream && stream.settings.sinkType !== 'file') return startPlay(simulator, run, null);
  stopPlay(simulator);
  usePlays.getState().set(simulator, undefined);
}

export const streamEmitUi = defineUi(streamEmitView, {
  description:
    'Table rows as a stream of CloudEvents envelopes on a simulated clock, the way a streaming pipeline sees it: rate, jitter, burst windows, out-of-order delivery and replays. Run simulation makes the whole stream at once; Play sends it in real time (×1 to ×1000) to the console or an HTTP endpoint.',
  statCards(stats) {
    const sent = stats.events_sent;
    const topics = stats.topics_used;
    return [
      { label: 'Events', value: formatInt(stats.total_events), sub: `${formatInt(sent)} primary · ${formatInt(stats.replay_events_sent)} replayed` },
      { label: 'Out of order', value: formatInt(stats.out_of_order_count), sub: sent ? `${formatPercent(stats.out_of_order_count / sent)} of primary events moved later` : 'no events' },
      { label: 'Replay bursts', value: formatInt(stats.replay_bursts), sub: `${formatInt(stats.replay_events_sent)} events sent again, same ids` },
      { label: 'Topics', value: formatInt(topics.length), sub: topics.slice(0, 3).join(', ') + (topics.length > 3 ? ', …' : '') },
      { label: 'Simulated time', value: formatSpan(stats.simulated_seconds * 1000), sub: `from ${stats.stream_start.slice(0, 19).replace('T', ' ')} UTC` },
      { label: 'Correlation id', value: stats.correlation_id.slice(0, 8), sub: 'the same in every envelope' },
    ];
  },
  Charts,
  Explorer,
  RunExtras: PlayButton,
  afterRun: (simulator, run, mode) => deliverAfterRun(simulator, run, mode),
  form: {
    // real time and its speed are Play's (the table picker's fields leave the form by themselves)
    fields: { realtime: hiddenField, realtimeSpeed: hiddenField, topics: TopicsField, sinkConnection: sinkConnectionField('stream-emit') },
  },
});
