import type { BenchCase, ProcessCase } from '../types';
import { workflowCases } from './workflow';
import { clickstreamCases } from './clickstream';
import { operationalLogCases } from './operational-log';
import { domainCases } from './domains';
import { cliCases } from './cli';
import { landingCases } from './landing';
import { streamEmitCases } from './stream-emit';
import { financialStreamCases, financialStreamProcessCases } from './financial-stream';
import { iotTelemetryCases, iotTelemetryProcessCases } from './iot-telemetry';

/** Every in-memory benchmark case; each simulator adds its own file and one entry here. */
export const ALL_CASES: BenchCase[] = [...workflowCases, ...clickstreamCases, ...operationalLogCases, ...domainCases, ...landingCases, ...streamEmitCases, ...financialStreamCases, ...iotTelemetryCases];

/** Whole commands, run as processes of the bundled bin. */
export const PROCESS_CASES: ProcessCase[] = [...cliCases, ...financialStreamProcessCases, ...iotTelemetryProcessCases];
