// Dates as a sports desk writes them, in the newsroom's time zone (NEWSROOM_TIME_ZONE, default UTC).
const timeZone = process.env.NEWSROOM_TIME_ZONE ?? "UTC";

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone,
  timeZoneName: "short",
});

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone });

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone });

// A live entry's time: "15:42", in the newsroom's time zone.
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}
