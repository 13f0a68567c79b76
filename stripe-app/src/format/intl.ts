// Intl's formatters cost far more to build than to use (a DateTimeFormat ~0.2 ms, the
// process's first one tens of ms), and the drawer formats every row on every render: each
// (locale, options) pair is built once per frame and kept. Only date formats with an
// explicit time zone are kept: one in the user's zone would keep the zone it was built in.

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function kept<F>(formats: Map<string, F>, locale: string, options: object, build: () => F): F {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  const format = formats.get(key) ?? build();
  formats.set(key, format);
  return format;
}

/** The NumberFormat for this locale and these options, built on first use. Throws as Intl does. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return kept(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** The DateTimeFormat for this locale and these options (a fixed zone), built on first use. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  return kept(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}
