/**
 * The page's view of a role-based simulator's inputs (`inputs.kind === 'roles'`): the tables a
 * run would read (the Data sources page's data set, or the default domain's declaration when the
 * set is empty) and the draft's mapping resolved against their shapes, exactly as `runSimulator`
 * resolves it in the worker. Its issues block Run, so a missing required column is said before
 * anything runs.
 */
import { useMemo } from 'react';
import { resolveRoles, type RoleMapping } from '../../../core/inputs/contract';
import type { Issue } from '../../../core/schema/fields';
import type { SimulatorSpec } from '../../../core/simulator';
import { useDataSet } from '../../data/store';
import { fromDataSet, fromDefaultDomain, type PickerTable } from './pickerTables';

/** The config field a `roles` simulator's mapping lives in (ARCHITECTURE.md, the input contract). */
export const MAPPING_FIELD = 'inputs';

export interface RoleResolutionView {
  /** The tables a run would read. */
  readonly tables: readonly PickerTable[];
  readonly usingDataSet: boolean;
  /** The draft's mapping as written (structure checked by the schema), or {} when it is not readable. */
  readonly given: RoleMapping;
  /** The resolved mapping when it resolves (what `_spindle/config.json` will record), else null. */
  readonly resolved: RoleMapping | null;
  /** Resolution and cross-role issues, paths under `inputs.` (role, column). */
  readonly issues: readonly Issue[];
}

const NONE: RoleResolutionView = { tables: [], usingDataSet: false, given: {}, resolved: null, issues: [] };

export function useRoleResolution(spec: SimulatorSpec, draft: Record<string, unknown> | undefined): RoleResolutionView {
  const dataTables = useDataSet((s) => s.tables);
  const inputs = spec.inputs;
  const roles = inputs?.kind === 'roles' ? inputs.roles : undefined;
  const usingDataSet = dataTables.length > 0;
  const tables = useMemo(() => (!roles ? [] : usingDataSet ? fromDataSet(dataTables) : fromDefaultDomain(inputs?.defaultDomain)), [roles, usingDataSet, dataTables, inputs]);
  return useMemo(() => {
    if (!roles || !draft) return NONE;
    const field = spec.schema.shape[MAPPING_FIELD];
    const given = field ? (field.parse(draft[MAPPING_FIELD] ?? {}, MAPPING_FIELD, []) as RoleMapping | undefined) : undefined;
    // an unreadable mapping is the schema's issue (shown by the form); nothing to resolve
    if (!given) return { ...NONE, tables, usingDataSet };
    const r = resolveRoles(roles, given, tables);
    if (!r.ok) return { tables, usingDataSet, given, resolved: null, issues: r.issues };
    const issues = inputs?.refine?.(r.mapping, draft, tables) ?? [];
    return { tables, usingDataSet, given, resolved: issues.length ? null : r.mapping, issues };
  }, [roles, draft, tables, usingDataSet, spec, inputs]);
}
