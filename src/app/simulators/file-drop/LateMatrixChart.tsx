import { useMemo } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { FileDropCharts } from '../../../core/simulators/file-drop/file-drop.charts';
import { AXIS_PROPS, ChartCard, ChartTooltip } from '../../components/ChartCard';
import { formatInt } from '../../format';
import { landingTime, shortTime } from '../landing/landingFormat';

type Cell = { event: number; landing: number; rows: number; delay: number };

/**
 * How late data lands: each dot is late rows of one event slot that landed in one later slot,
 * sized by rows; the diagonal is "on time". With a replay instant, only rows landed by then.
 */
export function LateMatrixChart({ data, atUs }: { data: FileDropCharts; atUs: number | null }) {
  const m = data.lateMatrix;
  const span = m.matrixBucketSlots * data.slotUs;
  const origin = data.startUs[0] ?? 0;
  const t = atUs ?? Number.POSITIVE_INFINITY;
  const subDaily = data.slotUs < 86_400e6;
  const cells = useMemo(
    () =>
      m.rows
        .map((rows, k): Cell => ({ event: m.eventBucket[k], landing: m.landingBucket[k], rows, delay: m.landingBucket[k] - m.eventBucket[k] }))
        .filter((c) => origin + (c.landing + 1) * span <= t),
    [m, origin, span, t],
  );
  const all = m.rows.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...m.landingBucket.map((b) => b + 1), ...m.eventBucket.map((b) => b + 1));
  const at = (b: number) => origin + b * span;
  const unit = m.matrixBucketSlots === 1 ? 'slot' : `${formatInt(m.matrixBucketSlots)}-slot bucket`;
  const tick = (b: number) => shortTime(at(b), subDaily);
  const landed = cells.reduce((a, c) => a + c.rows, 0);
  const maxDelay = cells.reduce((a, c) => Math.max(a, c.delay), 0);
  return (
    <ChartCard
      title="When late rows land"
      subtitle={`Late rows by the ${unit} of their event time (across) and the ${unit} they landed in (up), dot size = rows. On the diagonal would be on time.`}
      height={280}
      summary={
        all === 0
          ? 'No late rows in this run.'
          : `${formatInt(landed)} of ${formatInt(all)} late rows landed so far, up to ${formatInt(maxDelay)} ${unit}s after their event ${unit}; the data is in the table view.`
      }
      table={{
        columns: ['Event slot (UTC)', 'Landing slot (UTC)', 'Late by (slots)', 'Rows'],
        rows: cells.map((c) => [landingTime(at(c.event)), landingTime(at(c.landing)), formatInt(c.delay * m.matrixBucketSlots), formatInt(c.rows)]),
      }}
    >
      {all === 0 ? (
        <div className="empty landing-chart-empty">
          <p>No late rows: lateness is off, or no row drew a delay.</p>
        </div>
      ) : (
        <ResponsiveContainer height={280}>
          <ScatterChart margin={{ left: 4, right: 12, top: 8, bottom: 0 }}>
            <CartesianGrid stroke="var(--chart-grid)" />
            <XAxis type="number" dataKey="event" name="Event slot" domain={[0, max]} {...AXIS_PROPS} tickFormatter={tick} allowDecimals={false} />
            <YAxis type="number" dataKey="landing" name="Landing slot" domain={[0, max]} {...AXIS_PROPS} tickFormatter={tick} width={subDaily ? 84 : 52} allowDecimals={false} />
            <ZAxis type="number" dataKey="rows" range={[24, 360]} />
            <ReferenceLine
              segment={[
                { x: 0, y: 0 },
                { x: max, y: max },
              ]}
              stroke="var(--text-3)"
              strokeDasharray="4 3"
            />
            <Tooltip
              cursor={{ strokeDasharray: '3 3' }}
              content={({ active, payload }) => {
                const c = (payload?.[0] as { payload?: Cell } | undefined)?.payload;
                return c ? (
                  <ChartTooltip
                    active={active}
                    label={`${formatInt(c.rows)} late rows`}
                    rows={[
                      { name: 'Event slot', value: landingTime(at(c.event)) },
                      { name: 'Landed in', value: landingTime(at(c.landing)) },
                      { name: 'Late by', value: `${formatInt(c.delay * m.matrixBucketSlots)} slots` },
                    ]}
                  />
                ) : null;
              }}
            />
            <Scatter data={cells} fill="var(--chart-3)" fillOpacity={0.8} stroke="var(--chart-3)" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}
