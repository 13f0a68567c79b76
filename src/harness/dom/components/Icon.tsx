import { cssToStyle } from "../css";

// Outline glyphs for the icons an entitlements drawer plausibly uses (16×16 grid). Any
// other name the SDK accepts gets a neutral placeholder glyph, still labelled with its
// name, so the tree renders and tests can find it.
const GLYPHS: Record<string, string> = {
  refresh: "M13.5 8a5.5 5.5 0 1 1-1.6-3.9M12 1.5v3h-3",
  refreshCircle: "M11 8a3 3 0 1 1-.9-2.1M10.5 4v2h-2",
  arrowsLoop: "M2 8a5 5 0 0 1 9-3M14 8a5 5 0 0 1-9 3M11 2v3H8M5 14v-3h3",
  search: "M7 12.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM11 11l3.5 3.5",
  info: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 7v4.5M8 4.5v.5",
  help: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM6 6a2 2 0 1 1 2.5 2c-.4.2-.5.5-.5 1v.5M8 11.5v.5",
  external: "M9 2h5v5M14 2 7 9M12 9.5V14H2V4h4.5",
  check: "M2.5 8.5 6 12l7.5-8",
  checkmark: "M2.5 8.5 6 12l7.5-8",
  checkCircle: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5 8l2 2 4-4",
  checkCircleFilled: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5 8l2 2 4-4",
  cancel: "M3 3l10 10M13 3 3 13",
  cross: "M3 3l10 10M13 3 3 13",
  cancelCircle: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5.5 5.5l5 5M10.5 5.5l-5 5",
  clock: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 4v4l2.5 2",
  warning: "M8 1.5 15 14H1zM8 6v4M8 11.5v.5",
  warningCircle: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 4.5V9M8 11v.5",
  lightningBolt: "M9 1 3 9h4.5L7 15l6-8H8.5z",
  usage: "M2 14V9M6 14V5M10 14V7M14 14V2",
  barChart: "M2 14V9M6 14V5M10 14V7M14 14V2",
  barGraph: "M2 14V9M6 14V5M10 14V7M14 14V2",
  toggle: "M5 4h6a4 4 0 0 1 0 8H5a4 4 0 0 1 0-8zM11 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
  flag: "M3 15V2M3 2h9l-2 3.5L12 9H3",
  lock: "M4 7V5a4 4 0 0 1 8 0v2M3 7h10v7H3z",
  settings: "M8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM8 1v2M8 13v2M1 8h2M13 8h2M3 3l1.5 1.5M11.5 11.5 13 13M3 13l1.5-1.5M11.5 4.5 13 3",
  chevronRight: "M6 3l5 5-5 5",
  chevronLeft: "M10 3 5 8l5 5",
  chevronDown: "M3 6l5 5 5-5",
  chevronUp: "M3 10l5-5 5 5",
  filter: "M1.5 2.5h13l-5 6v5l-3 1.5v-6.5z",
  calendar: "M2 3.5h12v11H2zM2 7h12M5 1.5v3M11 1.5v3",
  subscription: "M2 8a6 6 0 0 1 10.5-4M14 8A6 6 0 0 1 3.5 12M12.5 1v3h-3M3.5 15v-3h3",
  recurring: "M2 8a6 6 0 0 1 10.5-4M14 8A6 6 0 0 1 3.5 12M12.5 1v3h-3M3.5 15v-3h3",
  plan: "M3 2h10v12H3zM5.5 5h5M5.5 8h5M5.5 11h3",
  document: "M3 1.5h6.5L13 5v9.5H3zM9.5 1.5V5H13",
  customer: "M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 14.5a5.5 5.5 0 0 1 11 0",
  person: "M8 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2.5 14.5a5.5 5.5 0 0 1 11 0",
  balance: "M8 2v12M3 5h10M3 5l-2 5a2 2 0 0 0 4 0zM13 5l-2 5a2 2 0 0 0 4 0zM5 14h6",
  wallet: "M2 4h11v10H2zM2 4l9-2.5V4M10 9h3",
  coupon: "M1.5 4h13v2.5a1.5 1.5 0 0 0 0 3V12h-13V9.5a1.5 1.5 0 0 0 0-3z",
  gift: "M2 6h12v3H2zM3 9h10v5.5H3zM8 6v8.5M8 6C6 2 3.5 3.5 5 6M8 6c2-4 4.5-2.5 3 0",
  sparkle: "M8 1.5 9.5 6.5 14.5 8 9.5 9.5 8 14.5 6.5 9.5 1.5 8 6.5 6.5z",
  positive: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5 8l2 2 4-4",
  negative: "M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5.5 5.5l5 5M10.5 5.5l-5 5",
  add: "M8 2v12M2 8h12",
  more: "M3 8h.5M8 8h.5M13 8h.5",
  overflow: "M3 8h.5M8 8h.5M13 8h.5",
  link: "M6.5 9.5 9.5 6.5M7 4l1-1a3 3 0 0 1 4 4l-1 1M9 12l-1 1a3 3 0 0 1-4-4l1-1",
};

const SIZE: Record<string, number> = { xsmall: 12, small: 14, medium: 16, large: 20, xlarge: 24 };

export function Icon({ name, size = "medium", css }: { name: string; size?: string; css?: Record<string, unknown> }) {
  const px = SIZE[size] ?? 16;
  const d = GLYPHS[name];
  return (
    <svg
      className="sdk-icon"
      role="img"
      aria-label={name}
      data-icon={name}
      width={px}
      height={px}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      style={cssToStyle("Icon", css)}
    >
      <title>{name}</title>
      {d ? <path d={d} /> : <rect x="3" y="3" width="10" height="10" rx="2" />}
    </svg>
  );
}
