import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ChosenReason } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import type { FleetStatus } from '../../../core/simulators/iot-telemetry/iot-telemetry.device';
import { formatInt, formatNumber } from '../../format';
import { deviceName, REASON } from './iotFormat';
import { useDeviceSearch } from './useDevice';

/** Fleet devices suggested under the charted ones. */
const SUGGESTED = 30;

export interface ChartedDevice {
  readonly deviceId: string;
  readonly reason: ChosenReason;
}

interface Option {
  readonly deviceId: string;
  readonly group: 'charted' | 'fleet';
  readonly hint: string;
}

const STATUS_WORD: Record<FleetStatus, string> = { online: 'online', degraded: 'degraded', offline: 'offline' };

/**
 * A searchable device chooser (the ARIA 1.2 combobox with a listbox popup): typing asks the
 * worker for the fleet's ids containing the text; the charted devices come first with why they
 * are interesting. Up and Down move through the suggestions, Enter opens the active one (or the
 * typed id), Escape closes the list. `searchable` false (the run is not held): only the charted
 * devices are suggested.
 */
export function DeviceChooser({ runId, charted, searchable, onChoose }: { runId: number; charted: readonly ChartedDevice[]; searchable: boolean; onChoose(id: string): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  // the active suggestion by id, not position: when the fleet's answer replaces an earlier one,
  // the highlighted device stays the one Enter opens
  const [activeId, setActiveId] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const search = useDeviceSearch(runId, text, SUGGESTED, searchable && open);
  const found = search?.status === 'done' ? search.found : undefined;
  const stale = search?.status === 'done' && search.stale;
  const q = text.trim().toLowerCase();
  const options = useMemo<Option[]>(() => {
    const reason = new Map(charted.map((c) => [c.deviceId, REASON[c.reason]]));
    // the ids containing the text, as the worker ranks the fleet: the exact id, then ids starting with the text, then the rest
    const rank = (id: string) => (id === q ? 0 : id.startsWith(q) ? 1 : 2);
    const matching = <T extends { readonly deviceId: string }>(xs: readonly T[]) =>
      xs.filter((d) => d.deviceId.toLowerCase().includes(q)).sort((a, b) => rank(a.deviceId.toLowerCase()) - rank(b.deviceId.toLowerCase()));
    const first = matching(charted).map((c): Option => ({ deviceId: c.deviceId, group: 'charted', hint: REASON[c.reason] }));
    // an earlier text's matches while this text's are out: only those this text names, ranked for
    // it, so the list never offers (nor Enter opens) a device the text does not name
    const fleet = stale ? matching(found?.devices ?? []) : (found?.devices ?? []);
    const rest = fleet
      .filter((d) => !reason.has(d.deviceId))
      .map((d): Option => ({ deviceId: d.deviceId, group: 'fleet', hint: `${STATUS_WORD[d.status]}${d.batteryEnd === null ? ', mains power' : `, battery ${formatNumber(d.batteryEnd, 0)} %`}` }));
    return [...first, ...rest];
  }, [charted, found, stale, q]);
  const groups = (['charted', 'fleet'] as const).map((g) => ({ g, items: options.flatMap((o, i) => (o.group === g ? [{ o, i }] : [])) })).filter((x) => x.items.length);
  const active = activeId === null ? -1 : options.findIndex((o) => o.deviceId === activeId);
  const optionId = (i: number) => `${id}-opt-${i}`;
  const shown = open && options.length > 0;

  const choose = (deviceId: string) => {
    const v = deviceId.trim();
    if (!v) return;
    onChoose(v);
    setText('');
    setOpen(false);
    setActiveId(null);
  };
  const move = (to: number) => {
    setOpen(true);
    const n = options.length;
    if (!n) return;
    const k = (to + n) % n;
    setActiveId(options[k].deviceId);
    list.current?.querySelector(`#${CSS.escape(optionId(k))}`)?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(open ? active + 1 : 0),
      // from no active suggestion, Up goes to the last
      ArrowUp: () => move(open && active >= 0 ? active - 1 : options.length - 1),
      Enter: () => (shown && active >= 0 ? choose(options[active].deviceId) : choose(text)),
      Escape: () => (open ? setOpen(false) : setText('')),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const more = found ? found.total - found.devices.length : 0;
  const status = !open
    ? ''
    : !searchable || search?.status === 'error'
      ? `${formatInt(options.length)} charted devices match. ${search?.status === 'error' ? search.message : 'This run is not held in memory, so other devices cannot be opened.'}`
      : found && !stale
        ? found.total === 0 && !options.length
          ? `No device id of the ${formatInt(found.fleetSize)} contains “${text.trim()}”.`
          : `${formatInt(options.length)} suggestions${more > 0 ? `; ${formatInt(more)} more devices match, type more of the id` : ''}.`
        : 'Searching the fleet…';

  return (
    <div className="iot-chooser">
      <label htmlFor={id} className="iot-chooser-label">
        Find a device
      </label>
      <div className="iot-combo">
        <input
          id={id}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder={searchable ? 'Type a device id…' : 'A charted device id…'}
          aria-autocomplete="list"
          aria-expanded={shown}
          aria-controls={`${id}-list`}
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-hint`}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActiveId(null);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <div ref={list} id={`${id}-list`} role="listbox" aria-label="Device suggestions" className="iot-combo-list" hidden={!shown} aria-busy={stale}>
          {groups.map(({ g, items }) => (
            <div key={g} role="group" aria-labelledby={`${id}-${g}`}>
              <div id={`${id}-${g}`} role="presentation" className="iot-combo-group">
                {g === 'charted' ? 'Charted devices' : 'Fleet'}
              </div>
              {items.map(({ o, i }) => (
                <div
                  key={o.deviceId}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className={`iot-combo-option${i === active ? ' is-active' : ''}`}
                  // keep the focus in the input: choose on press, before blur closes the list
                  onMouseDown={(e) => {
                    e.preventDefault();
                    choose(o.deviceId);
                  }}
                >
                  <span className="iot-device-name">{deviceName(o.deviceId)}</span>
                  <span className="field-hint">{o.hint}</span>
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
      <p id={`${id}-hint`} className="field-hint iot-chooser-hint">
        {search?.status === 'error' ? search.message : searchable ? 'Any device of the fleet: type part of its id, then Enter, or pick a suggestion.' : 'Only the charted devices: the run is not held in memory.'}
      </p>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
