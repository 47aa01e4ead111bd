import type { ReactNode } from 'react';
import type { FileIndex } from '../../../core/landing/charts';
import type { RunMeta } from '../../store';
import { EntityFilesChart } from './EntityFilesChart';
import { ReplayBar } from './ReplayBar';
import { useReplay } from './replay';
import { ZoneExplorer } from './ZoneExplorer';
import './landing.css';

/**
 * What both landing-zone pages show above their own charts: the arrival replay, then a grid of
 * the page's charts (given the replay's instant) and the files per table.
 */
export function LandingCharts({ simulator, run, index, children }: { simulator: string; run: RunMeta; index: FileIndex; children: (atUs: number | null) => ReactNode }) {
  const { atUs } = useReplay(simulator, run.runId);
  return (
    <>
      <ReplayBar simulator={simulator} runId={run.runId} index={index} />
      <div className="chart-grid">
        {children(atUs)}
        <EntityFilesChart index={index} atUs={atUs} />
      </div>
    </>
  );
}

/**
 * The landing-zone explorer of a page (its own section under the charts). `replay`: the page has
 * no landing charts to carry the replay bar (the hybrid's batch side), so it sits above the tree.
 */
export function LandingExplorer({ simulator, run, index, replay = false }: { simulator: string; run: RunMeta; index: FileIndex; replay?: boolean }) {
  return (
    <>
      {replay && <ReplayBar simulator={simulator} runId={run.runId} index={index} />}
      <ZoneExplorer simulator={simulator} run={run} index={index} />
    </>
  );
}
