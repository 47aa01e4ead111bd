import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, type InferShape, type Issue } from '../../schema/fields';

/** Human user ids are `user_` + 6 digits (spec §6), so at most 1,000,000 users. */
export const MAX_USERS = 1_000_000;
/**
 * A guard on the expected number of page views, so a browser tab keeps under 2 GB: a run this
 * large is streamed (its page views and funnels built a stretch at a time), and holds its draws,
 * 22 bytes a view and 4 more while they are sorted, plus its sessions (1,000,000 users at the
 * defaults, 32 M views: 1.28 GB peak in Node, 1.95 GB for the whole tab through Run and
 * Download .zip in Chromium). Room for 1,000,000 users at the defaults.
 */
export const MAX_EXPECTED_PAGE_VIEWS = 35_000_000;

export const DEFAULT_PAGE_POOL = [
  '/',
  '/products',
  '/products/{id}',
  '/cart',
  '/checkout',
  '/about',
  '/contact',
  '/blog',
  '/blog/{slug}',
  '/search',
  '/account',
  '/faq',
];
export const DEFAULT_FUNNEL_STAGES = ['landing', 'product', 'cart', 'checkout', 'confirmation'];
export const DEFAULT_REFERRERS = ['direct', 'google', 'bing', 'facebook', 'twitter', 'email', 'reddit'];
export const DEFAULT_DEVICES = ['desktop', 'mobile', 'tablet'];

const label = (what: string, max: number) => f.string({ minLength: 1, maxLength: max, help: what });

const shape = {
  users: f.int({
    default: 1000,
    min: 0,
    max: MAX_USERS,
    label: 'Users',
    help: 'Human users user_000000, user_000001, …; each has at least one session.',
    group: 'Traffic',
  }),
  durationHours: f.number({
    default: 24,
    min: 0,
    minExclusive: true,
    max: 87_600,
    unit: 'h',
    label: 'Duration',
    help: 'Window length: every session starts in [start, start + duration); sessions may run past the end.',
    group: 'Traffic',
  }),
  startTime: f.instant({
    default: '2024-01-01T00:00:00Z',
    label: 'Start time',
    help: 'Window start (UTC when no offset is given). Human traffic peaks at 12:00 and dips to a floor around midnight UTC.',
    group: 'Traffic',
  }),
  avgSessionsPerUser: f.number({
    default: 2.5,
    min: 0,
    max: 100,
    step: 0.1,
    label: 'Sessions per user (λ)',
    help: 'Poisson mean of sessions per user, then raised to at least 1 (so the mean is λ + e^−λ).',
    group: 'Traffic',
  }),
  avgPagesPerSession: f.number({
    default: 5,
    min: 0,
    max: 1_000,
    step: 0.1,
    label: 'Pages per session (λ)',
    help: 'Poisson mean of page views in a non-bounce human session, then raised to at least 2.',
    group: 'Traffic',
  }),
  bounceRate: f.probability({
    default: 0.35,
    label: 'Bounce rate',
    help: 'Probability that a human session is a one-page bounce.',
    group: 'Traffic',
  }),
  pagePool: f.array(label('A URL template; {id} becomes 1–500 and {slug} becomes post-1 … post-500.', 2_048), {
    default: DEFAULT_PAGE_POOL,
    minItems: 1,
    maxItems: 1_000,
    label: 'Page pool',
    help: 'URL templates, chosen uniformly for each page view.',
    group: 'Pages and sources',
  }),
  referrerSources: f.array(label('A traffic source label.', 200), {
    default: DEFAULT_REFERRERS,
    minItems: 1,
    maxItems: 200,
    label: 'Referrer sources',
    help: 'Traffic sources, chosen uniformly per human session; the first page view’s referrer_url is this label.',
    group: 'Pages and sources',
  }),
  deviceTypes: f.array(label('A device label.', 200), {
    default: DEFAULT_DEVICES,
    minItems: 1,
    maxItems: 200,
    label: 'Device types',
    help: 'Device labels, chosen uniformly per human session (bots are "bot").',
    group: 'Pages and sources',
  }),
  funnelEnabled: f.bool({ default: true, label: 'Funnels', help: 'Produce the funnels table.', group: 'Funnel' }),
  funnelStages: f.array(label('A funnel stage name.', 200), {
    default: DEFAULT_FUNNEL_STAGES,
    maxItems: 100,
    label: 'Funnel stages',
    help: 'Ordered stages. Stage k is reached at the session’s k-th page view, so a funnel never outruns its pages; empty means no funnel rows.',
    group: 'Funnel',
  }),
  funnelDropRate: f.probability({
    default: 0.4,
    label: 'Drop rate',
    help: 'Probability of abandoning after each non-final stage.',
    group: 'Funnel',
  }),
  botTrafficEnabled: f.bool({ default: true, label: 'Bot traffic', help: 'Add crawler sessions.', group: 'Bots' }),
  botFraction: f.probability({
    default: 0.15,
    maxExclusive: true,
    label: 'Bot fraction',
    help: 'Bots’ target share of all sessions: floor(human · f / (1 − f)) bot sessions, none when f = 0.',
    group: 'Bots',
  }),
  botPagesPerSession: f.int({
    default: 50,
    min: 0,
    max: 10_000,
    label: 'Pages per bot session',
    help: 'Every bot session crawls exactly this many pages, 0.1–0.5 s apart.',
    group: 'Bots',
  }),
  seed: seedField(),
};

