"use client";
// The email as a reader would get it, in a frame of the permission-checked preview route: the HTML
// part or the plain-text part, chosen with two tabs (arrow keys move between them). The frame is
// sandboxed: the email runs no script and cannot reach the newsroom's page.
import { useRef, useState, type KeyboardEvent } from "react";

const TABS = [
  { format: "html", label: "HTML email" },
  { format: "text", label: "Plain text" },
] as const;

export function EditionPreview({ previewHref }: { previewHref: string }) {
  const [selected, setSelected] = useState(0);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function handleKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const next = (selected + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length;
    setSelected(next);
    tabs.current[next]?.focus();
  }

  const tab = TABS[selected];
  return (
    <div>
      <div role="tablist" aria-label="Preview format" className="form-actions">
        {TABS.map((item, index) => (
          <button
            key={item.format}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`preview-tab-${item.format}`}
            aria-selected={index === selected}
            aria-controls="preview-panel"
            tabIndex={index === selected ? 0 : -1}
            onClick={() => setSelected(index)}
            onKeyDown={handleKey}
          >
            {item.label}
          </button>
        ))}
        <a href={`${previewHref}?format=${tab.format}`} target="_blank" rel="noopener">
          Open in a new tab
        </a>
      </div>
      <div role="tabpanel" id="preview-panel" aria-labelledby={`preview-tab-${tab.format}`}>
        <iframe
          key={tab.format}
          src={`${previewHref}?format=${tab.format}`}
          title={`Preview of the email: ${tab.label}`}
          sandbox=""
          style={{ width: "100%", height: "70vh", border: "1px solid #c8cdd2", background: "#fff" }}
        />
      </div>
    </div>
  );
}
