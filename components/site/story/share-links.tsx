// Plain share links: no third-party script, cookie or request until the reader clicks one.
type ShareLink = { network: string; label: string; href: string };

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { network: "x", label: "X", href: `https://twitter.com/intent/tweet?url=${u}&text=${t}` },
    { network: "facebook", label: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: "whatsapp", label: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { network: "email", label: "Email", href: `mailto:?subject=${t}&body=${u}` },
  ];
}

export function ShareLinks({ url, title }: { url: string; title: string }) {
  return (
    <nav className="share-links" aria-label="Share this story">
      <p className="share-links-title">Share this story</p>
      <ul>
        {shareLinks(url, title).map((link) => (
          <li key={link.network}>
            <a className={`share-link share-link--${link.network}`} href={link.href} rel="noopener noreferrer nofollow" target={link.network === "email" ? undefined : "_blank"}>
              {link.label}
              {link.network !== "email" && <span className="visually-hidden"> (opens in a new tab)</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
