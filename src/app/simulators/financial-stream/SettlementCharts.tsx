import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FinancialStreamCharts } from '../../../core/simulators/financial-stream/financial-stream.charts';
import { AXIS_PROPS, ChartCard } from '../../components/ChartCard';
import { countAxis, niceAxis, stackedMax } from '../../components/niceAxis';
import { ChartEmpty, rowTooltip } from '../../components/rowTooltip';
import { formatCompact, formatHours, formatInt } from '../../format';
import { FRAUD_SHADE, money, STATUSES, utcMinute } from './financialFormat';

/** Settlement batches by status per batch window (or group of windows), stacked. */
export function SettlementsChart({ data }: { data: FinancialStreamCharts }) {
  const s = data.settlements;
  const rows = s.bucketStarts.map((iso, i) => ({ iso, label: iso.slice(11, 16), settled: s.settled[i], partial: s.partial[i], failed: s.failed[i], gross: s.gross[i], settledAmount: s.settledAmount[i] }));
  const sum = (k: 'settled' | 'partial' | 'failed') => rows.reduce((a, r) => a + r[k], 0);
  const multiDay = rows.length > 1 && rows[0].iso.slice(0, 10) !== rows[rows.length - 1].iso.slice(0, 10);
  if (multiDay) for (const r of rows) r.label = `${r.iso.slice(5, 10)} ${r.iso.slice(11, 16)}`;
  return (
    <ChartCard
      title="Settlement batches by status"
      subtitle={rows.length ? `Batches per ${formatHours(s.bucketHours)} window by status (UTC window starts); the table adds gross and settled amounts.` : 'Settlement is off in this run.'}
      height={240}
      table={{
        columns: ['Window start (UTC)', ...STATUSES.map((x) => x.label), 'Gross amount', 'Settled amount'],
        rows: rows.map((r) => [utcMinute(r.iso), formatInt(r.settled), formatInt(r.partial), formatInt(r.failed), money(r.gross), money(r.settledAmount)]),
      }}
      summary={rows.length ? `${STATUSES.map((x) => `${formatInt(sum(x.key))} ${x.label.toLowerCase()}`).join(', ')} of ${formatInt(sum('settled') + sum('partial') + sum('failed'))} batches; the data is in the table view.` : 'No settlement batches.'}
    >
      {rows.length ? (
        <ResponsiveContainer>
          <BarChart data={rows} margin={{ left: 4, right: 12, top: 4, bottom: 0 }}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" {...AXIS_PROPS} interval="preserveStartEnd" />
            <YAxis {...AXIS_PROPS} width={44} {...countAxis(stackedMax(rows, 'settled', 'partial', 'failed'))} label={{ value: 'batches', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
            <Tooltip
              cursor={{ fill: 'var(--panel-2)' }}
              content={rowTooltip((p: (typeof rows)[number]) => utcMinute(p.iso), (p) => [...STATUSES.map((x) => ({ name: x.label, value: formatInt(p[x.key]), color: x.color })), { name: 'Gross', value: money(p.gross) }, { name: 'Settled', value: money(p.settledAmount) }])}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {STATUSES.map((x) => (
              <Bar key={x.key} dataKey={x.key} name={x.label} stackId="s" fill={x.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <ChartEmpty>No settlement batches: turn settlement on to batch the records.</ChartEmpty>
      )}
    </ChartCard>
  );
}

/** The accounts fraud hit hardest: fraud amount per compromised account. */
export function TopAccountsChart({ data }: { data: FinancialStreamCharts }) {
  const rows = data.topCompromisedAccounts.map((a) => ({ ...a, label: `account ${a.accountId}` }));
  return (
    <ChartCard
      title="Top compromised accounts"
      subtitle={rows.length ? `Fraud amount per account hit by a burst, the top ${formatInt(rows.length)} (in the inputs’ currency).` : 'No fraud burst in this run: at the defaults about one window in five has one.'}
      height={Math.max(160, 40 + rows.length * 28)}
      table={{ columns: ['Account', 'Bursts', 'Fraud events', 'Fraud amount'], rows: rows.map((a) => [a.accountId, formatInt(a.bursts), formatInt(a.events), money(a.amount)]) }}
      summary={rows.length ? `Most hit: ${rows[0].label}, ${money(rows[0].amount)} over ${formatInt(rows[0].events)} fraud events in ${formatInt(rows[0].bursts)} bursts. The data is in the table view.` : 'No compromised accounts.'}
    >
      {rows.length ? (
        <ResponsiveContainer>
          <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 24, top: 4, bottom: 0 }}>
            <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
            <XAxis type="number" tickFormatter={formatCompact} {...AXIS_PROPS} {...niceAxis(stackedMax(rows, 'amount'))} />
            <YAxis type="category" dataKey="label" width={110} interval={0} {...AXIS_PROPS} />
            <Tooltip
              cursor={{ fill: 'var(--panel-2)' }}
              content={rowTooltip((p: (typeof rows)[number]) => p.label, (p) => [{ name: 'Fraud amount', value: money(p.amount), color: FRAUD_SHADE }, { name: 'Fraud events', value: formatInt(p.events) }, { name: 'Bursts', value: formatInt(p.bursts) }])}
            />
            <Bar dataKey="amount" name="Fraud amount" fill={FRAUD_SHADE} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      ) : (
        <ChartEmpty>No fraud in this run. Raise the burst probability to see compromised accounts.</ChartEmpty>
      )}
    </ChartCard>
  );
}
