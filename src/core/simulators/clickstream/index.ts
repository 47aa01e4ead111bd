import { defineSimulator } from '../../simulator';
import { runClickstream } from './clickstream';
import { clickstreamConfig } from './clickstream.config';

export const clickstreamSimulator = defineSimulator({
  id: 'clickstream',
  title: 'Clickstream',
  summary: 'Web sessions, page views and conversion funnels with diurnal traffic, bounces and bot crawls.',
  category: 'behaviour',
  schema: clickstreamConfig,
  run: runClickstream,
});
