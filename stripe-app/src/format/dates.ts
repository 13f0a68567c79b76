// Timestamps arrive as ISO-8601 strings (the contract's wire format) and are shown in the
// user's own time zone with their locale's conventions.
import { dateTimeFormat } from "./intl";

/** "Nov 24, 2026" */
export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso));
}

/** "2:05 PM" */
export function formatTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: "short" }).format(new Date(iso));
}

/** "Nov 24, 2026 2:05 PM" */
export function formatDateTime(iso: string, locale: string): string {
  return `${formatDate(iso, locale)} ${formatTime(iso, locale)}`;
}

/**
 * "Nov 24": a usage graph's day label. The host buckets usage by UTC day (points at
 * 00:00Z), so the label is that UTC day, not the local day the instant falls on.
 */
export function formatDay(iso: string, locale: string): string {
  return dateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(iso));
}

/** "Dec 13": a day in the user's own time zone (a projected date, a period's end). */
export function formatMonthDay(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" }).format(new Date(iso));
}
