import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scd2Charts } from '../../../core/simulators/scd2-file-drop/scd2.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, stackedMax } from '../../components/niceAxis';
import { topSummary } from '../../components/chartSummary';
import { formatInt } from '../../format';
import { landingTime, shortTime } from '../landing/landingFormat';

type Day = { label: string; title: string; updates: number; inserts: number };
const UPDATE = 'var(--chart-1)';
const INSERT = 'var(--chart-4)';

/** Updated and new keys per delta day, all tables together; with a replay instant, days landed by then. */
export function ChangesPerDayChart({ data, atUs }: { data: Scd2Charts; atUs: number | null }) {
  const t = atUs ?? Number.POSITIVE_INFINITY;
  const days = useMemo(
    () =>
      data.days.map((iso, i): Day => {
        const us = Date.parse(iso) * 1000;
        const landed = us <= t;
        return { label: shortTime(us, false), title: landingTime(us), updates: landed ? data.totals.updates[i] : 0, inserts: landed ? data.totals.inserts[i] : 0 };
      }),
    [data, t],
  );
  const sum = (k: 'updates' | 'inserts') => days.reduce((a, d) => a + d[k], 0);
  return (
    <ChartCard
      wide
      title="Changes per day"
      subtitle="Keys updated (each one an expire row plus a new version) and new keys inserted, per daily delta file, all tables together."
      height={260}
      table={{ columns: ['Day (UTC)', 'Updated keys', 'New keys'], rows: days.map((d) => [d.title, formatInt(d.updates), formatInt(d.inserts)]) }}
      summary={topSummary(
        [
          ['updated keys', sum('updates')],
          ['new keys', sum('inserts')],
        ],
        'changes',
      )}
    >
      {data.days.length === 0 ? (
        <div className="empty landing-chart-empty">
          <p>No delta days: the run landed the snapshot only.</p>
        </div>
      ) : (
        <ResponsiveContainer height={260}>
          <BarChart data={days} margin={{ left: 4, right: 12, top: 4, bottom: 0 }} barCategoryGap={days.length > 60 ? 0 : 2}>
            <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
            <XAxis dataKey="label" {...AXIS_PROPS} interval="preserveStartEnd" minTickGap={16} />
            <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(days, 'updates', 'inserts'))} label={{ value: 'keys', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
            <Tooltip
              cursor={{ fill: 'var(--panel-2)' }}
              content={({ active, payload }) => {
                const d = (payload?.[0] as { payload?: Day } | undefined)?.payload;
                return d ? (
                  <ChartTooltip
                    active={active}
                    label={d.title}
                    rows={[
                      { name: 'Updated keys', value: formatInt(d.updates), color: UPDATE },
                      { name: 'New keys', value: formatInt(d.inserts), color: INSERT },
                    ]}
                  />
                ) : null;
              }}
            />
            <Legend verticalAlign="top" align="right" height={24} iconType="square" iconSize={10} />
            <Bar dataKey="updates" name="Updated keys" stackId="k" fill={UPDATE} isAnimationActive={false} />
            <Bar dataKey="inserts" name="New keys" stackId="k" fill={INSERT} radius={[2, 2, 0, 0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

/** How many keys ended the run with 1, 2, 3… versions (all tables together). */
export function VersionsChart({ data }: { data: Scd2Charts }) {
  const points = useMemo(() => {
    const counts = new Map<number, number>();
    for (const e of Object.values(data.perEntity)) e.versionsHistogram.versions.forEach((v, i) => counts.set(v, (counts.get(v) ?? 0) + e.versionsHistogram.keys[i]));
    return [...counts.keys()].sort((a, b) => a - b).map((v) => ({ label: `${v}`, keys: counts.get(v)! }));
  }, [data]);
  return (
    <ChartCard
      title="Versions per key"
      subtitle="Keys by how many versions they have at the end of the run (1 = never changed), all tables together."
      height={260}
      table={{ columns: ['Versions', 'Keys'], rows: points.map((p) => [p.label, formatInt(p.keys)]) }}
      summary={topSummary(
        points.map((p) => [`${p.label} version${p.label === '1' ? '' : 's'}`, p.keys]),
        'keys',
      )}
    >
      <ResponsiveContainer height={260}>
        <BarChart data={points} margin={{ left: 4, right: 12, top: 4, bottom: 16 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="label" {...AXIS_PROPS} label={{ value: 'versions', position: 'insideBottom', offset: -12, fill: 'var(--text-2)', fontSize: 11 }} />
          <YAxis {...AXIS_PROPS} width={48} {...countAxis(stackedMax(points, 'keys'))} label={{ value: 'keys', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = (payload?.[0] as { payload?: { label: string; keys: number } } | undefined)?.payload;
              return p ? <ChartTooltip active={active} label={`${p.label} version${p.label === '1' ? '' : 's'}`} rows={[{ name: 'Keys', value: formatInt(p.keys), color: 'var(--chart-6)' }]} /> : null;
            }}
          />
          <Bar dataKey="keys" name="Keys" fill="var(--chart-6)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
