import localFont from "next/font/local";

// The GC Design System's fonts, self-hosted from @gcds-core/fonts (nothing loads from elsewhere).
export const notoSans = localFont({
  variable: "--font-noto-sans",
  display: "swap",
  src: [
    { path: "../node_modules/@gcds-core/fonts/fonts/noto-sans/gcds-noto-sans-regular.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/@gcds-core/fonts/fonts/noto-sans/gcds-noto-sans-regular-italic.woff2", weight: "400", style: "italic" },
    { path: "../node_modules/@gcds-core/fonts/fonts/noto-sans/gcds-noto-sans-semibold.woff2", weight: "600", style: "normal" },
    { path: "../node_modules/@gcds-core/fonts/fonts/noto-sans/gcds-noto-sans-bold.woff2", weight: "700", style: "normal" },
  ],
});

export const lato = localFont({
  variable: "--font-lato",
  display: "swap",
  src: [{ path: "../node_modules/@gcds-core/fonts/fonts/lato/gcds-lato.woff2", weight: "700", style: "normal" }],
});
