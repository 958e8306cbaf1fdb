// What POST /api/wire/uploads answers for each document, and what the Wire screen's drop shows.
export type WireUploadResult =
  { name: string; ok: true; outcome: string; message: string; wireItemId: string; articleId: string | null; headline: string } | { name: string; ok: false; status: number; message: string };
