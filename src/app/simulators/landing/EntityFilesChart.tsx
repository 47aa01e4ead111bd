import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FileIndex } from '../../../core/landing/charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { formatBytes, formatCompact, formatInt, formatNumber } from '../../format';

type Point = { entity: string; data: number; control: number; size: number; bytes: number };

/** Files (data and control) and size landed per table by the replay's instant. */
export function EntityFilesChart({ index, atUs }: { index: FileIndex; atUs: number | null }) {
  const t = atUs ?? Number.POSITIVE_INFINITY;
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
  return (
    <ChartCard
      title="Files and size per table"
      subtitle={`Files landed per table (data files, and manifests with done flags), and their size in ${unit}${atUs === null ? '' : ', by the replay’s instant'}.`}
      table={{
        columns: ['Table', 'Data files', 'Manifests and done flags', 'Size'],
        rows: points.map((p) => [p.entity, formatInt(p.data), formatInt(p.control), formatBytes(p.bytes)]),
      }}
      height={260}
    >
      <ResponsiveContainer height={260}>
        <BarChart data={points} margin={{ left: 4, right: 4, top: 4, bottom: 0 }} barCategoryGap="24%">
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis dataKey="entity" {...AXIS_PROPS} interval={0} />
          <YAxis yAxisId="files" {...AXIS_PROPS} tickFormatter={formatCompact} width={44} allowDecimals={false} label={{ value: 'files', angle: -90, position: 'insideLeft', fill: 'var(--text-2)', fontSize: 11 }} />
          <YAxis yAxisId="size" orientation="right" {...AXIS_PROPS} tickFormatter={(v: number) => formatNumber(v, 1)} width={48} label={{ value: unit, angle: 90, position: 'insideRight', fill: 'var(--text-2)', fontSize: 11 }} />
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
          <Bar yAxisId="files" dataKey="data" name="Data files" stackId="f" fill="var(--chart-1)" isAnimationActive={false} />
          <Bar yAxisId="files" dataKey="control" name="Manifests, done flags" stackId="f" fill="var(--chart-2)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
          <Bar yAxisId="size" dataKey="size" name={`Size (${unit})`} fill="var(--chart-3)" radius={[2, 2, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
