import { preload } from "react-dom";
import type { MediaView } from "@/lib/media/views";
import { PhotoImg } from "../photo-img";

type Props = { media: MediaView; caption: string; sizes: string; isPriority?: boolean };

// A photo with its caption and its credit in their own elements.
export function StoryFigure({ media, caption, sizes, isPriority = false }: Props) {
  if (media.isWithdrawn) {
    return (
      <figure className="story-figure story-figure--withdrawn">
        <div className="media-placeholder" role="img" aria-label="Image no longer available" />
      </figure>
    );
  }
  // The hero is usually the largest thing on screen: ask for it in <head>, before scripts.
  if (isPriority) {
    // The same format the <picture> below will choose first (AVIF, else WebP, else JPEG).
    const [srcSet, type] = media.srcSetAvif ? [media.srcSetAvif, "image/avif"] : media.srcSetWebp ? [media.srcSetWebp, "image/webp"] : [media.srcSetJpeg, "image/jpeg"];
    preload(media.src, { as: "image", fetchPriority: "high", imageSizes: sizes, ...(srcSet ? { imageSrcSet: srcSet, type } : {}) });
  }
  return (
    <figure className="story-figure">
      <picture>
        {media.srcSetAvif && <source type="image/avif" srcSet={media.srcSetAvif} sizes={sizes} />}
        {media.srcSetWebp && <source type="image/webp" srcSet={media.srcSetWebp} sizes={sizes} />}
        <PhotoImg photo={media} sizes={sizes} isPriority={isPriority} />
      </picture>
      <figcaption>
        {caption && <span className="caption">{caption}</span>}
        {media.credit && (
          <span className="credit">
            <span className="credit-short">{media.credit.short}</span>
            <span className="credit-full">{media.credit.full}</span>
          </span>
        )}
      </figcaption>
    </figure>
  );
}
