// Parts of a wire item's reading view: the facts an editor checks before using it, its pictures
// (pending ones say why) and its versions as the audit log recorded them.
import { formatDateTime } from "@/lib/format-date";
import type { WireItemView, WirePictureView, WireVersionEntry } from "@/lib/wire/queries";

function Fact({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === "" ? <span className="muted">none</span> : value}</dd>
    </>
  );
}

export function WireFacts({ view }: { view: WireItemView }) {
  const { item } = view;
  return (
    <section aria-labelledby="wire-facts-heading">
      <h2 id="wire-facts-heading">Details</h2>
      <dl className="wire-facts">
        <Fact label="Agency" value={view.agency ?? view.provider} />
        <Fact label="Byline" value={item.bylines.join(", ")} />
        <Fact label="Dateline" value={[item.dateline, item.located].filter(Boolean).join(" · ")} />
        <Fact label="Embargo" value={view.embargoedUntil ? `${view.isEmbargoed ? "until" : "lifted"} ${formatDateTime(view.embargoedUntil)}` : null} />
        <Fact label="Urgency" value={view.urgency} />
        <Fact label="Genre" value={item.genres.join(", ")} />
        <Fact label="Usage terms" value={view.usageTerms} />
        <Fact label="Copyright" value={[view.copyrightNotice, view.copyrightHolder].filter(Boolean).join(" · ")} />
        <Fact label="Editor's note" value={item.edNote} />
        <Fact label="Keywords" value={[...item.subjects, ...item.keywords].join(", ")} />
        <Fact label="Format" value={`${view.format} · ${view.guid}`} />
      </dl>
    </section>
  );
}

export function WirePictures({ pictures }: { pictures: WirePictureView[] }) {
  return (
    <section aria-labelledby="wire-pictures-heading">
      <h2 id="wire-pictures-heading">Pictures ({pictures.length})</h2>
      {pictures.length === 0 && <p className="muted">None came with this item.</p>}
      <ul className="wire-pictures">
        {pictures.map((picture) => (
          <li key={picture.id} className={`wire-picture wire-picture--${picture.status}`}>
            <p>
              <span className={picture.status === "pending" ? "status-badge status-badge--off" : "status-badge"}>{picture.status === "pending" ? "picture pending" : "in the media library"}</span>{" "}
              {picture.mediaId && <a href={`/newsroom/media/${picture.mediaId}`}>open in the library</a>}
            </p>
            {picture.failure && <p className="form-error">Why pending: {picture.failure}</p>}
            {picture.thumbnailSrc && <img className="wire-picture-thumb" src={picture.thumbnailSrc} alt={picture.altText} loading="lazy" />}
            <dl className="wire-facts">
              <Fact label="Caption" value={picture.caption} />
              <Fact label="Alt text" value={picture.altText || "missing: add it before publishing"} />
              <Fact label="Credit" value={picture.credit} />
              <Fact label="Copyright" value={picture.copyright} />
              <Fact label="Usage terms" value={picture.usageTerms} />
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}

const ACTION_LABELS: Record<string, string> = {
  "wire.import": "imported, draft created",
  "wire.update": "imported, draft updated",
  "wire.hold": "imported, kept without a draft",
  "wire.pending-update": "arrived after the draft was edited: pending",
  "wire.update-applied": "applied to the story",
  "wire.update-dismissed": "dismissed",
  "wire.cancel": "canceled by the agency",
  "wire.cancel-unpublish": "story unpublished (agency canceled)",
  "wire.create-draft": "draft created on the Wire screen",
};

export function WireVersions({ versions, pendingVersion }: { versions: WireVersionEntry[]; pendingVersion: number | null }) {
  return (
    <section aria-labelledby="wire-versions-heading">
      <h2 id="wire-versions-heading">Versions</h2>
      {pendingVersion !== null && <p>Version {pendingVersion} is waiting as a pending wire update.</p>}
      <ol className="wire-versions">
        {versions.map((entry, index) => (
          <li key={index}>
            {entry.wireVersion !== null && <strong>Version {entry.wireVersion}</strong>} {ACTION_LABELS[entry.action] ?? entry.action} · {formatDateTime(entry.at)}
            {entry.by && <> · {entry.by}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}
