import type { FinancialStreamCharts } from '../../../core/simulators/financial-stream/financial-stream.charts';
import { formatInt } from '../../format';
import type { financialStreamView } from '../../../core/simulators/financial-stream/view';
import type { RunOf } from '../types';
import { money, utcMinute } from './financialFormat';
import { ReversalsByDelay, ReversalsByReason } from './ReversalCharts';
import { SettlementsChart, TopAccountsChart } from './SettlementCharts';
import { VolumeChart } from './VolumeChart';
import './financial.css';

const LISTED = 8;

/** The fraud bursts as text, ids as in the answer key (the chart shades them). */
function BurstList({ data }: { data: FinancialStreamCharts }) {
  const bursts = data.fraudBursts;
  if (!bursts.length) return null;
  return (
    <section className="chart-card wide" aria-labelledby="fin-bursts-title">
      <div className="chart-card-head">
        <div className="chart-card-titles">
          <h3 id="fin-bursts-title">Fraud bursts</h3>
          <p className="chart-sub">
            Each burst is one compromised account spending fast for up to two minutes; ids as in the answer key.{bursts.length > LISTED ? ` The first ${LISTED} of ${formatInt(bursts.length)}.` : ''}
          </p>
        </div>
      </div>
      <ul className="fin-bursts">
        {bursts.slice(0, LISTED).map((b) => (
          <li key={b.id} className="fin-burst">
            <strong>{b.id}</strong>
            <span>{utcMinute(b.start)}</span>
            <span>
              account {b.accountId}: {formatInt(b.events)} events, {money(b.amount)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The Financial stream page's charts, from the run's chart summary. */
export function FinancialCharts({ run }: { run: RunOf<typeof financialStreamView> }) {
  const data = run.charts;
  return (
    <div className="chart-grid" aria-label="Charts">
      <VolumeChart data={data} />
      <BurstList data={data} />
      <ReversalsByReason data={data} />
      <ReversalsByDelay data={data} />
      <SettlementsChart data={data} />
      <TopAccountsChart data={data} />
    </div>
  );
}
