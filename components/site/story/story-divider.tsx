// A section divider in a story body.
export function StoryDivider() {
  return <hr className="story-divider" />;
}
