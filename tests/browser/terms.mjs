// The browser's folding and stemming (themes/default/static/terms.js) against the table
// the Rust index builder is tested with (tests/search_terms.txt).
// Usage: node terms.mjs   (prints "terms table passed: N rows"; exit 1 on a difference)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import vm from "node:vm";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const sandbox = {};
vm.createContext(sandbox);
vm.runInContext(readFileSync(join(repo, "themes/default/static/terms.js"), "utf8"), sandbox);
const T = sandbox.window ? sandbox.window.DossierTerms : sandbox.DossierTerms;
let rows = 0, bad = 0;
for (const line of readFileSync(join(repo, "tests/search_terms.txt"), "utf8").split("\n")) {
  if (!line.trim() || line.startsWith("#")) { continue; }
  const [text, want] = line.split("\t");
  const got = T.terms(text).join(" ");
  rows++;
  if (got !== want.trim()) { bad++; console.error(`FAIL: terms of ${JSON.stringify(text)}: got "${got}", want "${want.trim()}"`); }
}
if (bad || rows < 30) { console.error(`${bad} of ${rows} rows differ`); process.exit(1); }
console.log(`terms table passed: ${rows} rows`);
