/**
 * The Dashboard user's locale (`userContext.locale`) if Intl knows it, else US English.
 * Intl throws a RangeError on a malformed tag; a drawer must not.
 */
export function resolveLocale(tag: string | undefined): string {
  try {
    if (tag && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0) return tag;
  } catch {
    // fall through to the default
  }
  return "en-US";
}
