"use client";
// The story editor: fields, body, records, saving and the workflow, on one screen.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import type { Editor } from "@tiptap/react";
import type { EditorStory, PickerMedia } from "@/lib/articles/editor-queries";
import type { ArticleInput } from "@/lib/articles/schema";
import { slugify } from "@/lib/articles/slugify";
import { stableJson } from "@/lib/articles/merge/merge";
import { collectReferences } from "@/lib/editor/references";
import type { BodyDoc } from "@/lib/editor/types";
import { RecordsContext, indexById, type EditorRecords, type RecordsApi } from "./editor-records";
import { StoryFields, type Fields } from "./story-fields";
import { BodyEditor } from "./body-editor";
import { MediaPicker } from "./media-picker";
import { WorkflowBar } from "./workflow-bar";
import { EmbargoPanel } from "./embargo-panel";
import { ConflictPanel } from "./conflict-panel";
import { HistoryPanel } from "./history-panel";
import { NotesPanel } from "./notes-panel";
import { LiveVersionBar } from "./live-version-bar";
import { PreviewLinksPanel } from "./preview-links-panel";
import { TrashButton } from "./trash-button";
import { RelatedSuggestions } from "./related-suggestions";
import type { RelatedSuggestion } from "@/lib/articles/related-suggestions";
import { useStorySave } from "./use-story-save";
import { usePhotos } from "./use-photos";
import { EditorNotice, failureNotice, type Notice } from "./gate-problems";
import "./editor.css";
import { usePresence } from "./use-presence";
import type { WorkflowStep } from "@/lib/articles/workflow-steps";
import type { EditorActions, EditorPermissions, Option } from "./types";

const NO_CHANGES = { changes: 0, updateAt: null, updateBy: null, workingCopyBy: null };

type Props = { story: EditorStory; actions: EditorActions; permissions: EditorPermissions; sections: Option[]; profiles: Option[] };

function initialRecords(story: EditorStory): EditorRecords {
  const a = story.article;
  return { quotes: indexById(a.quotes), captions: indexById(a.captions), sidebars: indexById(a.sidebars), media: indexById(story.media), stories: indexById(story.stories) };
}

