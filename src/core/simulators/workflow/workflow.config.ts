import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, type InferShape, type Issue } from '../../schema/fields';
import { sizeIssues } from '../../estimate';
import { estimateWorkflow } from './workflow.estimate';
import { getPresetWorkflow, PRESET_NAMES } from './workflow.presets';

export const MAX_ENTITIES = 5_000_000;

const state = f.object(
  {
    name: f.string({ minLength: 1, maxLength: 64, label: 'Name', help: 'Unique state name.' }),
    isInitial: f.bool({ default: false, label: 'Initial', help: 'Entities start in an initial state (one is chosen uniformly).' }),
    isTerminal: f.bool({ default: false, label: 'Terminal', help: 'An entity that reaches a terminal state stops.' }),
    metadata: f.jsonObject({ default: {}, help: 'Free-form metadata (kept, unused by the simulation).' }),
  },
  { help: 'A state of the machine.' },
);

const transition = f.object(
  {
    fromState: f.string({ minLength: 1, maxLength: 64, label: 'From', help: 'Source state.' }),
    toState: f.string({ minLength: 1, maxLength: 64, label: 'To', help: 'Target state.' }),
    probability: f.number({ default: 1, min: 0, minExclusive: true, max: 1e6, label: 'Weight', help: 'Relative weight, normalised over the rules leaving the same state.' }),
    dwellHoursMean: f.number({ default: 1, min: 0, max: 100_000, unit: 'h', label: 'Mean', help: 'Mean time spent in the source state before this transition.' }),
    dwellHoursStd: f.number({ default: 0.5, min: 0, max: 100_000, unit: 'h', label: 'Std', help: 'Standard deviation of the dwell time.' }),
    minDwellHours: f.number({ default: 0.1, min: 0, max: 100_000, unit: 'h', label: 'Min', help: 'Floor of the dwell time (the normal sample is clamped to it).' }),
  },
  { help: 'A weighted transition with its dwell-time distribution.' },
);

const shape = {
  preset: f.enumOf([...PRESET_NAMES, 'custom'], {
    default: 'order_fulfillment',
    label: 'Preset',
    help: 'A ready-made process. Non-empty states or transitions replace the preset’s; "custom" uses only your own.',
    group: 'Process',
  }),
  states: f.array(state, { default: [], maxItems: 200, label: 'States', help: 'States of the machine (empty: the preset’s).', group: 'Process' }),
  transitions: f.array(transition, {
    default: [],
    maxItems: 2_000,
    label: 'Transitions',
    help: 'Transition rules (empty: the preset’s).',
    group: 'Process',
  }),
  entityCount: f.int({
    default: 100,
    min: 0,
    max: MAX_ENTITIES,
    label: 'Entities',
    help: 'How many entities (orders, tickets, applicants) move through the process.',
    group: 'Volume',
  }),
  entityPrefix: f.string({
    default: 'entity',
    minLength: 1,
    maxLength: 32,
    pattern: /^[A-Za-z0-9_.-]+$/,
    patternHelp: 'letters, digits, _ . - (1 to 32 characters)',
    label: 'Entity id prefix',
    help: 'Entity ids are {prefix}_{index}, zero-padded to at least 6 digits.',
    group: 'Volume',
  }),
  startTime: f.instant({
    default: '2024-01-01T00:00:00Z',
    label: 'Start time',
    help: 'Entities are created within the first hour after this instant (UTC when no offset is given).',
    group: 'Volume',
  }),
  maxTransitionsPerEntity: f.int({
    default: 20,
    min: 0,
    max: 1_000,
    label: 'Max transitions per entity',
    help: 'Loop guard: an entity stops after this many transitions, complete or not.',
    group: 'Volume',
  }),
  anomalyEnabled: f.bool({ default: true, label: 'Inject anomalies', help: 'Skip, stuck and backward anomalies, each recorded in the answer key.', group: 'Anomalies' }),
  anomalySkipProbability: f.probability({
    default: 0.02,
    label: 'Skip probability',
    help: 'Per transition: jump over the next state straight to one of its successors.',
    group: 'Anomalies',
  }),
  anomalyStuckProbability: f.probability({
    default: 0.01,
    label: 'Stuck probability',
    help: 'Per transition: the entity gets stuck in its state (a self-event) and stops.',
    group: 'Anomalies',
  }),
  anomalyBackwardProbability: f.probability({
    default: 0.01,
    label: 'Backward probability',
    help: 'Per transition: move back to a state visited earlier.',
    group: 'Anomalies',
  }),
  seed: seedField(),
};

type Raw = InferShape<typeof shape>;

/** States and transitions actually used: the preset's, each replaced by a non-empty explicit list. */
function resolveMachine(c: Raw): { states: Raw['states']; transitions: Raw['transitions']; fromPreset: { states: boolean; transitions: boolean } } {
  const preset = c.preset === 'custom' ? undefined : getPresetWorkflow(c.preset);
  const useStates = c.states.length === 0 && preset !== undefined;
  const useTransitions = c.transitions.length === 0 && preset !== undefined;
  return {
    states: useStates ? preset.states : c.states,
    transitions: useTransitions ? preset.transitions : c.transitions,
    fromPreset: { states: useStates, transitions: useTransitions },
  };
}

function validate(c: Raw): Issue[] {
  const issues: Issue[] = [];
  const { states, transitions, fromPreset } = resolveMachine(c);
  const statePath = (i: number, field: string) => (fromPreset.states ? 'preset' : `states.${i}.${field}`);
  const transitionPath = (i: number, field: string) => (fromPreset.transitions ? 'preset' : `transitions.${i}.${field}`);
  if (states.length === 0) {
    issues.push({ path: 'states', message: 'is empty; allowed: at least one state (preset "custom" needs your own states)' });
    return issues;
  }
  const byName = new Map<string, (typeof states)[number]>();
  states.forEach((s, i) => {
    if (byName.has(s.name)) issues.push({ path: statePath(i, 'name'), message: `"${s.name}" is a duplicate state name; allowed: unique names` });
    byName.set(s.name, s);
  });
  if (!states.some((s) => s.isInitial)) {
    issues.push({ path: 'states', message: 'has no initial state; allowed: at least one state with isInitial = true' });
  }
  const known = () => [...byName.keys()].join(', ');
  transitions.forEach((t, i) => {
    const from = byName.get(t.fromState);
    if (!from) issues.push({ path: transitionPath(i, 'fromState'), message: `"${t.fromState}" is not a defined state; allowed: one of ${known()}` });
    else if (from.isTerminal) {
      issues.push({ path: transitionPath(i, 'fromState'), message: `"${t.fromState}" is a terminal state; allowed: rules leave non-terminal states only` });
    }
    if (!byName.has(t.toState)) issues.push({ path: transitionPath(i, 'toState'), message: `"${t.toState}" is not a defined state; allowed: one of ${known()}` });
  });
  const sum = c.anomalySkipProbability + c.anomalyStuckProbability + c.anomalyBackwardProbability;
  if (sum > 1 + 1e-12) {
    issues.push({
      path: 'anomalySkipProbability',
      message: `skip + stuck + backward = ${Number(sum.toFixed(6))} is above 1; allowed: the three probabilities sum to at most 1`,
    });
  }
  // a valid machine may still be more than the engine holds (a cyclic one runs to maxTransitionsPerEntity)
  return issues.length ? issues : sizeIssues(estimateWorkflow({ ...c, states, transitions }));
}

export const workflowConfig = defineConfig(shape, validate, (c) => {
  const { states, transitions } = resolveMachine(c);
  return { ...c, states, transitions };
});

export type WorkflowConfig = Raw;
