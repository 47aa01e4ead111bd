import type { ReactNode } from 'react';
import { ChartCard, type ChartTable } from '../../components/ChartCard';

/** The operational-log page's chart card: the shared ChartCard with controls and a footer. */
export function Card(props: { title: string; subtitle: string; wide?: boolean; height?: number; actions?: ReactNode; footer?: ReactNode; table?: ChartTable; summary?: string; children: ReactNode }) {
  return <ChartCard {...props} />;
}
