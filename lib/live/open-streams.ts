// The live event streams open in this process (lib/live/stream.ts), so a server that is shutting
// down can end them at once: a stream never finishes by itself, and each one would otherwise hold
// the shutdown for its whole timeout (scripts/server.ts). Browsers reconnect with Last-Event-ID,
// to another instance or to this one once it is back. On globalThis: the server script and the
// Next.js bundle load this module separately in one process. No imports, so the server script can
// load it without the data layer.
declare global {
  var pressboxLiveStreams: Set<() => void> | undefined;
}
const open = (globalThis.pressboxLiveStreams ??= new Set());

// Returns the function to call when the stream closes by itself.
export function registerLiveStream(close: () => void): () => void {
  open.add(close);
  return () => open.delete(close);
}

export function endLiveStreams(): number {
  const closes = [...open];
  open.clear();
  for (const close of closes) close();
  return closes.length;
}

// For the metrics (lib/observability/metrics.ts).
export function openLiveStreamCount(): number {
  return open.size;
}
