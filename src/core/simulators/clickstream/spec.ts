import type { SimulatorSpec } from '../../simulator';
import { clickstreamConfig, type ClickstreamConfig } from './clickstream.config';
import { estimateClickstream } from './clickstream.estimate';

export const clickstreamSpec: SimulatorSpec<ClickstreamConfig> = {
  id: 'clickstream',
  title: 'Clickstream',
  summary: 'Web sessions, page views and conversion funnels with diurnal traffic, bounces and bot crawls.',
  category: 'behaviour',
  schema: clickstreamConfig,
  estimate: estimateClickstream,
};
