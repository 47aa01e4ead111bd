import { useEffect, useRef, useState } from 'react';
import { saveBytes } from '../engine';

export interface ShareMenuProps {
  /** File name stem of an export: `<stem>-config.json`. */
  readonly stem: string;
  /** The settings to export (a plain JSON value). */
  exportValue(): unknown;
  /** Read an imported file's text; returns what to tell the user (loaded, or what was wrong). */
  onImport(text: string, fileName: string): string;
}

/**
 * Share settings: copy the page link (the settings live in the URL), export or import JSON.
 * The file input stays out of the tab order and out of sight: the Import button opens it.
 */
export function ShareMenu({ stem, exportValue, onImport }: ShareMenuProps) {
  const fileRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const [toast, setToast] = useState<string>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = (text: string, ms = 4000) => {
    setToast(text);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(undefined), ms);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      say('Link copied: it opens this page with these settings.');
    } catch {
      say('Copy failed: copy the address bar instead.');
    }
  };
  const exportJson = () => saveBytes(new TextEncoder().encode(`${JSON.stringify(exportValue(), null, 2)}\n`), `${stem}-config.json`, 'application/json');
  const importJson = async (file: File) => {
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      say(`${file.name} could not be read: ${(e as Error).message}`, 8000);
      return;
    }
    say(onImport(text, file.name), 8000);
  };
  return (
    <div className="header-actions">
      <button type="button" className="btn" onClick={copy}>
        Copy link
      </button>
      <button type="button" className="btn" onClick={exportJson}>
        Export JSON
      </button>
      <button type="button" className="btn" onClick={() => fileRef.current?.click()}>
        Import JSON
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        hidden
        tabIndex={-1}
        aria-label="Import config JSON"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importJson(file);
        }}
      />
      <div className="toast-region" role="status" aria-live="polite">
        {toast && <div className="toast">{toast}</div>}
      </div>
    </div>
  );
}
