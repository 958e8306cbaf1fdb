type Byline = { id: string; name: string; slug: string; jobTitle: string };

// "By Jane Doe and John Roe": ordered as the editor ordered them.
export function BylineList({ bylines }: { bylines: Byline[] }) {
  if (bylines.length === 0) return null;
  return (
    <p className="bylines">
      By{" "}
      {bylines.map((byline, index) => (
        <span key={byline.id}>
          {index > 0 && (index === bylines.length - 1 ? " and " : ", ")}
          <a className="byline" rel="author" href={`/author/${byline.slug}`}>
            {byline.name}
          </a>
        </span>
      ))}
    </p>
  );
}
