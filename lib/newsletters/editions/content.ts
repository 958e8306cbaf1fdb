// An edition's stories as the email, the preview and the archive page show them, read in one
// query: each item's story with its section and hero picture. A story taken off the site since
// the edition was assembled (unpublished, embargoed again) is left out: readers could not open it.
import "server-only";
import { articleHref } from "../../articles/href";
import { publicArticleWhere } from "../../articles/embargo/visibility";
import { db } from "../../db";
import { mediaPublicBaseUrl } from "../../media/file/storage-config";
import { mediaUrl, pickDefaultRendition, renditionUrl } from "../../media/file/urls";
import { mediaViewInclude, toMediaView } from "../../media/views";
import { absoluteUrl } from "../../site-config";

export type EditionImage = { src: string; altText: string; width: number; height: number; credit: string | null };

export type EditionStory = {
  id: string;
  heading: string;
  kicker: string;
  headline: string;
  standfirst: string;
  // The story's public path and its absolute address (SITE_URL).
  path: string;
  url: string;
  image: EditionImage | null;
};

export type EditionContent = {
  id: string;
  status: string;
  subject: string;
  intro: string;
  scheduledFor: Date;
  sentAt: Date | null;
  newsletter: { id: string; slug: string; name: string; description: string; senderName: string; senderAddress: string };
  stories: EditionStory[];
};

type HeroRecord = Parameters<typeof toMediaView>[0];

// The email shows the lead's picture 552 pixels wide: a JPEG rendition about twice that, for sharp
// screens, rather than the largest there is.
const EMAIL_IMAGE_WIDTH = 1104;

// A picture for the email at an absolute address (mail clients have no base URL), from the same
// place the reader page loads it (the public media base when toMediaView chose it); none when its
// rights have expired.
function emailImage(media: HeroRecord | null, now: Date): EditionImage | null {
  if (!media) return null;
  const view = toMediaView(media, now);
  if (view.isWithdrawn) return null;
  const rendition = pickDefaultRendition(media.renditions, "jpeg", EMAIL_IMAGE_WIDTH);
  const isPublicBase = !view.src.startsWith(mediaUrl(""));
  const src = rendition ? renditionUrl(rendition.storageKey, isPublicBase ? mediaPublicBaseUrl() : null) : view.src;
  return { src: absoluteUrl(src), altText: view.altText, width: rendition?.width ?? view.width, height: rendition?.height ?? view.height, credit: view.credit?.full ?? null };
}

export async function loadEditionContent(editionId: string, now: Date = new Date()): Promise<EditionContent | null> {
  const edition = await db.edition.findUnique({
    where: { id: editionId },
    select: {
      id: true,
      status: true,
      subject: true,
      intro: true,
      scheduledFor: true,
      sentAt: true,
      newsletter: { select: { id: true, slug: true, name: true, description: true, senderName: true, senderAddress: true } },
      items: {
        where: { article: { ...publicArticleWhere(now), deletedAt: null, sectionId: { not: null } } },
        orderBy: [{ position: "asc" }, { articleId: "asc" }],
        select: {
          heading: true,
          article: { select: { id: true, slug: true, kicker: true, headline: true, standfirst: true, section: { select: { slug: true } }, heroMedia: { include: mediaViewInclude } } },
        },
      },
    },
  });
  if (!edition) return null;
  const { items, ...rest } = edition;
  const stories = items.map(({ heading, article }) => {
    const path = articleHref(article.section?.slug ?? "", article.slug);
    return { id: article.id, heading, kicker: article.kicker, headline: article.headline, standfirst: article.standfirst, path, url: absoluteUrl(path), image: emailImage(article.heroMedia, now) };
  });
  return { ...rest, stories };
}
