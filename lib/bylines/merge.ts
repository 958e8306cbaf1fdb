// Merging two byline profiles: every story credited to the source is credited to the target
// (once: a story that had both keeps one byline, in the earlier position), and so is every live
// entry (lib/live/authors.ts); the target takes over what it lacks (photo, bio, account link…),
// and the source's author page redirects.
import type { Tx } from "../db";
import { AppError } from "../errors";
import { moveBylineInWorkingCopies } from "../articles/publish/working-copy";
import { moveLiveEntryAuthors } from "../live/authors";

type Profile = { id: string; name: string; jobTitle: string; bio: string; photoMediaId: string | null; socialLinks: unknown; userId: string | null };

export async function moveBylines(tx: Tx, sourceId: string, targetId: string): Promise<string[]> {
  const bylines = await tx.articleByline.findMany({ where: { profileId: sourceId }, select: { id: true, articleId: true, position: true } });
  for (const byline of bylines) {
    const shared = await tx.articleByline.findUnique({ where: { articleId_profileId: { articleId: byline.articleId, profileId: targetId } } });
    if (!shared) {
      await tx.articleByline.update({ where: { id: byline.id }, data: { profileId: targetId } });
      continue;
    }
    await tx.articleByline.delete({ where: { id: byline.id } });
    if (byline.position < shared.position) await tx.articleByline.update({ where: { id: shared.id }, data: { position: byline.position } });
  }
  await moveBylineInWorkingCopies(tx, sourceId, targetId);
  const liveArticleIds = await moveLiveEntryAuthors(tx, sourceId, targetId);
  return [...new Set([...bylines.map((b) => b.articleId), ...liveArticleIds])];
}

// What the target takes from the source: only fields the target leaves empty.
export function fillGaps(source: Profile, target: Profile) {
  if (source.userId && target.userId && source.userId !== target.userId) {
    throw new AppError("CONFLICT", `"${source.name}" and "${target.name}" are linked to different user accounts. Unlink one of them first.`);
  }
  const hasLinks = Array.isArray(target.socialLinks) && target.socialLinks.length > 0;
  return {
    jobTitle: target.jobTitle || source.jobTitle,
    bio: target.bio || source.bio,
    photoMediaId: target.photoMediaId ?? source.photoMediaId,
    socialLinks: hasLinks ? (target.socialLinks as object) : ((source.socialLinks as object | null) ?? undefined),
    userId: target.userId ?? source.userId,
  };
}
