import type { EmbedView } from "@/lib/editor/body-records";
import { isWebUrl } from "@/lib/embeds/providers";
import { EmbedPlayer } from "./embed-player";

const OUTBOUND = "noopener noreferrer nofollow";

// Only an embed's own address when nothing more is known: the provider could not be reached, or
// the snapshot is not there.
export function EmbedLinkCard({ url, provider }: { url: string; provider: string }) {
  if (!isWebUrl(url)) return null;
  return (
    <p className="story-embed story-embed--link">
      <span className="story-embed-provider">{provider}</span>{" "}
      <a href={url} rel={OUTBOUND}>
        {url}
      </a>
    </p>
  );
}

// An embedded post or video as the server saw it: its words in the page, a local thumbnail, a
// link out, and the provider's player only after a click (embed-player.tsx).
export function StoryEmbed({ embed }: { embed: EmbedView }) {
  if (embed.isLinkCard || !isWebUrl(embed.url)) return <EmbedLinkCard url={embed.url} provider={embed.provider} />;
  const author =
    embed.authorName &&
    (isWebUrl(embed.authorUrl) ? (
      <a href={embed.authorUrl} rel={OUTBOUND}>
        {embed.authorName}
      </a>
    ) : (
      embed.authorName
    ));
  return (
    <figure className="story-embed" data-provider={embed.provider}>
      {embed.thumbnail && (
        <img
          className="story-embed-thumbnail"
          src={embed.thumbnail.src}
          srcSet={embed.thumbnail.srcSetJpeg || undefined}
          sizes="(min-width: 760px) 680px, 100vw"
          width={embed.thumbnail.width}
          height={embed.thumbnail.height}
          alt=""
          loading="lazy"
          decoding="async"
        />
      )}
      <blockquote className="story-embed-body" cite={embed.url}>
        {embed.title && <p className="story-embed-title">{embed.title}</p>}
        {embed.text.split("\n").map((line, index) => (
          <p key={index}>{line}</p>
        ))}
      </blockquote>
      <figcaption>
        {author && <span className="story-embed-author">{author}</span>}
        <a className="story-embed-source" href={embed.url} rel={OUTBOUND}>
          View on {embed.provider}
        </a>
      </figcaption>
      {embed.playerUrl && <EmbedPlayer provider={embed.provider} playerUrl={embed.playerUrl} title={embed.title} />}
    </figure>
  );
}
