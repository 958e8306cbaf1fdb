import type { ReactNode } from "react";
import { NewsroomNav } from "./newsroom-nav";

type Props = {
  siteName: string;
  user: { name: string; role: string };
  items: readonly { href: string; label: string }[];
  children: ReactNode;
};

// The frame of every staff page: brand, the screens this role may use, who is signed in.
export function NewsroomShell({ siteName, user, items, children }: Props) {
  return (
    <div className="newsroom">
      <a className="skip-link" href="#newsroom-main">
        Skip to content
      </a>
      <header className="newsroom-header">
        <div className="newsroom-header-inner">
          <a className="newsroom-brand" href="/newsroom">
            {siteName} <span>Newsroom</span>
          </a>
          <NewsroomNav items={items} />
          <p className="newsroom-user">
            <span className="newsroom-user-name">{user.name}</span>
            <span className="role-badge">{user.role.toLowerCase()}</span>
            <a href="/sign-out">Sign out</a>
          </p>
        </div>
      </header>
      <main id="newsroom-main" className="newsroom-main">
        {children}
      </main>
    </div>
  );
}