type Raw = InferShape<typeof shape>;
export type ClickstreamConfig = Raw;

/** E[max(2, Poisson(μ))] = μ + (2 + μ)·e^−μ: the mean page count of a non-bounce session. */
export function meanPagesNonBounce(mu: number): number {
  return mu + (2 + mu) * Math.exp(-mu);
}

/** Expected human sessions, bot sessions and page views of a config (for the memory guard and tests). */
export function expectedVolume(c: Raw): { humanSessions: number; botSessions: number; pageViews: number } {
  const lambda = c.avgSessionsPerUser;
  const humanSessions = c.users * (lambda + Math.exp(-lambda));
  const botSessions = c.botTrafficEnabled ? (humanSessions * c.botFraction) / (1 - c.botFraction) : 0;
  const humanPages = c.bounceRate + (1 - c.bounceRate) * meanPagesNonBounce(c.avgPagesPerSession);
  return { humanSessions, botSessions, pageViews: humanSessions * humanPages + botSessions * c.botPagesPerSession };
}

/**
 * The most users the other settings allow: expected page views grow linearly with users, so
 * this is the page-view guard divided by the views one user brings (never above MAX_USERS).
 * The form shows it as the Users hint and `validate` refuses above it: one source for both.
 */
export function maxUsers(c: Raw): number {
  const perUser = expectedVolume({ ...c, users: 1 }).pageViews;
  return perUser > 0 ? Math.min(MAX_USERS, Math.floor(MAX_EXPECTED_PAGE_VIEWS / perUser)) : MAX_USERS;
}

function validate(c: Raw): Issue[] {
  const limit = maxUsers(c);
  if (c.users > limit) {
    const { pageViews } = expectedVolume(c);
    return [
      {
        path: 'users',
        message:
          `${c.users.toLocaleString('en-US')} users would give about ${Math.round(pageViews).toLocaleString('en-US')} page views; allowed: at most ` +
          `${limit.toLocaleString('en-US')} users with these settings (${MAX_EXPECTED_PAGE_VIEWS.toLocaleString('en-US')} page views; lower sessions or pages per session, the bot fraction or pages per bot session for more)`,
      },
    ];
  }
  return [];
}

/** The Clickstream config (spec/clickstream.md §2); negative λ, rates outside [0, 1] and empty pools are refused by their fields (D11). */
export const clickstreamConfig = defineConfig(shape, validate, undefined, {
  users: (c) => ({ max: maxUsers(c), because: 'with these sessions, pages and bots' }),
});
