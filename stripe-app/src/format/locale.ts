/**
 * The Dashboard user's locale (`userContext.locale`) if Intl knows it, else US English.
 * Intl throws a RangeError on a malformed tag; a drawer must not.
 */
export function resolveLocale(tag: string | undefined): string {
  if (tag === undefined) return "en-US";
  let resolved = resolvedTags.get(tag);
  if (resolved === undefined) {
    resolved = supported(tag) ? tag : "en-US";
    resolvedTags.set(tag, resolved);
  }
  return resolved;
}

// Every render of a view resolves the user's locale; Intl's answer is asked once per tag.
const resolvedTags = new Map<string, string>();

function supported(tag: string): boolean {
  try {
    return tag !== "" && Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}
