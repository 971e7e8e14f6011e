// Which Fluent theme the pane wears: Windows high contrast first, then Office's own theme on the
// desktop (its body colour says dark or light), then the browser's colour scheme on the web.
// The light theme is in the first download; dark and high contrast come as a small chunk when used.
import { webLightTheme, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";

export type ThemeKind = "light" | "dark" | "highContrast";

/** Office's theme, when the pane runs in Office: dark when its body colour is dark. */
export function officeIsDark(): boolean | undefined {
  if (typeof Office === "undefined") return undefined;
  const theme = Office.context?.officeTheme;
  if (!theme) return undefined;
  const flag = (theme as { isDarkTheme?: unknown }).isDarkTheme;
  if (typeof flag === "boolean") return flag;
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.bodyBackgroundColor ?? "");
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

const media = (query: string) =>
  typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia(query)
    : undefined;

export function themeKind(): ThemeKind {
  if (media("(forced-colors: active)")?.matches) return "highContrast";
  const office = officeIsDark();
  if (office !== undefined) return office ? "dark" : "light";
  return media("(prefers-color-scheme: dark)")?.matches ? "dark" : "light";
}

/** The theme for now, following the system's changes while the pane is open. */
export function usePaneTheme(): Theme {
  const [kind, setKind] = useState<ThemeKind>(themeKind);
  const [theme, setTheme] = useState<Theme>(webLightTheme);

  useEffect(() => {
    const queries = ["(forced-colors: active)", "(prefers-color-scheme: dark)"].map(media);
    const update = () => setKind(themeKind());
    for (const q of queries) q?.addEventListener?.("change", update);
    return () => {
      for (const q of queries) q?.removeEventListener?.("change", update);
    };
  }, []);

  useEffect(() => {
    let current = true;
    if (kind === "light") setTheme(webLightTheme);
    else
      void import("./darkThemes").then(
        (m) => {
          if (current) setTheme(kind === "dark" ? m.webDarkTheme : m.teamsHighContrastTheme);
        },
        // Without the chunk the pane stays light, and usable.
        () => undefined,
      );
    return () => {
      current = false;
    };
  }, [kind]);

  return theme;
}
