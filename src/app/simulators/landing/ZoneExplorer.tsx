import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { FileIndex } from '../../../core/landing/charts';
import { formatBytes, formatInt } from '../../format';
import type { RunMeta } from '../../store';
import { FilePreview } from './FilePreview';
import { KIND_LABEL, landingTime, rowsText } from './landingFormat';
import { useReplay } from './replay';
import { groupZone, zoneAt, type ZoneEntity } from './zoneTree';

/** Folders listed per entity before a "more" item (hourly runs have hundreds per table). */
const FOLDER_PAGE = 60;
const FLAGS = ['late', 'backfill', 'restatement'] as const;

type Item =
  | { key: string; level: 1; type: 'entity'; entity: ZoneEntity; expanded: boolean }
  | { key: string; level: 2; type: 'folder'; entity: ZoneEntity; folder: ZoneEntity['folders'][number]; expanded: boolean }
  | { key: string; level: 3; type: 'file'; file: ZoneEntity['folders'][number]['files'][number] }
  | { key: string; level: 2; type: 'more'; entity: ZoneEntity; hidden: number };

function flatten(tree: ZoneEntity[], expanded: ReadonlySet<string>, limits: ReadonlyMap<number, number>): Item[] {
  const items: Item[] = [];
  for (const entity of tree) {
    const ek = `e:${entity.entity}`;
    items.push({ key: ek, level: 1, type: 'entity', entity, expanded: expanded.has(ek) });
    if (!expanded.has(ek)) continue;
    const limit = limits.get(entity.entity) ?? FOLDER_PAGE;
    for (const folder of entity.folders.slice(0, limit)) {
      const fk = `f:${folder.folder}`;
      items.push({ key: fk, level: 2, type: 'folder', entity, folder, expanded: expanded.has(fk) });
      if (expanded.has(fk)) for (const file of folder.files) items.push({ key: `x:${file.i}`, level: 3, type: 'file', file });
    }
    if (entity.folders.length > limit) items.push({ key: `m:${entity.entity}`, level: 2, type: 'more', entity, hidden: entity.folders.length - limit });
  }
  return items;
}

/**
 * The landing-zone explorer: the folder tree as it had landed at the replay's instant (tables,
 * partition folders, data files, manifests and done flags) as an ARIA tree with one tab stop
 * (arrow keys move, Right/Left open and close, Enter opens a file), and the chosen file's rows
 * or text beside it.
 */
