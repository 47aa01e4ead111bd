import { useId, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FileIndex } from '../../../core/landing/charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { countAxis, niceAxis, stackedMax } from '../../components/niceAxis';
import { formatBytes, formatInt, formatNumber } from '../../format';

type Point = { entity: string; data: number; control: number; size: number; bytes: number };
type View = 'files' | 'size';

/** Files (data and control) or size landed per table by the replay's instant: horizontal bars, so table names stay readable. */
export function EntityFilesChart({ index, atUs }: { index: FileIndex; atUs: number | null }) {
  const t = atUs ?? Number.POSITIVE_INFINITY;
  const [view, setView] = useState<View>('files');
  const name = useId();
  const { points, unit } = useMemo(() => {
    const out = index.entities.map((entity): Point => ({ entity, data: 0, control: 0, size: 0, bytes: 0 }));
    for (let i = 0; i < index.name.length; i++) {
      if (index.landedAtUs[i] > t) continue;
      const p = out[index.entity[i]];
      if (!p) continue;
      if (index.rows[i] >= 0) p.data++;
      else p.control++;
      p.bytes += index.bytes[i];
    }
    const mb = Math.max(0, ...out.map((p) => p.bytes)) >= 1024 ** 2;
    for (const p of out) p.size = p.bytes / (mb ? 1024 ** 2 : 1024);
    return { points: out, unit: mb ? 'MB' : 'KB' };
  }, [index, t]);
  const height = Math.max(160, 48 + points.length * 28);
  const labelWidth = Math.min(140, 16 + 7 * Math.max(...points.map((p) => p.entity.length), 4));
  return (
    <ChartCard
      title="Files and size per table"
      subtitle={
        view === 'files'
          ? `Files landed per table: data files, and manifests with done flags${atUs === null ? '' : ', by the replay’s instant'}.`
          : `Size of the files landed per table, in ${unit}${atUs === null ? '' : ', by the replay’s instant'}.`
      }
      table={{
        columns: ['Table', 'Data files', 'Manifests and done flags', 'Size'],
        rows: points.map((p) => [p.entity, formatInt(p.data), formatInt(p.control), formatBytes(p.bytes)]),
      }}
      height={height}
      actions={
        <div className="segmented" role="radiogroup" aria-label="Files or size">
          {(
            [
              ['files', 'Files'],
              ['size', 'Size'],
            ] as const
          ).map(([v, label]) => (
            <label key={v}>
              <input type="radio" name={name} value={v} checked={view === v} onChange={() => setView(v)} />
              {label}
            </label>
          ))}
        </div>
      }
    >
      <ResponsiveContainer height={height}>
        <BarChart data={points} layout="vertical" margin={{ left: 4, right: 16, top: 4, bottom: 0 }} barCategoryGap="20%">
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <YAxis type="category" dataKey="entity" {...AXIS_PROPS} width={labelWidth} interval={0} />
          <XAxis
            type="number"
            {...AXIS_PROPS}
            {...(view === 'files' ? countAxis(stackedMax(points, 'data', 'control')) : { ...niceAxis(stackedMax(points, 'size'), { decimals: 1 }), tickFormatter: (v: number) => formatNumber(v, 1) })}
          />
          <Tooltip
            cursor={{ fill: 'var(--panel-2)' }}
            content={({ active, payload }) => {
              const p = (payload?.[0] as { payload?: Point } | undefined)?.payload;
              return p ? (
                <ChartTooltip
                  active={active}
                  label={p.entity}
                  rows={[
                    { name: 'Data files', value: formatInt(p.data), color: 'var(--chart-1)' },
                    { name: 'Manifests and done flags', value: formatInt(p.control), color: 'var(--chart-2)' },
                    { name: 'Size', value: formatBytes(p.bytes), color: 'var(--chart-3)' },
                  ]}
                />
              ) : null;
            }}
          />
          <Legend verticalAlign="top" align="right" height={24} iconType="square" iconSize={10} />
          {view === 'files' ? (
            [
              <Bar key="d" dataKey="data" name="Data files" stackId="f" fill="var(--chart-1)" isAnimationActive={false} />,
              <Bar key="c" dataKey="control" name="Manifests, done flags" stackId="f" fill="var(--chart-2)" radius={[0, 2, 2, 0]} isAnimationActive={false} />,
            ]
          ) : (
            <Bar dataKey="size" name={`Size (${unit})`} fill="var(--chart-3)" radius={[0, 2, 2, 0]} isAnimationActive={false} />
          )}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
