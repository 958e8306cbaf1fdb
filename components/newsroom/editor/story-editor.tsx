"use client";
// The story editor: fields, body, records, saving and the workflow, on one screen.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import type { EditorStory, PickerMedia } from "@/lib/articles/editor-queries";
import type { ArticleInput } from "@/lib/articles/schema";
import { slugify } from "@/lib/articles/slugify";
import { collectReferences } from "@/lib/editor/references";
import type { BodyDoc } from "@/lib/editor/types";
import { RecordsContext, indexById, type EditorRecords, type RecordsApi } from "./editor-records";
import { StoryFields, type Fields } from "./story-fields";
import { BodyEditor } from "./body-editor";
import { MediaPicker } from "./media-picker";
import { WorkflowBar } from "./workflow-bar";
import { ConflictPanel } from "./conflict-panel";
import { HistoryPanel } from "./history-panel";
import { NotesPanel } from "./notes-panel";
import { TrashButton } from "./trash-button";
import { useStorySave } from "./use-story-save";
import "./editor.css";
import { usePresence } from "./use-presence";
import type { EditorActions, EditorPermissions, Option, TransitionStep } from "./types";

type Props = { story: EditorStory; actions: EditorActions; permissions: EditorPermissions; sections: Option[]; profiles: Option[] };

function initialRecords(story: EditorStory): EditorRecords {
  const a = story.article;
  return { quotes: indexById(a.quotes), captions: indexById(a.captions), sidebars: indexById(a.sidebars), media: indexById(story.media), stories: indexById(story.stories) };
}

function fieldsOf(article: ArticleInput): Fields {
  const { body: _body, quotes: _q, captions: _c, sidebars: _s, ...fields } = article;
  return fields;
}

