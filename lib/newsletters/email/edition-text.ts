// The edition's plain-text part, written by hand rather than derived from the HTML: each story is
// its heading, headline, standfirst and address on lines of their own, which reads better in a
// text-only client (and to a screen reader there) than a conversion of the layout.
import type { EditionEmailProps } from "./edition-email";
import { groupByHeading, introParagraphs } from "../editions/layout";

export function editionText({ content, dateLine, site, links }: EditionEmailProps): string {
  const lines: string[] = [content.newsletter.name, dateLine, ""];
  for (const paragraph of introParagraphs(content.intro)) lines.push(paragraph, "");
  for (const group of groupByHeading(content.stories)) {
    if (group.heading) lines.push(`== ${group.heading} ==`, "");
    for (const story of group.stories) {
      if (story.kicker) lines.push(story.kicker.toUpperCase());
      lines.push(story.headline);
      if (story.standfirst) lines.push(story.standfirst);
      lines.push(`Read it: ${story.url}`, "");
    }
  }
  lines.push(
    "--",
    `You receive ${content.newsletter.name} because you signed up for it at ${site.name}.`,
    `Change your newsletter preferences: ${links.manageUrl}`,
    `Unsubscribe from ${content.newsletter.name}: ${links.unsubscribeUrl}`,
    `${site.name}: ${site.url}`,
    "",
  );
  return lines.join("\n");
}
