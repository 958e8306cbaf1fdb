import type { ReactNode } from "react";
import { siteConfig } from "@/lib/site-config";
import "./auth.css";

// Sign-in and sign-out: the site's header and colours, nothing else.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header-inner">
          <a className="site-name" href="/">
            {siteConfig.name}
          </a>
        </div>
      </header>
      <main id="main" className="auth-main">
        {children}
      </main>
    </>
  );
}
