import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FileDropCharts, SlotSeries } from '../../../core/simulators/file-drop/file-drop.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { topSummary } from '../../components/chartSummary';
import { formatInt } from '../../format';
import { ARRIVAL_SERIES, landingTime, shortTime } from '../landing/landingFormat';

type Point = { label: string; title: string } & Record<keyof SlotSeries, number>;

/** When each table's backfill and restatements land (they land after the slots, not with them). */
function redropTimes(data: FileDropCharts): { backfill: number[]; restatement: number[] } {
  const idx = data.fileIndex;
  const first = (kind: string) =>
    idx.entities.map((_, e) => {
      let at = Number.POSITIVE_INFINITY;
      for (let i = 0; i < idx.name.length; i++) if (idx.entity[i] === e && idx.kinds[idx.kind[i]] === kind) at = Math.min(at, idx.landedAtUs[i]);
      return at;
    });
  return { backfill: first('backfill'), restatement: first('restatement') };
}

/**
 * Rows per slot by how they landed there: on time, late (arriving in this slot's folder from
 * earlier slots), duplicate copies, the backfill and restatements. With a replay instant, only
 * what had landed by then: a slot's drop and late file when the slot closes, re-drops when they land.
 */
export function RowsPerSlotChart({ data, atUs }: { data: FileDropCharts; atUs: number | null }) {
  const redrops = useMemo(() => redropTimes(data), [data]);
  const t = atUs ?? Number.POSITIVE_INFINITY;
  const subDaily = data.slotUs < 86_400e6;
  const points = useMemo(() => {
    const span = data.bucketSlots * data.slotUs;
    return data.startUs.map((start, i): Point => {
      const closed = start + span <= t;
      const p: Point = { label: shortTime(start, subDaily), title: landingTime(start), onTime: 0, late: 0, duplicated: 0, backfilled: 0, restated: 0 };
      data.fileIndex.entities.forEach((e, k) => {
        const s = data.perEntity[e];
        if (!s) return;
        if (closed) {
          p.onTime += s.onTime[i];
          p.late += s.late[i];
          p.duplicated += s.duplicated[i];
        }
        if (redrops.backfill[k] <= t) p.backfilled += s.backfilled[i];
        if (redrops.restatement[k] <= t) p.restated += s.restated[i];
      });
      return p;
    });
  }, [data, t, redrops, subDaily]);
  const spill = data.scheduledSlots < data.startUs.length * data.bucketSlots ? points[Math.ceil(data.scheduledSlots / data.bucketSlots)]?.label : undefined;
  const per = data.bucketSlots === 1 ? 'slot' : `${formatInt(data.bucketSlots)} slots`;
  const present = ARRIVAL_SERIES.filter((s) => data.total[s.key].some((v) => v > 0));
  return (
    <ChartCard
      wide
      title="Rows per slot, by how they landed"
      subtitle={`Rows landed in each ${per}’s folder (${data.cadence}, UTC): on time, late from earlier slots, duplicate copies, backfilled and restated.${spill ? ' Slots past the dashed line are spill-over folders for late rows.' : ''}`}
      height={280}
      table={{
        columns: ['Slot (UTC)', ...present.map((s) => `${s.label} rows`)],
        rows: points.map((p) => [p.title, ...present.map((s) => formatInt(p[s.key]))]),
      }}
      summary={topSummary(
        present.map((s) => [s.label, points.reduce((a, p) => a + p[s.key], 0)]),
        'rows',
      )}
    >
      <ResponsiveContainer height={280}>
        <BarChart data={points} margin={{ left: 4, right: 12, top: 4, bottom: 0 }} barCategoryGap={points.length > 60 ? 0 : 2}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} interval="preserveStartEnd" minTickGap={16} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(points, ...present.map((s) => s.key)))} label={{ value: 'rows', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = (payload?.[0] as { payload?: Point } | undefined)?.payload;
              return p ? <ChartTooltip active={active} label={p.title} rows={present.map((s) => ({ name: s.label, value: formatInt(p[s.key]), color: s.color }))} /> : null;
            }}
          />
          <Legend verticalAlign="top" align="right" height={24} iconType="square" iconSize={10} />
          {spill && <ReferenceLine x={spill} stroke="var(--text-3)" strokeDasharray="4 3" />}
          {present.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="rows" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
