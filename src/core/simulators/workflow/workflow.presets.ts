/** A state of a workflow's state machine. */
export interface StateDefinition {
  name: string;
  isInitial: boolean;
  isTerminal: boolean;
  metadata: Record<string, unknown>;
}

/** A weighted transition; `probability` is a relative weight, normalised per source state. */
export interface TransitionRule {
  fromState: string;
  toState: string;
  probability: number;
  dwellHoursMean: number;
  dwellHoursStd: number;
  minDwellHours: number;
}

export interface WorkflowDefinition {
  states: StateDefinition[];
  transitions: TransitionRule[];
}

type Row = [from: string, to: string, p: number, mean: number, std: number];

function build(states: [name: string, mark?: 'I' | 'T'][], rows: Row[]): WorkflowDefinition {
  return {
    states: states.map(([name, mark]) => ({ name, isInitial: mark === 'I', isTerminal: mark === 'T', metadata: {} })),
    transitions: rows.map(([fromState, toState, probability, dwellHoursMean, dwellHoursStd]) => ({
      fromState,
      toState,
      probability,
      dwellHoursMean,
      dwellHoursStd,
      minDwellHours: 0.1,
    })),
  };
}

const PRESETS = {
  order_fulfillment: () =>
    build(
      [['created', 'I'], ['confirmed'], ['shipped'], ['delivered', 'T'], ['cancelled', 'T'], ['returned', 'T']],
      [
        ['created', 'confirmed', 0.9, 2, 0.5],
        ['created', 'cancelled', 0.1, 1, 0.3],
        ['confirmed', 'shipped', 0.95, 24, 6],
        ['confirmed', 'cancelled', 0.05, 4, 1],
        ['shipped', 'delivered', 0.92, 72, 24],
        ['shipped', 'returned', 0.08, 120, 36],
      ],
    ),
  support_ticket: () =>
    build(
      [['opened', 'I'], ['triaged'], ['in_progress'], ['escalated'], ['resolved'], ['closed', 'T'], ['reopened']],
      [
        ['opened', 'triaged', 0.95, 1, 0.5],
        ['opened', 'closed', 0.05, 0.5, 0.2],
        ['triaged', 'in_progress', 0.8, 4, 2],
        ['triaged', 'escalated', 0.2, 2, 1],
        ['in_progress', 'resolved', 0.85, 8, 4],
        ['in_progress', 'escalated', 0.15, 6, 3],
        ['escalated', 'in_progress', 0.7, 12, 6],
        ['escalated', 'resolved', 0.3, 24, 8],
        ['resolved', 'closed', 0.9, 2, 1],
        ['resolved', 'reopened', 0.1, 48, 24],
        ['reopened', 'in_progress', 1.0, 2, 1],
      ],
    ),
  employee_onboarding: () =>
    build(
      [['applied', 'I'], ['screening'], ['interview'], ['offer'], ['hired', 'T'], ['rejected', 'T'], ['withdrawn', 'T']],
      [
        ['applied', 'screening', 0.7, 48, 24],
        ['applied', 'rejected', 0.25, 72, 24],
        ['applied', 'withdrawn', 0.05, 24, 12],
        ['screening', 'interview', 0.6, 120, 48],
        ['screening', 'rejected', 0.35, 96, 36],
        ['screening', 'withdrawn', 0.05, 48, 24],
        ['interview', 'offer', 0.4, 72, 24],
        ['interview', 'rejected', 0.5, 48, 24],
        ['interview', 'withdrawn', 0.1, 24, 12],
        ['offer', 'hired', 0.8, 168, 72],
        ['offer', 'rejected', 0.05, 120, 48],
        ['offer', 'withdrawn', 0.15, 96, 48],
      ],
    ),
} satisfies Record<string, () => WorkflowDefinition>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS).sort() as PresetName[];

export const PRESET_LABELS: Record<PresetName, string> = {
  order_fulfillment: 'Order fulfillment',
  support_ticket: 'Support ticket',
  employee_onboarding: 'Employee onboarding',
};

/** A fresh copy of a preset's states and transitions (mutating it never affects the next call). */
export function getPresetWorkflow(name: string): WorkflowDefinition {
  if (!Object.hasOwn(PRESETS, name)) {
    throw new RangeError(`Unknown preset '${name}'. Available: ${PRESET_NAMES.join(', ')}`);
  }
  return PRESETS[name as PresetName]();
}