export function StoryEditor({ story, actions, permissions, sections, profiles }: Props) {
  const isReadOnly = !permissions.canEdit;
  const [fields, setFields] = useState<Fields>(() => fieldsOf(story.article));
  const [records, setRecords] = useState<EditorRecords>(() => initialRecords(story));
  const [status, setStatus] = useState({ status: story.status, publishAt: story.publishAt });
  const [picker, setPicker] = useState<((media: PickerMedia | null) => void) | null>(null);
  const [panel, setPanel] = useState<"none" | "history">("none");
  const [notice, setNotice] = useState<{ text: string; problems?: string[]; link?: string } | null>(null);
  const body = useRef<JSONContent>(story.article.body as JSONContent);
  const isSlugTouched = useRef(story.article.headline !== "" || !story.article.slug.startsWith("untitled-"));
  const state = useRef({ fields, records });
  state.current = { fields, records };

  // A plain-JSON copy: ProseMirror makes node attributes with Object.create(null), and a server
  // action receives null-prototype objects as opaque references it cannot read.
  const buildPayload = useCallback((): ArticleInput => {
    const { fields: f, records: r } = state.current;
    const refs = collectReferences(body.current as BodyDoc);
    return JSON.parse(JSON.stringify({
      ...f,
      tagNames: f.tagNames.map((t) => t.trim()).filter(Boolean),
      body: body.current,
      quotes: refs.quoteIds.map((id) => r.quotes[id]).filter(Boolean),
      captions: refs.captionIds.map((id) => r.captions[id]).filter(Boolean),
      sidebars: refs.sidebarIds.map((id) => r.sidebars[id]).filter(Boolean),
    }));
  }, []);
  const saving = useStorySave(story.id, story.version, actions.save, buildPayload);
  const others = usePresence(story.id, actions.checkIn);

  const change = (next: Partial<Fields>) => {
    setFields((current) => ({ ...current, ...next }));
    saving.markChanged();
  };
  const onHeadline = (headline: string) => change(isSlugTouched.current ? { headline } : { headline, slug: slugify(headline) || fields.slug });
  const pickMedia = useCallback(() => new Promise<PickerMedia | null>((resolve) => setPicker(() => (m: PickerMedia | null) => { setPicker(null); resolve(m); })), []);
  const recordsApi: RecordsApi = useMemo(() => ({
    records, articleId: story.id, isReadOnly, pickMedia,
    update: (fn) => { setRecords(fn); saving.markChanged(); },
    searchStories: async (q) => { const r = await actions.searchStories(q, story.id); return r.ok ? r.data : []; },
  }), [records, story.id, isReadOnly, pickMedia, saving, actions]);

  const pickHero = async () => {
    const media = await pickMedia();
    if (!media) return;
    setRecords((r) => ({ ...r, media: { ...r.media, [media.id]: media } }));
    change({ hero: { mediaId: media.id, caption: fields.hero?.caption || media.defaultCaption } });
  };

  const step = async (name: TransitionStep, publishAt?: string) => {
    if (saving.state !== "saved" && !(await saving.saveNow(false))) return;
    const result = await actions.transition(name, { articleId: story.id, expectedVersion: saving.version.current, publishAt });
    if (result.ok) {
      saving.setVersion(result.data.version);
      setStatus({ status: result.data.status, publishAt: result.data.publishAt });
      setNotice({ text: name === "publish" ? "Published." : `Done: ${result.data.status.replace("_", " ").toLowerCase()}.`, link: name === "publish" ? result.data.href ?? undefined : undefined });
    } else setNotice({ text: result.message, problems: (result.details as { problems?: string[] } | undefined)?.problems });
  };
  const reloadPage = () => window.location.reload();
  const preview = async () => {
    const result = await actions.previewLink(story.id);
    setNotice(result.ok ? { text: `Preview link (valid until ${new Date(result.data.expiresAt).toLocaleString("en-GB")}):`, link: result.data.path } : { text: result.message });
  };

  useEffect(() => setNotice(null), [fields.headline]);

  return (
    <RecordsContext.Provider value={recordsApi}>
      <div className="story-editor">
        <WorkflowBar status={status.status} publishAt={status.publishAt} saveState={saving.state} permissions={permissions} others={others}
          onStep={step} onSave={() => void saving.saveNow(false)} onPreview={preview} onHistory={() => setPanel(panel === "history" ? "none" : "history")} />
        {saving.message && saving.state === "error" && <p role="alert" className="form-error">{saving.message}</p>}
        {notice && (
          <div role="status" className="notice">
            <p>{notice.text} {notice.link && <a href={notice.link} target="_blank" rel="noreferrer">{notice.link}</a>}</p>
            {notice.problems && <ul className="problem-list">{notice.problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          </div>
        )}
        {saving.conflict && (
          <ConflictPanel savedBy={saving.conflict.savedBy}
            compare={async () => { const r = await actions.compareWithCurrent(story.id, buildPayload()); return r.ok ? r.data : r.message; }}
            onTakeTheirs={reloadPage}
            onKeepMine={() => void saving.saveNow(false, saving.conflict!.currentVersion)} />
        )}
        {panel === "history" && <HistoryPanel articleId={story.id} actions={actions} version={() => saving.version.current} onRestored={reloadPage} canRestore={permissions.canEdit} />}
        <StoryFields fields={fields} isReadOnly={isReadOnly} sections={sections} profiles={profiles}
          heroMedia={fields.hero ? records.media[fields.hero.mediaId] ?? null : null}
          onChange={(next) => { if ("slug" in next) isSlugTouched.current = true; change(next); }} onHeadline={onHeadline} onPickHero={pickHero} />
        <BodyEditor initialContent={body.current} isReadOnly={isReadOnly} onChange={(doc) => { body.current = doc; saving.markChanged(); }} />
        {status.status === "PUBLISHED" && permissions.canCorrect && <NotesPanel articleId={story.id} notes={story.notes} addNote={actions.addNote} />}
        {permissions.canDelete && <TrashButton articleId={story.id} status={status.status} version={() => saving.version.current} flush={async () => saving.state === "saved" || saving.saveNow(false)} remove={actions.deleteStory} />}
        {picker && <MediaPicker search={actions.searchMedia} onPick={picker} />}
      </div>
    </RecordsContext.Provider>
  );
}
