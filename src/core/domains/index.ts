/**
 * Base-data domains (spec/domains.md): declarative table specs interpreted by one engine.
 * `generateDomain(findDomain('retail')!, { scale: 'small' })` → tables + metadata.
 */
import type { DomainDef } from './model';
import { financial } from './financial';
import { iot } from './iot';
import { retail } from './retail';

/** Every domain, in the order the page lists them. Adding a domain is one file and one line here. */
export const DOMAINS: readonly DomainDef[] = [retail, financial, iot];

export function findDomain(id: string): DomainDef | undefined {
  return DOMAINS.find((d) => d.id === id);
}

export { generateDomain, type DomainOutput } from './engine';
export { domainConfigSchema, type DomainConfig } from './config';
export { estimateRows, totalRows } from './scales';
export { SCALES, SKEW_PROFILES, type DomainDef, type DomainTable, type Scale, type SkewProfile } from './model';