export function ZoneExplorer({ simulator, run, index }: { simulator: string; run: RunMeta; index: FileIndex }) {
  const { atUs } = useReplay(simulator, run.runId);
  const groups = useMemo(() => groupZone(index), [index]);
  const tree = useMemo(() => zoneAt(index, groups, atUs), [index, groups, atUs]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(['e:0']));
  const [limits, setLimits] = useState<ReadonlyMap<number, number>>(() => new Map());
  const [selected, setSelected] = useState<number>();
  const [focusKey, setFocusKey] = useState('e:0');
  const moveFocus = useRef(false);
  const treeRef = useRef<HTMLDivElement>(null);
  const items = useMemo(() => flatten(tree, expanded, limits), [tree, expanded, limits]);
  const focusAt = Math.max(0, items.findIndex((it) => it.key === focusKey));

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    treeRef.current?.querySelector<HTMLElement>(`[data-key="${items[focusAt]?.key}"]`)?.focus();
  }, [items, focusAt]);

  const toggle = (key: string, open?: boolean) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  const activate = (it: Item) => {
    if (it.type === 'file') setSelected(it.file.i);
    else if (it.type === 'more') setLimits((m) => new Map(m).set(it.entity.entity, (m.get(it.entity.entity) ?? FOLDER_PAGE) + FOLDER_PAGE * 4));
    else toggle(it.key);
  };
  const go = (k: number) => {
    if (k < 0 || k >= items.length) return;
    moveFocus.current = true;
    setFocusKey(items[k].key);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const it = items[focusAt];
    if (!it) return;
    const parent = () => {
      for (let k = focusAt - 1; k >= 0; k--) if (items[k].level < it.level) return k;
      return focusAt;
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(focusAt + 1),
      ArrowUp: () => go(focusAt - 1),
      Home: () => go(0),
      End: () => go(items.length - 1),
      ArrowRight: () => ('expanded' in it ? (it.expanded ? go(focusAt + 1) : toggle(it.key, true)) : undefined),
      ArrowLeft: () => ('expanded' in it && it.expanded ? toggle(it.key, false) : go(parent())),
      Enter: () => activate(it),
      ' ': () => activate(it),
    };
    const act = keys[e.key];
    if (!act) return;
    e.preventDefault();
    act();
  };

  const folders = tree.reduce((a, t) => a + t.folders.length, 0);
  const files = tree.reduce((a, t) => a + t.files, 0);
  return (
    <section className="panel landing-explorer-panel" aria-labelledby={`${simulator}-zone-title`}>
      <div className="panel-header">
        <h2 id={`${simulator}-zone-title`}>Landing zone</h2>
        <span className="field-hint" aria-live="polite">
          {formatInt(folders)} folders · {formatInt(files)} files {atUs === null ? 'in all' : `landed by ${landingTime(atUs)}`}
        </span>
      </div>
      <div className="landing-explorer">
        <div className="landing-tree-scroll">
          {items.length === 0 ? (
            <p className="field-hint landing-none">Nothing had landed yet at this point of the replay.</p>
          ) : (
            <div ref={treeRef} role="tree" aria-label="Landing zone folders and files" className="landing-tree" onKeyDown={onKeyDown}>
              {items.map((it, k) => (
                <div
                  key={it.key}
                  data-key={it.key}
                  role="treeitem"
                  aria-level={it.level}
                  aria-expanded={'expanded' in it ? it.expanded : undefined}
                  aria-selected={it.type === 'file' ? it.file.i === selected : undefined}
                  tabIndex={k === focusAt ? 0 : -1}
                  className={`landing-item landing-item-${it.type}${it.type === 'file' && it.file.i === selected ? ' is-selected' : ''}`}
                  // focus reached otherwise than by the arrows (a pointer, a script) moves the roving tab stop too
                  onFocus={() => it.key !== focusKey && setFocusKey(it.key)}
                  onClick={() => {
                    setFocusKey(it.key);
                    activate(it);
                  }}
                >
                  <Row item={it} />
                </div>
              ))}
            </div>
          )}
        </div>
        <div className="landing-preview-host">
          {selected === undefined ? (
            <div className="empty landing-preview-empty">
              <p>Open a table and a partition folder, then choose a file: a data file shows its rows, a manifest its JSON.</p>
            </div>
          ) : (
            <FilePreview runId={run.runId} index={index} file={selected} atUs={atUs} />
          )}
        </div>
      </div>
    </section>
  );
}

function Caret({ open }: { open: boolean }) {
  return (
    <span className={`landing-caret${open ? ' is-open' : ''}`} aria-hidden="true">
      ▸
    </span>
  );
}

function Row({ item: it }: { item: Item }) {
  if (it.type === 'entity')
    return (
      <>
        <Caret open={it.expanded} />
        <span className="landing-entity-name">{it.entity.name}</span>
        <span className="landing-meta">
          {formatInt(it.entity.folders.length)} folders · {formatInt(it.entity.files)} files · {formatBytes(it.entity.bytes)}
        </span>
      </>
    );
  if (it.type === 'more') return <span className="landing-more">Show more folders ({formatInt(it.hidden)} not listed)</span>;
  if (it.type === 'folder') {
    const f = it.folder;
    return (
      <>
        <Caret open={it.expanded} />
        <span className="landing-mono landing-folder-name">{f.label}/</span>
        {FLAGS.filter((k) => f.kinds.has(k)).map((k) => (
          <span key={k} className={`landing-kind landing-kind-${k}`}>
            {KIND_LABEL[k]}
          </span>
        ))}
        {f.complete !== null && <span className={`landing-status${f.complete ? ' is-complete' : ''}`}>{f.complete ? '✓ complete' : 'waiting for _done'}</span>}
        <span className="landing-meta">
          {rowsText(f.rows)} · {formatInt(f.files.length)} files
        </span>
      </>
    );
  }
  const f = it.file;
  return (
    <>
      <span className={`landing-dot landing-dot-${f.rows === null ? 'control' : 'data'}`} aria-hidden="true" />
      <span className={`landing-mono landing-file-name${f.replaced ? ' is-replaced' : ''}`}>{f.name}</span>
      <span className={`landing-kind landing-kind-${f.kind}`}>{KIND_LABEL[f.kind] ?? f.kind}</span>
      {f.replaced && <span className="landing-status">replaced by a later re-drop</span>}
      <span className="landing-meta">
        {f.rows === null ? formatBytes(f.bytes) : `${rowsText(f.rows)} · ${formatBytes(f.bytes)}`} · {landingTime(f.landedAtUs)}
      </span>
    </>
  );
}
