import type { ReactNode } from "react";

/** The plain frame shared by the install pages: they are opened from Stripe, outside the drawer. */
export function Card({ title, tone = "neutral", children }: { title: string; tone?: "neutral" | "success" | "error"; children: ReactNode }) {
  const accent = { neutral: "#635bff", success: "#1a7f37", error: "#c0123c" }[tone];
  return (
    <main style={{ maxWidth: 560, margin: "48px auto", padding: "0 16px", lineHeight: 1.5, color: "#1a1f36" }}>
      <section style={{ border: "1px solid #e3e8ee", borderTop: `4px solid ${accent}`, borderRadius: 8, padding: "24px 28px" }}>
        <h1 style={{ fontSize: 22, margin: "0 0 12px" }}>{title}</h1>
        {children}
      </section>
    </main>
  );
}

export const buttonStyle = {
  background: "#635bff",
  color: "#fff",
  border: 0,
  borderRadius: 6,
  padding: "8px 16px",
  fontSize: 15,
  cursor: "pointer",
  textDecoration: "none",
  display: "inline-block",
} as const;
