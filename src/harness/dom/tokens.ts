// Stripe's design tokens as the Dashboard resolves them for the `css` prop, close enough
// for the harness to look like the drawer and for layout bugs to show.
export const space: Record<string, number> = {
  xxsmall: 2,
  xsmall: 4,
  small: 8,
  medium: 16,
  large: 24,
  xlarge: 32,
  xxlarge: 48,
};

export const textColor: Record<string, string> = {
  brand: "#635bff",
  primary: "#353a44",
  secondary: "#596171",
  disabled: "#a3acba",
  info: "#0055bc",
  success: "#217005",
  attention: "#b13600",
  critical: "#c0123c",
};

export const background: Record<string, string> = { container: "#f6f8fa", surface: "#ffffff" };

export const borderColor: Record<string, string> = { neutral: "#d8dee4", critical: "#c0123c" };

export const radius: Record<string, string> = {
  none: "0",
  xsmall: "2px",
  small: "4px",
  medium: "6px",
  large: "10px",
  rounded: "9999px",
};

export const shadow: Record<string, string> = {
  none: "none",
  base: "0 2px 5px rgba(48,49,61,.08), 0 1px 1px rgba(0,0,0,.12)",
  top: "0 -1px 3px rgba(48,49,61,.1)",
  hover: "0 3px 6px rgba(48,49,61,.12), 0 1px 2px rgba(0,0,0,.12)",
  focus: "0 0 0 4px rgba(1,150,237,.36)",
};

export const font: Record<string, { fontSize: number; lineHeight: string; fontWeight: number; textTransform?: "uppercase"; color?: string }> = {
  title: { fontSize: 20, lineHeight: "28px", fontWeight: 700 },
  subtitle: { fontSize: 16, lineHeight: "24px", fontWeight: 700 },
  heading: { fontSize: 16, lineHeight: "24px", fontWeight: 600 },
  subheading: { fontSize: 14, lineHeight: "20px", fontWeight: 600 },
  kicker: { fontSize: 11, lineHeight: "16px", fontWeight: 600, textTransform: "uppercase" },
  lead: { fontSize: 16, lineHeight: "24px", fontWeight: 400 },
  body: { fontSize: 14, lineHeight: "20px", fontWeight: 400 },
  bodyEmphasized: { fontSize: 14, lineHeight: "20px", fontWeight: 600 },
  caption: { fontSize: 12, lineHeight: "16px", fontWeight: 400 },
};
