// Reads an upload request's multipart body without ever holding more than the size limit (plus
// room for the form's own framing) in memory: a Content-Length over it is refused before reading,
// and a body that streams past it is cut off and refused.
import "server-only";
import { AppError } from "../errors";
import { megabytes, refuse, type MediaLimits } from "../media/file/inspect";
import { readCapped } from "./read-capped";

// Multipart boundaries, headers and the few text fields sent with the file.
const FORM_OVERHEAD_BYTES = 64 * 1024;

function tooLarge(bytes: number, limits: MediaLimits): AppError {
  return refuse("too-large", `The file is over ${megabytes(Math.max(bytes - FORM_OVERHEAD_BYTES, limits.maxBytes + 1))}; the limit is ${megabytes(limits.maxBytes)}.`);
}

export async function readUploadForm(request: Request, limits: MediaLimits): Promise<FormData> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(contentType)) {
    throw new AppError("INVALID", 'Send the picture as a multipart/form-data upload with a "file" field.', { reason: "not-multipart" });
  }
  const cap = limits.maxBytes + FORM_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length"));
  if (declared > cap) throw tooLarge(declared, limits);
  if (!request.body) throw new AppError("INVALID", "The upload was empty.", { reason: "empty" });
  const body = await readCapped(request.body, cap, (bytes) => tooLarge(bytes, limits));
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("INVALID", "The upload arrived incomplete or malformed; try again.", { reason: "damaged" });
  }
}
