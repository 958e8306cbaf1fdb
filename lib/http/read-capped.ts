// A request body read up to a cap and no further: the stream is cancelled and `tooLarge(bytes)`
// thrown as soon as it passes the cap, so an oversized body is never held in memory whole.
import "server-only";

export async function readCapped(body: ReadableStream<Uint8Array>, cap: number, tooLarge: (bytes: number) => Error): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
