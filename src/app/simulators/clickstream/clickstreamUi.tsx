import { formatInt, formatNumber, formatPercent } from '../../format';
import { clickstreamView } from '../../../core/simulators/clickstream/view';
import { defineUi } from '../defineUi';
import { ClickstreamCharts } from './ClickstreamCharts';
import { listFields } from './ListField';
import { SessionExplorer } from './SessionExplorer';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const clickstreamUi = defineUi(clickstreamView, {
  description:
    'Web sessions, page views and conversion funnels over a day of diurnal traffic, with bounces and bot crawls mixed in. For testing sessionisation, bounce and conversion KPIs, bot filtering and funnel dashboards; every bot session and funnel drop-off is in the answer key.',
  statCards(stats, config) {
    const total = stats.total_sessions;
    const humans = stats.human_sessions;
    const bots = stats.bot_sessions;
    const views = stats.total_page_views;
    const botViews = stats.bot_page_views;
    const eligible = stats.funnel_eligible_sessions;
    const stages = Array.isArray(config.funnelStages) ? (config.funnelStages as string[]) : [];
    const funnelOn = config.funnelEnabled !== false && stages.length > 0;
    return [
      {
        label: 'Sessions',
        value: formatInt(total),
        sub: bots ? `${formatInt(humans)} human · ${formatInt(bots)} bot (${formatPercent(bots / Math.max(1, total))})` : 'all human, no bot traffic',
      },
      {
        label: 'Unique users',
        value: formatInt(stats.unique_users),
        sub: bots ? `humans; plus ${formatInt(stats.unique_bot_users)} one-session bot visitors` : 'human users',
      },
      { label: 'Page views', value: formatInt(views), sub: `${formatInt(views - botViews)} human · ${formatInt(botViews)} bot` },
      {
        label: 'Pages per session',
        // no human session: a dash, not "0" dressed as a figure
        value: humans ? formatNumber(stats.avg_pages_per_session, 2) : '—',
        sub: bots ? `human sessions; bots crawl ${formatInt(num(config.botPagesPerSession))} each` : 'human sessions',
      },
      {
        label: 'Bounce rate',
        value: humans ? formatPercent(stats.bounce_rate_actual) : '—',
        sub: `${formatInt(stats.bounce_sessions)} one-page human sessions (set to ${formatPercent(num(config.bounceRate))})`,
      },
      funnelOn && eligible
        ? {
            label: 'Conversion rate',
            value: formatPercent(stats.funnel_conversion_rate),
            sub: `${formatInt(stats.funnel_conversions)} of ${formatInt(eligible)} funnel sessions reached ${stages[stages.length - 1]}`,
          }
        : { label: 'Conversion rate', value: '—', sub: funnelOn ? 'no session entered the funnel' : 'funnels are off for this run' },
    ];
  },
  Charts: ClickstreamCharts,
  Explorer: SessionExplorer,
  form: { fields: listFields },
});
