import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FinancialStreamCharts } from '../../../core/simulators/financial-stream/financial-stream.charts';
import { AXIS_PROPS, ChartCard } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { rowTooltip } from '../../components/rowTooltip';
import { topSummary } from '../../components/chartSummary';
import { binLabel, formatInt, formatPercent } from '../../format';
import { KINDS, money, words } from './financialFormat';

const REVERSAL_COLOR = KINDS[1].color;

/** Reversals per reason (count, with their net amount in the table and tooltip). */
export function ReversalsByReason({ data }: { data: FinancialStreamCharts }) {
  const rows = data.reversalsByReason.map((r) => ({ ...r, label: words(r.reason) }));
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <ChartCard
      title="Reversals by reason"
      subtitle={`Reversals per reason (${formatInt(total)} in all); the table adds their net amount.`}
      height={220}
      table={{ columns: ['Reason', 'Reversals', 'Share', 'Net amount'], rows: rows.map((r) => [r.label, formatInt(r.count), formatPercent(r.count / Math.max(1, total)), money(r.amount)]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'reversals')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 0 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(rows, 'count'))} />
          <YAxis type="category" dataKey="label" width={118} interval={0} {...AXIS_PROPS} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={rowTooltip((p: (typeof rows)[number]) => p.label, (p) => [{ name: 'Reversals', value: formatInt(p.count), color: REVERSAL_COLOR }, { name: 'Net amount', value: money(p.amount) }])}
          />
          <Bar dataKey="count" name="Reversals" fill={REVERSAL_COLOR} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** How long after its original a reversal came: a histogram of delays in hours. */
export function ReversalsByDelay({ data }: { data: FinancialStreamCharts }) {
  const rows = data.reversalsByDelay.map((b) => ({ label: binLabel(b.fromHours, Math.min(b.toHours, Number.MAX_VALUE)).replace(/\.0+(?=\D)/g, ''), count: b.count }));
  const total = rows.reduce((a, r) => a + r.count, 0);
  return (
    <ChartCard
      title="Reversals by delay"
      subtitle="Hours from the original transaction to its reversal; delays are uniform up to the longest delay set."
      height={220}
      table={{ columns: ['Delay', 'Reversals', 'Share'], rows: rows.map((r) => [r.label, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [r.label, r.count]), 'reversals')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 16 }} barCategoryGap={2}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} interval="preserveStartEnd" label={{ value: 'delay (hours)', position: 'insideBottom', offset: -10, fill: 'var(--text-2)', fontSize: 11 }} />
          <YAxis {...AXIS_PROPS} width={44} {...countAxis(stackedMax(rows, 'count'))} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={rowTooltip((p: (typeof rows)[number]) => p.label, (p) => [{ name: 'Reversals', value: formatInt(p.count), color: REVERSAL_COLOR }])}
          />
          <Bar dataKey="count" name="Reversals" fill={REVERSAL_COLOR} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
