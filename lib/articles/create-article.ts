// A new, empty draft. The slug is provisional until the editor writes a headline.
import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { textInput } from "../text-input";
import { db, type Tx } from "../db";
import { assertCan, type Actor } from "../permissions";
import { recordAudit } from "../audit/record";
import { EMPTY_DOC } from "../editor/types";
import type { Prisma } from "../generated/sqlite/client";
import { slugify } from "./schema";

const CreateInput = z.object({ headline: textInput().max(200).default(""), sectionId: z.string().max(40).nullable().default(null) });

export async function createArticle(actor: Actor | null, raw: unknown = {}): Promise<{ id: string; version: number }> {
  assertCan(actor, "article.create");
  const input = CreateInput.parse(raw);
  const slug = `${slugify(input.headline) || "untitled"}-${randomBytes(3).toString("hex")}`;
  return db.$transaction(async (tx) => {
    const section = input.sectionId ? await tx.section.findUnique({ where: { id: input.sectionId }, select: { id: true } }) : null;
    const ownProfile = await tx.bylineProfile.findUnique({ where: { userId: actor.id }, select: { id: true } });
    const article = await tx.article.create({
      data: {
        slug,
        headline: input.headline,
        sectionId: section?.id ?? null,
        body: EMPTY_DOC as Prisma.InputJsonValue,
        createdById: actor.id,
        lastEditedById: actor.id,
        ...(ownProfile ? { bylines: { create: [{ profileId: ownProfile.id, position: 0 }] } } : {}),
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "article.create", entityType: "Article", entityId: article.id });
    return article;
  });
}

// An empty draft row for a system writer in its own transaction (the wire import, which checked
// permission and fills the draft through writeSystemDraft).
export async function insertEmptyDraft(tx: Tx, slug: string, actorId: string): Promise<{ id: string; version: number }> {
  const article = await tx.article.create({ data: { slug, headline: "", body: EMPTY_DOC as Prisma.InputJsonValue, createdById: actorId, lastEditedById: actorId }, select: { id: true, version: true } });
  await recordAudit(tx, { actorId, action: "article.create", entityType: "Article", entityId: article.id });
  return article;
}
