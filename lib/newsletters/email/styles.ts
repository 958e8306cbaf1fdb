// The edition email's inline styles (mail clients drop <style> blocks and class names): one
// column, system fonts, dark text on white, links underlined so they read as links without colour.
import type { CSSProperties } from "react";

const font = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const emailStyles = {
  body: { backgroundColor: "#f3f4f6", margin: 0, padding: "24px 0", fontFamily: font, color: "#111827" },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", margin: "0 auto", padding: "24px" },
  masthead: { fontSize: "28px", lineHeight: "34px", margin: "0 0 4px", fontWeight: 700 },
  date: { fontSize: "14px", color: "#4b5563", margin: "0 0 16px" },
  intro: { fontSize: "16px", lineHeight: "24px", margin: "0 0 12px" },
  heading: { fontSize: "13px", letterSpacing: "0.08em", textTransform: "uppercase", color: "#b91c1c", margin: "24px 0 8px", fontWeight: 700 },
  kicker: { fontSize: "13px", fontWeight: 700, color: "#b91c1c", margin: "12px 0 2px" },
  leadHeadline: { fontSize: "24px", lineHeight: "30px", margin: "4px 0 6px", fontWeight: 700 },
  headline: { fontSize: "18px", lineHeight: "24px", margin: "2px 0 4px", fontWeight: 700 },
  headlineLink: { color: "#111827", textDecoration: "underline" },
  standfirst: { fontSize: "15px", lineHeight: "22px", color: "#374151", margin: "0 0 12px" },
  image: { display: "block", width: "100%", maxWidth: "552px", height: "auto", border: 0 },
  credit: { fontSize: "12px", color: "#4b5563", margin: "4px 0 8px" },
  rule: { borderColor: "#e5e7eb", margin: "24px 0" },
  footer: { fontSize: "13px", lineHeight: "20px", color: "#4b5563", margin: "0 0 8px" },
  footerLink: { color: "#1f2937", textDecoration: "underline" },
} satisfies Record<string, CSSProperties>;