function labelsOf(story: EditorStory): Record<string, string> {
  const { teams, athletes, events } = story.sportsLinks;
  return Object.fromEntries([...teams, ...athletes, ...events].map((option) => [option.id, option.label]));
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
  const [embargoUntil, setEmbargoUntil] = useState(story.embargoUntil);
  const [picker, setPicker] = useState<((media: PickerMedia | null) => void) | null>(null);
  const [panel, setPanel] = useState<"none" | "history">("none");
  const [notice, setNotice] = useState<Notice | null>(null);
  const [linkLabels, setLinkLabels] = useState(() => labelsOf(story));
  const body = useRef<JSONContent>(story.article.body as JSONContent);
  const bodyEditor = useRef<Editor | null>(null);
  const onBodyEditor = useCallback((editor: Editor | null) => {
    bodyEditor.current = editor;
  }, []);
  // What the body editor starts from; a merged body gets a new key, so the body editor (and the
  // sidebars' editors in it) start again from it.
  const [bodyStart, setBodyStart] = useState(() => ({ key: 0, doc: story.article.body as JSONContent }));
  const isSlugTouched = useRef(story.article.headline !== "" || !story.article.slug.startsWith("untitled-"));
  const state = useRef({ fields, records });
  useEffect(() => {
    state.current = { fields, records };
  }, [fields, records]);

  // A plain-JSON copy: ProseMirror makes node attributes with Object.create(null), and a server
  // action receives null-prototype objects as opaque references it cannot read.
  const buildPayload = useCallback((): ArticleInput => {
    const { fields: f, records: r } = state.current;
    const refs = collectReferences(body.current as BodyDoc);
    return JSON.parse(
      JSON.stringify({
        ...f,
        tagNames: f.tagNames.map((t) => t.trim()).filter(Boolean),
        body: body.current,
        quotes: refs.quoteIds.map((id) => r.quotes[id]).filter(Boolean),
        captions: refs.captionIds.map((id) => r.captions[id]).filter(Boolean),
        sidebars: refs.sidebarIds.map((id) => r.sidebars[id]).filter(Boolean),
      }),
    );
  }, []);
  const applyMerged = (merged: ArticleInput, theirs: EditorStory) => {
    const current = buildPayload();
    setFields(fieldsOf(merged));
    setLinkLabels((labels) => ({ ...labels, ...labelsOf(theirs) }));
    setRecords((r) => ({
      quotes: { ...r.quotes, ...indexById(merged.quotes) },
      captions: { ...r.captions, ...indexById(merged.captions) },
      sidebars: { ...r.sidebars, ...indexById(merged.sidebars) },
      media: { ...r.media, ...indexById(theirs.media) },
      stories: { ...r.stories, ...indexById(theirs.stories) },
    }));
    if (stableJson([merged.body, merged.sidebars]) !== stableJson([current.body, current.sidebars])) {
      body.current = merged.body as JSONContent;
      setBodyStart((start) => ({ key: start.key + 1, doc: merged.body as JSONContent }));
    }
  };
  const names = {
    section: (id: string) => sections.find((s) => s.id === id)?.name,
    profile: (id: string) => profiles.find((p) => p.id === id)?.name,
    media: (id: string) => records.media[id]?.altText || undefined,
    team: (id: string) => linkLabels[id],
    athlete: (id: string) => linkLabels[id],
    event: (id: string) => linkLabels[id],
  };
  const saving = useStorySave({ story, actions, buildPayload, applyMerged, names });
  const others = usePresence(story.id, actions.checkIn);
  const photos = usePhotos(actions, permissions.canEditMedia, records, setRecords);

  const change = (next: Partial<Fields>) => {
    setFields((current) => ({ ...current, ...next }));
    saving.markChanged();
  };
  const onHeadline = (headline: string) => change(isSlugTouched.current ? { headline } : { headline, slug: slugify(headline) || fields.slug });
  const pickMedia = useCallback(
    () =>
      new Promise<PickerMedia | null>((resolve) =>
        setPicker(() => (m: PickerMedia | null) => {
          setPicker(null);
          resolve(m);
        }),
      ),
    [],
  );
  const recordsApi: RecordsApi = useMemo(
    () => ({
      records,
      articleId: story.id,
      isReadOnly,
      pickMedia,
      photos,
      update: (fn) => {
        setRecords(fn);
        saving.markChanged();
      },
      searchStories: async (q) => {
        const r = await actions.searchStories(q, story.id);
        return r.ok ? r.data : [];
      },
      readEmbeds: async (ids) => {
        const r = await actions.readEmbeds(ids);
        return r.ok ? r.data : [];
      },
    }),
    [records, story.id, isReadOnly, pickMedia, saving, actions, photos],
  );

  // A suggested story's teaser, at the body's cursor (where the caret was before the click).
  const insertTeaser = (suggestion: RelatedSuggestion): boolean => {
    const editor = bodyEditor.current;
    if (!editor || isReadOnly) return false;
    setRecords((r) => ({ ...r, stories: { ...r.stories, [suggestion.id]: { id: suggestion.id, headline: suggestion.headline, status: "PUBLISHED" } } }));
    return editor
      .chain()
      .insertBlock({ type: "relatedStory", attrs: { articleId: suggestion.id, label: "" } })
      .run();
  };
  const isInBody = (articleId: string) => collectReferences(body.current as BodyDoc).articleIds.includes(articleId);

  const pickHero = async () => {
    const media = await pickMedia();
    if (!media) return;
    setRecords((r) => ({ ...r, media: { ...r.media, [media.id]: media } }));
    change({ hero: { mediaId: media.id, caption: fields.hero?.caption || media.defaultCaption } });
  };

  const step = async (name: WorkflowStep, publishAt?: string) => {
    if (saving.state !== "saved" && !(await saving.saveNow(false))) return;
    const result = await actions.transition(name, { articleId: story.id, expectedVersion: saving.version.current, publishAt });
    if (result.ok) {
      saving.setVersion(result.data.version);
      setStatus({ status: result.data.status, publishAt: result.data.publishAt });
      setNotice({ text: name === "publish" ? "Published." : `Done: ${result.data.status.replace("_", " ").toLowerCase()}.`, link: name === "publish" ? (result.data.href ?? undefined) : undefined });
    } else setNotice(failureNotice(result));
  };
  const reloadPage = () => window.location.reload();
  const [previewLinks, setPreviewLinks] = useState(0);
  const preview = async () => {
    const result = await actions.previewLink(story.id);
    setPreviewLinks((n) => n + 1);
    setNotice(result.ok ? { text: `Preview link (valid until ${new Date(result.data.expiresAt).toLocaleString("en-GB")}):`, link: result.data.path } : failureNotice(result));
  };

  // A notice is about the story as it was: a new headline clears it.
  const [noticeHeadline, setNoticeHeadline] = useState(fields.headline);
  if (noticeHeadline !== fields.headline) {
    setNoticeHeadline(fields.headline);
    setNotice(null);
  }

  return (
    <RecordsContext.Provider value={recordsApi}>
      <div className="story-editor">
        <WorkflowBar
          status={status.status}
          publishAt={status.publishAt}
          saveState={saving.state}
          permissions={permissions}
          others={others}
          onStep={step}
          onSave={() => void saving.saveNow(false)}
          onPreview={preview}
          onHistory={() => setPanel(panel === "history" ? "none" : "history")}
        />
        <EmbargoPanel
          articleId={story.id}
          status={status.status}
          embargoUntil={embargoUntil}
          canEdit={permissions.canEdit}
          canLift={permissions.canLiftEmbargo}
          actions={actions}
          version={() => saving.version.current}
          saveFirst={async () => saving.state === "saved" || saving.saveNow(false)}
          onChanged={(version, until) => {
            saving.setVersion(version);
            setEmbargoUntil(until);
          }}
        />
        {(status.status === "PUBLISHED" || status.status === "SCHEDULED") && (
          <LiveVersionBar
            articleId={story.id}
            status={status.status}
            initial={story.live ?? NO_CHANGES}
            saveState={saving.state}
            canEdit={permissions.canEdit}
            canPublish={permissions.canPublish}
            actions={actions}
            version={() => saving.version.current}
            saveFirst={async () => saving.state === "saved" || saving.saveNow(false)}
            onUpdated={(version) => saving.setVersion(version)}
            onDiscarded={reloadPage}
            onProblems={(failure) => setNotice(failureNotice(failure))}
          />
        )}
        {saving.message && saving.state === "error" && (
          <p role="alert" className="form-error">
            {saving.message}
          </p>
        )}
        {notice && <EditorNotice notice={notice} media={records.media} />}
        <PreviewLinksPanel articleId={story.id} actions={actions} refreshKey={previewLinks} />
        {saving.note && (
          <div role="status" className="notice">
            <p>{saving.note}</p>
          </div>
        )}
        {saving.conflict && (
          <ConflictPanel
            savedBy={saving.conflict.savedBy}
            clashes={saving.conflict.clashes}
            theirChanges={saving.conflict.theirChanges}
            onTakeTheirs={reloadPage}
            onSave={(choices) => void saving.resolveConflict(choices)}
          />
        )}
        {panel === "history" && <HistoryPanel articleId={story.id} actions={actions} version={() => saving.version.current} onRestored={reloadPage} canRestore={permissions.canEdit} />}
        <StoryFields
          fields={fields}
          isReadOnly={isReadOnly}
          sections={sections}
          profiles={profiles}
          heroMedia={fields.hero ? (records.media[fields.hero.mediaId] ?? null) : null}
          linkLabels={linkLabels}
          onLinkLabel={(option) => setLinkLabels((labels) => ({ ...labels, [option.id]: option.label }))}
          onChange={(next) => {
            if ("slug" in next) isSlugTouched.current = true;
            change(next);
          }}
          onHeadline={onHeadline}
          onPickHero={pickHero}
        />
        <BodyEditor
          key={bodyStart.key}
          initialContent={bodyStart.doc}
          isReadOnly={isReadOnly}
          onEditor={onBodyEditor}
          onChange={(doc) => {
            body.current = doc;
            saving.markChanged();
          }}
        />
        <RelatedSuggestions
          articleId={story.id}
          links={{ tagNames: fields.tagNames, teamIds: fields.teamIds, athleteIds: fields.athleteIds, eventIds: fields.eventIds }}
          isReadOnly={isReadOnly}
          isInBody={isInBody}
          onInsert={insertTeaser}
        />
        {status.status === "PUBLISHED" && permissions.canCorrect && <NotesPanel articleId={story.id} notes={story.notes} addNote={actions.addNote} />}
        {permissions.canDelete && (
          <TrashButton articleId={story.id} status={status.status} version={() => saving.version.current} flush={async () => saving.state === "saved" || saving.saveNow(false)} remove={actions.deleteStory} />
        )}
        {picker && <MediaPicker search={actions.searchMedia} onPick={picker} />}
      </div>
    </RecordsContext.Provider>
  );
}
