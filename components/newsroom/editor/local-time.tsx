// A moment as the editor's time fields read it: in this browser's time zone (the zone the
// datetime-local inputs use), spelled out and with the zone named, so "8/12" is never ambiguous:
// "8 December 2026 at 14:00 UTC". The server renders it in its own zone first; the browser's
// wins, so the mismatch warning is expected here and only here.
const format = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

export function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {format(iso)}
    </time>
  );
}
