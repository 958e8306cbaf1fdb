// The detail screen's read-only parts: the credit readers see, and facts about the file.
import type { Credit } from "@/lib/credits/format";
import type { MediaDetail } from "@/lib/media/media-detail";

export function CreditLine({ credit }: { credit: Credit | null }) {
  if (!credit) return <p className="credit-line credit-line--missing">No credit: pick a photographer or an agency, or write a credit override. Stories using it cannot be published.</p>;
  return (
    <p className="credit-line">
      <strong>{credit.short}</strong> · {credit.full}
    </p>
  );
}

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`);
const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function FileFacts({ detail }: { detail: MediaDetail }) {
  const { item } = detail;
  return (
    <dl className="admin-detail">
      <dt>File</dt>
      <dd>{item.originalName}</dd>
      <dt>Format</dt>
      <dd>
        {detail.mimeType.replace("image/", "").toUpperCase()}, {item.width} × {item.height}, {size(detail.bytes)}
      </dd>
      <dt>Renditions</dt>
      <dd>{detail.renditionCount} (AVIF, WebP and JPEG; location and camera data removed)</dd>
      <dt>Uploaded</dt>
      <dd>
        {when(item.createdAt)}
        {detail.uploadedBy ? ` by ${detail.uploadedBy}` : ""}
      </dd>
      {detail.rightsExpiredAt && (
        <>
          <dt>Withdrawn</dt>
          <dd>{when(detail.rightsExpiredAt)}, when its rights expired</dd>
        </>
      )}
    </dl>
  );
}

// For roles that may not edit: the details as text.
export function ReadOnlyDetails({ detail }: { detail: MediaDetail }) {
  const { fields } = detail;
  const rows: [string, string][] = [
    ["Alt text", fields.altText],
    ["Default caption", fields.defaultCaption],
    ["Photographer", detail.item.photographerName ?? ""],
    ["Agency", detail.item.agencyName ?? ""],
    ["Copyright", fields.copyright],
    ["Usage terms", fields.usageTerms],
    ["Rights expire on", fields.rightsExpireOn],
    ["Source reference", fields.sourceReference],
  ];
  return (
    <dl className="admin-detail">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: "contents" }}>
          <dt>{label}</dt>
          <dd>{value || <span className="muted">none</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
