"use client";
// The story's fields around the body: headline block, address, section, tags, teams, athletes and
// events, bylines, agency line and hero photo.
import type { ArticleInput } from "@/lib/articles/schema";
import type { PickerMedia } from "@/lib/articles/editor-queries";
import type { Option } from "./types";
import { PhotoDetailsPanel } from "./photo-details";
import { SportsLinks } from "./sports-links";
import type { SportsLinkOption } from "@/lib/articles/sports-links";

export type Fields = Omit<ArticleInput, "body" | "quotes" | "captions" | "sidebars">;

type Props = {
  fields: Fields;
  isReadOnly: boolean;
  sections: Option[];
  profiles: Option[];
  heroMedia: PickerMedia | null;
  // The names of the teams, athletes and events the pickers show, by id.
  linkLabels: Record<string, string>;
  onLinkLabel: (option: SportsLinkOption) => void;
  onChange: (change: Partial<Fields>) => void;
  onHeadline: (headline: string) => void;
  onPickHero: () => void;
};

const ROLES = ["REPORTER", "PHOTOGRAPHER", "CONTRIBUTOR", "EDITOR"] as const;

function Bylines({ fields, profiles, isReadOnly, onChange }: Pick<Props, "fields" | "profiles" | "isReadOnly" | "onChange">) {
  const bylines = fields.bylines;
  const name = (id: string) => profiles.find((p) => p.id === id)?.name ?? "Unknown";
  const move = (from: number, to: number) => {
    const next = [...bylines];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    onChange({ bylines: next });
  };
  return (
    <fieldset className="field bylines-field" disabled={isReadOnly}>
      <legend>Bylines, in order</legend>
      <ol>
        {bylines.map((byline, index) => (
          <li key={byline.profileId}>
            <span className="byline-name">{name(byline.profileId)}</span>
            <select
              aria-label={`Role of ${name(byline.profileId)}`}
              value={byline.role}
              onChange={(e) => onChange({ bylines: bylines.map((b, i) => (i === index ? { ...b, role: e.target.value as (typeof ROLES)[number] } : b)) })}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {role.toLowerCase()}
                </option>
              ))}
            </select>
            <button type="button" aria-label={`Move ${name(byline.profileId)} up`} disabled={index === 0} onClick={() => move(index, index - 1)}>
              ↑
            </button>
            <button type="button" aria-label={`Move ${name(byline.profileId)} down`} disabled={index === bylines.length - 1} onClick={() => move(index, index + 1)}>
              ↓
            </button>
            <button type="button" aria-label={`Remove ${name(byline.profileId)}`} onClick={() => onChange({ bylines: bylines.filter((_, i) => i !== index) })}>
              ✕
            </button>
          </li>
        ))}
      </ol>
      <select aria-label="Add a byline" data-problem-target="bylines" value="" onChange={(e) => e.target.value && onChange({ bylines: [...bylines, { profileId: e.target.value, role: "REPORTER" }] })}>
        <option value="">Add a byline…</option>
        {profiles
          .filter((p) => !bylines.some((b) => b.profileId === p.id))
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </select>
    </fieldset>
  );
}

export function StoryFields({ fields, isReadOnly, sections, profiles, heroMedia, linkLabels, onLinkLabel, onChange, onHeadline, onPickHero }: Props) {
  return (
    <div className="story-fields">
      <label className="field">
        <span>Kicker</span>
        <input value={fields.kicker} readOnly={isReadOnly} maxLength={120} onChange={(e) => onChange({ kicker: e.target.value })} />
      </label>
      <label className="field field--headline">
        <span>Headline</span>
        <input data-problem-target="headline" value={fields.headline} readOnly={isReadOnly} maxLength={200} onChange={(e) => onHeadline(e.target.value)} />
      </label>
      <label className="field">
        <span>Standfirst</span>
        <textarea data-problem-target="standfirst" rows={2} value={fields.standfirst} readOnly={isReadOnly} maxLength={600} onChange={(e) => onChange({ standfirst: e.target.value })} />
      </label>
      <div className="field-row">
        <label className="field">
          <span>Address (slug)</span>
          <input data-problem-target="slug" value={fields.slug} readOnly={isReadOnly} maxLength={120} pattern="[a-z0-9]+(-[a-z0-9]+)*" onChange={(e) => onChange({ slug: e.target.value.toLowerCase() })} />
        </label>
        <label className="field">
          <span>Section</span>
          <select data-problem-target="sectionId" value={fields.sectionId ?? ""} disabled={isReadOnly} onChange={(e) => onChange({ sectionId: e.target.value || null })}>
            <option value="">Choose a section…</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field">
        <span>Tags (comma-separated; new tags are created)</span>
        <input
          value={fields.tagNames.join(", ")}
          readOnly={isReadOnly}
          onChange={(e) =>
            onChange({
              tagNames: e.target.value
                .split(",")
                .map((t) => t.trimStart())
                .filter((t, i, all) => t || i === all.length - 1),
            })
          }
        />
      </label>
      <SportsLinks links={{ teamIds: fields.teamIds, athleteIds: fields.athleteIds, eventIds: fields.eventIds }} labels={linkLabels} isReadOnly={isReadOnly} onChange={onChange} onLabel={onLinkLabel} />
      <Bylines fields={fields} profiles={profiles} isReadOnly={isReadOnly} onChange={onChange} />
      <label className="field">
        <span>Agency line</span>
        <input value={fields.agencyLine} readOnly={isReadOnly} maxLength={200} placeholder="with Associated Press" onChange={(e) => onChange({ agencyLine: e.target.value })} />
      </label>
      <fieldset className="field hero-field" disabled={isReadOnly}>
        <legend>Hero photo</legend>
        {fields.hero && heroMedia ? (
          <div className="hero-picked" data-hero-media={heroMedia.id}>
            <img src={heroMedia.src} alt={heroMedia.altText} />
            <div>
              <label className="field">
                <span>Caption in this story</span>
                <textarea rows={2} value={fields.hero.caption} onChange={(e) => onChange({ hero: { mediaId: fields.hero!.mediaId, caption: e.target.value } })} />
              </label>
              <PhotoDetailsPanel media={heroMedia} />
              <button type="button" onClick={onPickHero} data-photo-field="rights">
                Replace
              </button>{" "}
              <button type="button" onClick={() => onChange({ hero: null })}>
                Remove
              </button>
            </div>
          </div>
        ) : (
          <button type="button" onClick={onPickHero}>
            Choose a hero photo
          </button>
        )}
      </fieldset>
    </div>
  );
}
