"use client";
// The library screen's upload area: new pictures appear in the grid as soon as each is processed.
import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { UploadDropzone } from "./upload-dropzone";

export function LibraryUpload({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  const refresh = useCallback(() => router.refresh(), [router]);
  return <UploadDropzone maxBytes={maxBytes} onAdded={refresh} />;
}
