import type { Metadata } from "next";

// The app's mark as the tab icon: these pages are opened from Stripe in a tab of their own,
// and without an icon the browser asks for /favicon.ico, which this host doesn't serve.
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#635bff"/></svg>',
)}`;

/** Metadata of the install pages (connect, result, and the sandbox's Stripe stand-in). */
export function installPageMetadata(title: string): Metadata {
  return { title, icons: { icon: ICON } };
}
