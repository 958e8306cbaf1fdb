// The email that asks a reader to confirm a sign-up (double opt-in), as HTML and plain text. A
// reader who is already subscribed gets the same email, saying so and linking to their
// preferences instead: the form never tells anyone whether an address is subscribed.
import "server-only";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Text, render } from "@react-email/components";
import { CONFIRM_LINK_HOURS } from "../links";

export type ConfirmationEmailProps = {
  siteName: string;
  newsletterName: string;
  // The confirm link, or (already subscribed) the preferences link.
  link: string;
  isAlreadySubscribed: boolean;
};

const body = { backgroundColor: "#f4f4f2", fontFamily: "Helvetica, Arial, sans-serif", color: "#1a1a1a" };
const container = { backgroundColor: "#ffffff", margin: "24px auto", padding: "24px", maxWidth: "560px" };
const button = { backgroundColor: "#0b5cad", color: "#ffffff", padding: "12px 20px", borderRadius: "4px", textDecoration: "none" };
const small = { fontSize: "13px", color: "#555555" };

export function ConfirmationEmail({ siteName, newsletterName, link, isAlreadySubscribed }: ConfirmationEmailProps) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{isAlreadySubscribed ? `You already get ${newsletterName}` : `Confirm your subscription to ${newsletterName}`}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Heading as="h1">{isAlreadySubscribed ? `You already get ${newsletterName}` : `Confirm your subscription to ${newsletterName}`}</Heading>
          {isAlreadySubscribed ? (
            <Text>
              Someone, probably you, asked to sign this address up to {newsletterName} from {siteName}. You are already subscribed, so nothing has changed. You can choose your newsletters or leave them here:
            </Text>
          ) : (
            <Text>
              Someone, probably you, asked to sign this address up to {newsletterName} from {siteName}. Nothing will be sent until you confirm:
            </Text>
          )}
          <Button href={link} style={button}>
            {isAlreadySubscribed ? "Manage your newsletters" : "Yes, subscribe me"}
          </Button>
          <Text style={small}>
            Or open this address: <Link href={link}>{link}</Link>
          </Text>
          <Hr />
          <Text style={small}>
            {isAlreadySubscribed
              ? "If you did not ask for this, you can ignore this email."
              : `If you did not ask for this, ignore this email: the link stops working after ${CONFIRM_LINK_HOURS} hours and you will not hear from us.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export async function renderConfirmationEmail(props: ConfirmationEmailProps): Promise<{ subject: string; html: string; text: string }> {
  const subject = props.isAlreadySubscribed ? `You already get ${props.newsletterName}` : `Confirm your subscription to ${props.newsletterName}`;
  const [html, text] = await Promise.all([render(<ConfirmationEmail {...props} />), render(<ConfirmationEmail {...props} />, { plainText: true })]);
  return { subject, html, text };
}
