"use client";

import { usePathname } from "next/navigation";

type Item = { href: string; label: string };

export function NewsroomNav({ items }: { items: readonly Item[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Newsroom" className="newsroom-nav">
      <ul>
        {items.map((item) => {
          const isCurrent = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <a href={item.href} aria-current={isCurrent ? "page" : undefined}>
                {item.label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
