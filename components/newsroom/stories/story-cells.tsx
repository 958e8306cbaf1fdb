// Cells the story list and the trash share.
export function StoryLink({ story }: { story: { id: string; headline: string } }) {
  return <a href={`/newsroom/stories/${story.id}`}>{story.headline || "(no headline yet)"}</a>;
}

export function StoryStatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--${status.toLowerCase()}`}>{status.replace("_", " ").toLowerCase()}</span>;
}
