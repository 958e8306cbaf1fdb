import type { ReactNode } from "react";
import type { ArticlePage } from "@/lib/articles/page/article-page";
import { formatDateTime } from "@/lib/format-date";
import { absoluteUrl } from "@/lib/site-config";
import { ArticleNotes } from "./article-notes";
import { BylineList } from "./byline-list";
import { RelatedStories } from "./related-stories";
import { ShareLinks } from "./share-links";
import { StoryFigure } from "./story-figure";

// `live`: the story's live coverage (live-coverage.tsx), shown below its body.
type Props = { article: ArticlePage; body: ReactNode; live?: ReactNode };

// "Updated" shows once a story changed more than a minute after it went out.
function isModified(article: Pick<ArticlePage, "publishedAt" | "updatedAt">): boolean {
  return new Date(article.updatedAt).getTime() - new Date(article.publishedAt).getTime() > 60_000;
}

export function ArticleView({ article, body, live }: Props) {
  return (
    <article className="article">
      <header className="article-header">
        <p className="article-section">
          <a href={`/${article.section.slug}`}>{article.section.name}</a>
        </p>
        {article.kicker && <p className="kicker">{article.kicker}</p>}
        <h1 className="headline">{article.headline}</h1>
        {article.standfirst && <p className="standfirst">{article.standfirst}</p>}
        <div className="article-meta">
          <BylineList bylines={article.bylines} />
          {article.agencyLine && <p className="agency-line">{article.agencyLine}</p>}
          <p className="dateline">
            <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
            {isModified(article) && (
              <>
                {" · Updated "}
                <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
              </>
            )}
          </p>
        </div>
      </header>
      {article.hero && <StoryFigure media={article.hero.media} caption={article.hero.caption} sizes="(min-width: 1040px) 960px, 100vw" isPriority />}
      <div className="article-body">{body}</div>
      {live}
      {article.agencyLine && <p className="agency-line agency-line--foot">{article.agencyLine}</p>}
      <ArticleNotes notes={article.notes} />
      {article.tags.length > 0 && (
        <ul className="article-tags" aria-label="Tags">
          {article.tags.map((tag) => (
            <li key={tag.id}>
              <a href={`/tag/${tag.slug}`}>{tag.name}</a>
            </li>
          ))}
        </ul>
      )}
      <footer className="article-foot">
        <ShareLinks url={absoluteUrl(article.href)} title={article.headline} />
        <RelatedStories stories={article.related} />
      </footer>
    </article>
  );
}
