// What the uploaded file said about itself (IPTC, XMP, EXIF), and what could not be matched to the
// admin's lists, so an editor knows what to pick or ask an admin to add.
import type { EmbeddedMetadata } from "@/lib/media/metadata/embedded-metadata";
import type { MediaDetail } from "@/lib/media/media-detail";

const LABELS: [keyof EmbeddedMetadata, string][] = [
  ["byline", "By-line"],
  ["credit", "Credit"],
  ["source", "Source"],
  ["copyright", "Copyright"],
  ["caption", "Caption"],
  ["instructions", "Instructions"],
  ["reference", "Reference"],
];

function hints(detail: MediaDetail, embedded: EmbeddedMetadata): string[] {
  const found: string[] = [];
  if (embedded.byline && detail.item.photographerName?.toLowerCase() !== embedded.byline.toLowerCase()) {
    found.push(`The file names the photographer "${embedded.byline}", who is not the one picked. If they are missing from the list, ask an admin to add them.`);
  }
  if ((embedded.credit || embedded.source) && !detail.item.agencyName && detail.fields.creditOverride) {
    found.push("No agency in the list matched the file's credit, so its credit line was used as the credit override.");
  }
  return found;
}

export function FileMetadata({ detail }: { detail: MediaDetail }) {
  const embedded = detail.embedded;
  const rows = embedded ? LABELS.filter(([key]) => embedded[key]) : [];
  if (!embedded || !rows.length) return <p className="muted">The file carried no credit, caption or copyright.</p>;
  return (
    <>
      <dl className="admin-detail">
        {rows.map(([key, label]) => (
          <div key={key} style={{ display: "contents" }}>
            <dt>{label}</dt>
            <dd>{embedded[key]}</dd>
          </div>
        ))}
      </dl>
      {hints(detail, embedded).length > 0 && (
        <ul className="file-hints">
          {hints(detail, embedded).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
    </>
  );
}
