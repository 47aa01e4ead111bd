import { useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, Legend, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FinancialStreamCharts } from '../../../core/simulators/financial-stream/financial-stream.charts';
import { AXIS_PROPS, ChartCard, stackedBand } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { rowTooltip } from '../../components/rowTooltip';
import { Segmented } from '../../components/Segmented';
import { formatCompact, formatCount, formatInt } from '../../format';
import { timeLabel, timeTicks } from '../stream-emit/timeAxis';
import { FRAUD_SHADE, KINDS, money, utcMinute } from './financialFormat';

type Measure = 'count' | 'amount';
const AMOUNT_KEYS = { original: 'originalAmount', reversal: 'reversalAmount', fraud: 'fraudAmount' } as const;

/**
 * Records (or their net amount) per time bucket over the window and the settlement tail,
 * stacked by kind; fraud bursts shaded, the window's end marked. Reversals net negative.
 */
export function VolumeChart({ data }: { data: FinancialStreamCharts }) {
  const [measure, setMeasure] = useState<Measure>('count');
  const v = data.volume;
  const widthMs = v.bucketMinutes * 60_000;
  const startMs = Date.parse(data.window.start);
  const endMs = startMs + v.bucketStarts.length * widthMs;
  const windowEndMs = Date.parse(data.window.end);
  const rows = useMemo(() => {
    const out = v.bucketStarts.map((iso, i) => ({
      t: Date.parse(iso),
      iso,
      original: measure === 'count' ? v.original[i] : v.originalAmount[i],
      reversal: measure === 'count' ? v.reversal[i] : v.reversalAmount[i],
      fraud: measure === 'count' ? v.fraud[i] : v.fraudAmount[i],
    }));
    // a closing point so the last step has its full width
    if (out.length) out.push({ ...out[out.length - 1], t: endMs });
    return out;
  }, [v, measure, endMs]);
  const span = endMs - startMs;
  const bursts = data.fraudBursts.map((b) => ({ ...b, from: Date.parse(b.start), to: Math.max(Date.parse(b.end), Date.parse(b.start) + span * 0.004) }));
  const fmt = measure === 'count' ? formatInt : money;
  const total = (k: keyof typeof AMOUNT_KEYS) => (measure === 'count' ? v[k] : v[AMOUNT_KEYS[k]]).reduce((a, x) => a + x, 0);
  const unit = measure === 'count' ? 'records' : 'net amount';
  const minutes = v.bucketMinutes >= 60 ? `${formatInt(v.bucketMinutes / 60)}-hour` : `${formatInt(v.bucketMinutes)}-minute`;
  return (
    <ChartCard
      title="Transaction volume over time"
      subtitle={`${measure === 'count' ? 'Records' : 'Net amount (reversals negative, in the inputs’ currency)'} per ${minutes} bucket, stacked by kind (UTC). Shaded: ${formatCount(data.fraudBursts.length, 'fraud burst')}; dashed: the window’s end.`}
      wide
      height={300}
      actions={<Segmented<Measure> label="Volume measure" value={measure} options={[['count', 'Count'], ['amount', 'Amount']]} onChange={setMeasure} />}
      table={{
        columns: ['Bucket start (UTC)', ...KINDS.map((k) => k.label)],
        rows: rows.slice(0, -1).map((r) => [utcMinute(r.iso), fmt(r.original), fmt(r.reversal), fmt(r.fraud)]),
      }}
      summary={`Over the window: ${KINDS.map((k) => `${k.label.toLowerCase()} ${fmt(total(k.key))}`).join(', ')} (${unit}). ${formatInt(data.fraudBursts.length)} fraud bursts are shaded; the data is in the table view.`}
    >
      <ResponsiveContainer>
        <AreaChart data={rows} margin={{ left: 4, right: 16, top: 8, bottom: 0 }} stackOffset={measure === 'amount' ? 'sign' : 'none'}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="t" type="number" domain={[startMs, endMs]} ticks={timeTicks(startMs, endMs)} tickFormatter={(x: number) => timeLabel(x, span)} {...AXIS_PROPS} />
          <YAxis
            {...AXIS_PROPS}
            width={56}
            // amounts stack on both sides of 0 (reversals negative): recharts' own ticks there
            {...(measure === 'count' ? countAxis(stackedMax(rows, 'original', 'reversal', 'fraud')) : { tickFormatter: formatCompact })}
            label={{ value: measure === 'count' ? 'records' : 'amount', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }}
          />
          <Tooltip
            content={rowTooltip((p: (typeof rows)[number]) => utcMinute(p.iso), (p) => KINDS.map((k) => ({ name: k.label, value: fmt(p[k.key]), color: k.color })))}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {KINDS.map((k, i) => (
            <Area key={k.key} type="stepAfter" dataKey={k.key} name={k.label} stackId="v" {...stackedBand(i, k.color)} isAnimationActive={false} />
          ))}
          {bursts.map((b) => (
            <ReferenceArea key={b.id} x1={b.from} x2={b.to} fill={FRAUD_SHADE} fillOpacity={0.2} stroke={FRAUD_SHADE} strokeOpacity={0.6} ifOverflow="hidden" />
          ))}
          {windowEndMs < endMs && <ReferenceLine x={windowEndMs} stroke="var(--text-2)" strokeDasharray="4 3" label={{ value: 'window end', position: 'insideTopRight', fill: 'var(--text-2)', fontSize: 11 }} />}
        </AreaChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
