import type { QuoteView } from "@/lib/editor/body-records";

// A quote with its speaker and how it was said ("said through an interpreter").
export function PullQuote({ quote }: { quote: QuoteView }) {
  return (
    <blockquote className="pull-quote">
      <p>{quote.text}</p>
      <footer>
        <cite className="quote-speaker">{quote.speaker}</cite>
        {quote.speakerDescription && <span className="quote-speaker-description">, {quote.speakerDescription}</span>}
        {quote.context && <span className="quote-context">, {quote.context}</span>}
      </footer>
    </blockquote>
  );
}
