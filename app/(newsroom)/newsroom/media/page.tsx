import type { Metadata } from "next";
import { LibraryUpload } from "@/components/newsroom/media/library-upload";
import { MediaFilters } from "@/components/newsroom/media/media-filters";
import { MediaGrid } from "@/components/newsroom/media/media-grid";
import { Pager } from "@/components/newsroom/pager";
import { requireScreen } from "@/lib/auth/screen";
import { mediaLimits } from "@/lib/media/file/inspect";
import { listCreditOptions, listLibrary, parseLibraryFilters } from "@/lib/media/library/library-queries";
import { can } from "@/lib/permissions";
import "@/components/newsroom/media/media.css";

export const metadata: Metadata = { title: "Media library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MediaLibraryPage({ searchParams }: Props) {
  const { user } = await requireScreen("newsroom.enter", "/newsroom/media");
  const params = await searchParams;
  const filters = parseLibraryFilters(params);
  const [{ items, total, pages }, options] = await Promise.all([listLibrary(user, filters), listCreditOptions(user)]);
  return (
    <>
      <h1 className="admin-page-title">Media library</h1>
      <p className="admin-lead">
        Every photo the newsroom may use, with its alt text, credit and rights. A story cannot be published while a photo in it lacks alt text or a credit, or its rights have expired; when rights expire,
        published stories show a placeholder instead.
      </p>
      {params.deleted === "1" && (
        <p className="notice-bar" role="status">
          The picture was deleted.
        </p>
      )}
      {can(user, "media.upload") && <LibraryUpload maxBytes={mediaLimits().maxBytes} />}
      <MediaFilters filters={filters} options={options} />
      <p className="result-line">
        {total} {total === 1 ? "picture" : "pictures"}
      </p>
      <MediaGrid items={items} />
      <Pager page={filters.page} pages={pages} params={params} />
    </>
  );
}
