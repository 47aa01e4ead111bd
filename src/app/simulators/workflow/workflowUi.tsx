import { useId } from 'react';
import { getPresetWorkflow, PRESET_LABELS, PRESET_NAMES } from '../../../core/simulators/workflow/workflow.presets';
import { formatHours, formatInt, formatNumber, formatPercent } from '../../format';
import { diffFromDefaults } from '../../share';
import type { CustomField } from '../../components/ConfigForm';
import { workflowView } from '../../../core/simulators/workflow/view';
import { defineUi } from '../defineUi';
import { WorkflowCharts } from './WorkflowCharts';

/** The preset picker: choosing a preset fills the states and transitions tables with its copy. */
const PresetField: CustomField = ({ value, draft, setDraft, error }) => {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        <span>Preset</span>
      </label>
      <select
        id={id}
        name="preset"
        className="select"
        value={String(value)}
        onChange={(e) => {
          const preset = e.target.value;
          if (preset === 'custom') setDraft({ ...draft, preset });
          else setDraft({ ...draft, preset, ...getPresetWorkflow(preset) });
        }}
      >
        {PRESET_NAMES.map((p) => (
          <option key={p} value={p}>
            {PRESET_LABELS[p]}
          </option>
        ))}
        <option value="custom">Custom (your own states and transitions)</option>
      </select>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field-hint">Picking a preset fills the tables below; edit them freely.</span>
      )}
    </div>
  );
};

function stateNames(draft: Record<string, unknown>): string[] {
  const states = Array.isArray(draft.states) ? (draft.states as { name?: unknown }[]) : [];
  return states.map((s) => String(s.name ?? '')).filter(Boolean);
}

export const workflowUi = defineUi(workflowView, {
  description:
    'Entities — orders, tickets, applicants — move through a business process with sampled dwell times. Skip, stuck and backward anomalies are injected and listed in the answer key, for lifecycle, SLA and process-mining pipelines.',
  statCards(stats) {
    const total = stats.total_entities;
    const byType = stats.anomalies_by_type;
    const incomplete = stats.incomplete_entities;
    return [
      { label: 'Entities', value: formatInt(total), sub: `${formatInt(total - incomplete)} reached a terminal state` },
      { label: 'Events', value: formatInt(stats.total_events), sub: total ? `${formatNumber(stats.total_events / total, 2)} per entity` : 'no entities' },
      // an empty run has no completion time: a dash, not "0 min" dressed as a figure
      total - incomplete > 0
        ? { label: 'Mean completion', value: formatHours(stats.mean_completion_hours), sub: 'creation to terminal state' }
        : { label: 'Mean completion', value: '—', sub: 'no entity reached a terminal state' },
      { label: 'Incomplete', value: formatInt(incomplete), sub: total ? formatPercent(incomplete / total) : '—' },
      {
        label: 'Anomalies',
        value: formatInt(stats.anomaly_count),
        sub: `${formatInt(byType.skip)} skip · ${formatInt(byType.stuck)} stuck · ${formatInt(byType.backward)} backward`,
      },
    ];
  },
  Charts: WorkflowCharts,
  form: {
    fields: { preset: PresetField },
    listChoices: (draft) => {
      const names = stateNames(draft);
      return { transitions: { fromState: names, toState: names } };
    },
  },
  compactDraft(draft, defaults) {
    const out = diffFromDefaults(draft, defaults);
    const preset = String(draft.preset);
    if (preset !== 'custom') {
      const p = getPresetWorkflow(preset);
      if (JSON.stringify(draft.states) === JSON.stringify(p.states)) delete out.states;
      if (JSON.stringify(draft.transitions) === JSON.stringify(p.transitions)) delete out.transitions;
    }
    return out;
  },
});
