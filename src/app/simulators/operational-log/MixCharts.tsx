import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AXIS_PROPS, ChartTooltip } from '../../components/ChartCard';
import { countAxis, niceAxis, stackedMax } from '../../components/niceAxis';
import { formatInt, formatPercent } from '../../format';
import { Card } from './Card';
import { topSummary } from '../../components/chartSummary';
import { formatMs, LEVEL_COLORS, STATUS_CLASSES, statusColor, type OplogData } from './shared';

const PERCENTILES = [
  { key: 'p50', label: 'p50', color: 'var(--chart-2)' },
  { key: 'p95', label: 'p95', color: 'var(--chart-1)' },
  { key: 'p99', label: 'p99', color: 'var(--chart-5)' },
] as const;

/** Linear | Log switch: bursts and spikes put p99 two orders of magnitude above p50. */
function ScaleSwitch({ log, setLog }: { log: boolean; setLog(v: boolean): void }) {
  const name = useId();
  return (
    <div className="segmented oplog-segmented" role="radiogroup" aria-label="Latency scale">
      {(['Linear', 'Log'] as const).map((label) => (
        <label key={label}>
          <input type="radio" name={name} checked={log === (label === 'Log')} onChange={() => setLog(label === 'Log')} />
          {label}
        </label>
      ))}
    </div>
  );
}

export function LatencyPercentiles({ data }: { data: OplogData }) {
  const rows = data.latency;
  const worst = rows.reduce<(typeof rows)[number] | undefined>((w, r) => (!w || r.p95 > w.p95 ? r : w), undefined);
  const spread = rows.length ? Math.max(...rows.map((r) => r.p99)) / Math.max(0.5, Math.min(...rows.map((r) => r.p50 || 0.5))) : 1;
  const [log, setLog] = useState(spread > 30);
  const labelWidth = Math.min(170, 16 + 6.6 * Math.max(...rows.map((r) => r.service.length), 4));
  return (
    <Card
      title="Latency percentiles per service"
      subtitle={`p50, p95 and p99 of latency_ms per service, milliseconds (service_health).${worst && rows.length > 1 ? ` Worst p95: ${worst.service}, ${formatMs(worst.p95)}.` : ''}`}
      wide
      height={48 + rows.length * 46}
      actions={<ScaleSwitch log={log} setLog={setLog} />}
      table={{ columns: ['Service', 'p50', 'p95', 'p99'], rows: rows.map((r) => [r.service, formatMs(r.p50), formatMs(r.p95), formatMs(r.p99)]) }}
      summary={worst ? `Worst p95 latency: ${worst.service}, ${formatMs(worst.p95)}. ${rows.length} services; the data is in the table view.` : 'No requests.'}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 28, top: 0, bottom: 0 }} barGap={1} barCategoryGap="22%">
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <YAxis type="category" dataKey="service" {...AXIS_PROPS} width={labelWidth} interval={0} />
          <XAxis
            type="number"
            {...AXIS_PROPS}
            {...(log
              ? { scale: 'log', domain: [(min: number) => Math.max(0.1, min / 2), 'auto'], allowDataOverflow: true }
              : { scale: 'auto', ...niceAxis(Math.max(stackedMax(rows, 'p50'), stackedMax(rows, 'p95'), stackedMax(rows, 'p99')), { decimals: 2 }) })}
            tickFormatter={(v: number) => formatMs(v)}
          />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              return p ? (
                <ChartTooltip
                  active={active}
                  label={p.service}
                  rows={[...PERCENTILES.map((q) => ({ name: q.label, value: formatMs(p[q.key]), color: q.color })), { name: 'mean', value: formatMs(p.mean) }]}
                />
              ) : null;
            }}
          />
          <Legend verticalAlign="top" align="right" height={24} iconType="square" iconSize={10} />
          {PERCENTILES.map((q) => (
            <Bar key={q.key} dataKey={q.key} name={q.label} fill={q.color} radius={[0, 3, 3, 0]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}

export function StatusMix({ data }: { data: OplogData }) {
  const total = data.statusCodes.reduce((a, c) => a + c.count, 0);
  const rows = data.statusCodes.map((c) => ({ code: String(c.code), count: c.count, color: statusColor(c.code) }));
  const shares = STATUS_CLASSES.map((k) => data.statusCodes.filter((c) => k.test(c.code)).reduce((a, c) => a + c.count, 0) / Math.max(1, total));
  return (
    <Card
      title="Status-code mix"
      subtitle="Log lines by HTTP status code, all services; 5xx are the errors of the error rate."
      height={240}
      table={{ columns: ['Status', 'Log lines', 'Share'], rows: rows.map((r) => [r.code, formatInt(r.count), formatPercent(r.count / Math.max(1, total))]) }}
      summary={topSummary(rows.map((r) => [`status ${r.code}`, r.count]), 'log lines')}
      footer={
        <div className="legend-row oplog-legend-items" aria-label="Status classes">
          {STATUS_CLASSES.map((k, i) => (
            <span key={k.label}>
              <span className="swatch" style={{ background: k.color }} />
              {k.label} {formatPercent(shares[i])}
            </span>
          ))}
        </div>
      }
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ left: 4, right: 12, top: 16, bottom: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="code" {...AXIS_PROPS} interval={0} />
          <YAxis {...AXIS_PROPS} width={52} {...countAxis(stackedMax(rows, 'count'))} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              return p ? (
                <ChartTooltip
                  active={active}
                  label={`HTTP ${p.code}`}
                  rows={[
                    { name: 'Log lines', value: formatInt(p.count) },
                    { name: 'Share', value: formatPercent(p.count / Math.max(1, total), 2) },
                  ]}
                />
              ) : null;
            }}
          />
          <Bar dataKey="count" name="Log lines" radius={[3, 3, 0, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.code} fill={r.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}

export function LevelMix({ data }: { data: OplogData }) {
  const total = data.levels.reduce((a, l) => a + l.count, 0);
  const rows = data.levels.map((l) => ({ ...l, share: formatPercent(l.count / Math.max(1, total)) }));
  return (
    <Card
      title="Log level mix"
      subtitle="Log lines by level: ERROR for status ≥ 500, WARN for 4xx (429 included), INFO otherwise."
      height={240}
      table={{ columns: ['Level', 'Log lines', 'Share'], rows: rows.map((r) => [r.level, formatInt(r.count), r.share]) }}
      summary={topSummary(rows.map((r) => [r.level, r.count]), 'log lines')}
    >
      <ResponsiveContainer>
        <BarChart data={rows} layout="vertical" margin={{ left: 4, right: 56, top: 8, bottom: 0 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" {...AXIS_PROPS} {...countAxis(stackedMax(rows, 'count'))} />
          <YAxis type="category" dataKey="level" width={56} {...AXIS_PROPS} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = payload?.[0]?.payload as (typeof rows)[number] | undefined;
              return p ? <ChartTooltip active={active} label={p.level} rows={[{ name: 'Log lines', value: `${formatInt(p.count)} (${p.share})` }]} /> : null;
            }}
          />
          <Bar dataKey="count" name="Log lines" radius={[0, 3, 3, 0]} isAnimationActive={false}>
            {rows.map((r) => (
              <Cell key={r.level} fill={LEVEL_COLORS[r.level] ?? 'var(--chart-1)'} />
            ))}
            <LabelList dataKey="share" position="right" fill="var(--text-2)" fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}
