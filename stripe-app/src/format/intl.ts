// Intl's formatters cost far more to build than to use (a DateTimeFormat ~0.2 ms, the
// process's first one tens of ms), and the drawer formats every row on every render: each
// (locale, options) pair is built once per frame and kept. Only date formats with an
// explicit time zone are kept: one in the user's zone would keep the zone it was built in.

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** The NumberFormat for this locale and these options, built on first use. Throws as Intl does. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The DateTimeFormat for this locale and these options (a fixed zone), built on first use. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions & { timeZone: string }): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateTimeFormats.set(key, format);
  }
  return format;
}
