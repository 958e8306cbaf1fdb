import { StoryCardList } from "@/components/site/story-card-list";
import { listPublishedStories } from "@/lib/listings/queries";


export default async function FrontPage() {
  const stories = await listPublishedStories({}, 24);
  return (
    <section aria-labelledby="latest-heading" className="listing">
      <h1 id="latest-heading" className="listing-title">
        Latest
      </h1>
      <StoryCardList stories={stories} isLeadFirst />
    </section>
  );
}
