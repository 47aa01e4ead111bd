import { useRef, useState } from 'react';
import { saveBytes } from '../engine';

/** Share a config: copy the page link (the config lives in the URL), export or import JSON. */
export function ShareMenu({ simulator, draft, onImport }: { simulator: string; draft: Record<string, unknown>; onImport(config: unknown): void }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [toast, setToast] = useState<string>();
  const say = (text: string) => {
    setToast(text);
    setTimeout(() => setToast(undefined), 2500);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      say('Link copied: it opens this page with these settings.');
    } catch {
      say('Copy failed: copy the address bar instead.');
    }
  };
  const exportJson = () => saveBytes(new TextEncoder().encode(`${JSON.stringify(draft, null, 2)}\n`), `${simulator}-config.json`, 'application/json');
  const importJson = async (file: File) => {
    try {
      onImport(JSON.parse(await file.text()));
      say(`Loaded ${file.name}.`);
    } catch (e) {
      say(`${file.name} is not valid JSON: ${(e as Error).message}`);
    }
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
        aria-label="Import config JSON"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void importJson(file);
          e.target.value = '';
        }}
      />
      {toast && (
        <div className="toast" role="status">
          {toast}
        </div>
      )}
    </div>
  );
}
