// `dossier serve` in a real browser: open a served page, save a content file, and time
// until the page has reloaded by itself showing the new text.
// Usage: node reload.mjs URL FILE OLD NEW   (prints the milliseconds; exit 1 on failure)
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "playwright-core";

const [url, file, oldText, newText] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url, { waitUntil: "load" });
  if (!(await page.content()).includes(oldText)) throw new Error(`page lacks "${oldText}" before the save`);
  const reloaded = page.waitForEvent("load", { timeout: 15000 });
  const saved = Date.now();
  writeFileSync(file, readFileSync(file, "utf8").replace(oldText, newText));
  await reloaded;
  const took = Date.now() - saved;
  if (!(await page.content()).includes(newText)) throw new Error(`page lacks "${newText}" after the reload`);
  if (errors.length) throw new Error("console errors: " + errors.join("; "));
  console.log(took);
} catch (e) {
  console.error("FAIL: " + e.message);
  failed = true;
}
await browser.close();
process.exit(failed ? 1 : 0);
