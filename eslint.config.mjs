import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // lib/db is the only place that talks to Prisma.
    files: ["**/*.{ts,tsx}"],
    ignores: ["lib/db/**", "tests/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/generated/prisma/*", "**/generated/prisma/*", "@prisma/*"], message: "Use the functions in lib/db instead of Prisma directly." }] },
      ],
    },
  },
];

export default config;
