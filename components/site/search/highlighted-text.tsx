import type { TextPart } from "@/lib/search/highlight";

// Text with the reader's words marked (every part is escaped by React).
export function HighlightedText({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((part, index) => (part.isMatch ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}</>;
}
