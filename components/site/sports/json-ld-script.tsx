// A JSON-LD script element, written as the article page writes its own (story/article-json-ld.tsx):
// "<" is escaped so no name in the data can close the script element.
export function JsonLdScript({ data }: { data: object }) {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
