import localFont from "next/font/local";

// Self-hosted from the npm package: no request ever leaves for a font service.
export const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});
