import type { BenchCase } from '../types';
import { workflowCases } from './workflow';
import { clickstreamCases } from './clickstream';
import { operationalLogCases } from './operational-log';
import { domainCases } from './domains';
import { financialStreamCases } from './financial-stream';
import { iotTelemetryCases } from './iot-telemetry';

/** Every benchmark case; each simulator adds its own file and one entry here. */
export const ALL_CASES: BenchCase[] = [...workflowCases, ...clickstreamCases, ...operationalLogCases, ...financialStreamCases, ...iotTelemetryCases, ...domainCases];
