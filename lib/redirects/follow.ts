// For reader pages, just before notFound(): a path that moved answers 308 to its new home.
import { permanentRedirect } from "next/navigation";
import { findRedirect } from "./queries";

export async function followRedirect(path: string): Promise<void> {
  const target = await findRedirect(path);
  if (target) permanentRedirect(target);
}
