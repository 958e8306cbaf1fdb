// A photo's <img>: its JPEG renditions as srcset for `sizes`, its own size (no layout shift), and
// loaded at once with high priority only when it is the largest thing above the fold.
type Photo = { src: string; srcSetJpeg: string; width: number; height: number; altText: string };

export function PhotoImg({ photo, sizes, isPriority }: { photo: Photo; sizes: string; isPriority: boolean }) {
  return (
    <img
      src={photo.src}
      srcSet={photo.srcSetJpeg || undefined}
      sizes={sizes}
      width={photo.width}
      height={photo.height}
      alt={photo.altText}
      loading={isPriority ? "eager" : "lazy"}
      fetchPriority={isPriority ? "high" : undefined}
      decoding="async"
    />
  );
}
