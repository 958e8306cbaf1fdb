// The edition as an HTML email (React Email): masthead, date and introduction, the lead story
// with its picture (absolute rendition address, alt text, credit), the other stories under their
// headings, and a footer saying why the reader gets it, with their preferences and unsubscribe
// links. Every value is text React escapes; no story field is ever inserted as HTML. Readable with
// images off: the picture only adds to a headline and standfirst that stand on their own.
import { Body, Container, Head, Heading, Hr, Html, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { EditionContent, EditionStory } from "../editions/content";
import { groupByHeading, introParagraphs } from "../editions/layout";
import { emailStyles as s } from "./styles";

export type EditionEmailProps = {
  content: Pick<EditionContent, "subject" | "intro" | "newsletter" | "stories">;
  dateLine: string;
  site: { name: string; url: string; locale: string };
  links: { manageUrl: string; unsubscribeUrl: string };
};

function StoryBlock({ story, isLead }: { story: EditionStory; isLead: boolean }) {
  return (
    <Section>
      {isLead && story.image && (
        <>
          <Link href={story.url}>
            <Img src={story.image.src} alt={story.image.altText} width="552" style={s.image} />
          </Link>
          {story.image.credit && <Text style={s.credit}>{story.image.credit}</Text>}
        </>
      )}
      {story.kicker && <Text style={s.kicker}>{story.kicker}</Text>}
      <Heading as="h3" style={isLead ? s.leadHeadline : s.headline}>
        <Link href={story.url} style={s.headlineLink}>
          {story.headline}
        </Link>
      </Heading>
      {story.standfirst && <Text style={s.standfirst}>{story.standfirst}</Text>}
    </Section>
  );
}

export function EditionEmail({ content, dateLine, site, links }: EditionEmailProps) {
  const intro = introParagraphs(content.intro);
  const preview = intro[0] ?? content.stories[0]?.headline ?? content.subject;
  return (
    <Html lang={site.locale} dir="ltr">
      <Head>
        <title>{content.subject}</title>
      </Head>
      <Preview>{preview.slice(0, 140)}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Heading as="h1" style={s.masthead}>
            {content.newsletter.name}
          </Heading>
          <Text style={s.date}>{dateLine}</Text>
          {intro.map((paragraph, index) => (
            <Text key={index} style={s.intro}>
              {paragraph}
            </Text>
          ))}
          {groupByHeading(content.stories).map((group, groupIndex) => (
            <Section key={groupIndex}>
              {group.heading && (
                <Heading as="h2" style={s.heading}>
                  {group.heading}
                </Heading>
              )}
              {group.stories.map((story, index) => (
                <StoryBlock key={story.id} story={story} isLead={groupIndex === 0 && index === 0} />
              ))}
            </Section>
          ))}
          <Hr style={s.rule} />
          <Text style={s.footer}>
            You receive {content.newsletter.name} because you signed up for it at {site.name}.
          </Text>
          <Text style={s.footer}>
            <Link href={links.manageUrl} style={s.footerLink}>
              Change your newsletter preferences
            </Link>
            {" · "}
            <Link href={links.unsubscribeUrl} style={s.footerLink}>
              Unsubscribe from {content.newsletter.name}
            </Link>
          </Text>
          <Text style={s.footer}>
            <Link href={site.url} style={s.footerLink}>
              {site.name}
            </Link>
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
