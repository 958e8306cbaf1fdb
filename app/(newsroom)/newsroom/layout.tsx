import type { Metadata } from "next";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { NewsroomShell } from "@/components/newsroom/newsroom-shell";
import { navItemsFor } from "@/components/newsroom/nav-items";
import { getCurrentUser } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { siteConfig } from "@/lib/site-config";
import "./newsroom.css";

export const metadata: Metadata = { title: { default: "Newsroom", template: `%s | Newsroom | ${siteConfig.name}` }, robots: { index: false, follow: false } };
// Staff pages depend on who is asking: never prerendered, never cached.
export const dynamic = "force-dynamic";

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  // proxy.ts already sent anonymous visitors away; this also catches disabled and demoted users.
  if (!user || !can(user, "newsroom.enter")) redirect("/sign-in?callbackUrl=/newsroom");
  return (
    <NewsroomShell siteName={siteConfig.name} user={user} items={navItemsFor(user)}>
      {children}
    </NewsroomShell>
  );
}
