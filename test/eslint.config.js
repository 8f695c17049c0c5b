// Lint config (kept under test/ so the top level stays as the handbook fixes it).
import tseslint from "typescript-eslint";

const clockBan = [
  { object: "Math", property: "random", message: "The engine is deterministic: use the PRNG in match state." },
  { object: "Date", property: "now", message: "The engine has no clock: time is the tick counter." },
  { object: "performance", property: "now", message: "The engine has no clock: time is the tick counter." },
];

export default tseslint.config(
  { ignores: ["node_modules/**", "client/dist/**", "client/dist-test/**", "data/**", "test/artifacts/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", ...clockBan],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date']", message: "The engine has no clock: no new Date() in shared/." },
      ],
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "colyseus*", "@colyseus/*", "phaser", "express"] }],
    },
  },
);
