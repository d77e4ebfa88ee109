// What a search costs a reader: the search page of a built site opened from file:// in
// Chromium, a query typed key by key, and for each query the bytes of every script the
// page fetched (the page's own scripts, the manifest, the shards) and the time from the
// first key to the first result shown.
// Usage: node benches/search.mjs SITE_DIR [QUERY...]
//   (default queries: a common word, a rarer word, two words; prints one line per query
//    and a last line `search: BYTES_MAX TIME_MAX_MS` for benches/run.sh)
// Needs playwright-core (tests/browser/node_modules) and Chromium ($CHROMIUM or /usr/bin/chromium).
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { statSync } from "node:fs";
import { createRequire } from "node:module";

const here = new URL(".", import.meta.url).pathname;
const require = createRequire(join(here, "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const site = resolve(process.argv[2] || ".");
const queries = process.argv.length > 3 ? process.argv.slice(3) : ["security", "ceasefire monitoring", "guarantees"];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
});
let worst = { bytes: 0, ms: 0 };
for (const query of queries) {
  // A new context per query: nothing cached from the one before.
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Map();
  page.on("requestfinished", (r) => {
    const u = r.url();
    if (!u.startsWith("file:") || !u.endsWith(".js")) { return; }
    // file:// responses carry no sizes in Chromium: read them from disk.
    try { fetched.set(u, statSync(new URL(u)).size); } catch { /* gone */ }
  });
  await page.goto(pathToFileURL(join(site, "search.html")).href, { waitUntil: "load" });
  const before = [...fetched.values()].reduce((a, b) => a + b, 0);
  await page.focus("#search-page-input");
  const start = Date.now();
  await page.keyboard.type(query, { delay: 40 });
  const typed = Date.now();
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q)
    && document.querySelector("#search-results li"), query, { timeout: 60000, polling: "raf" });
  // Time from the last key (the query complete) to its results, and from the first key.
  const done = Date.now();
  const results = await page.$$eval("#search-results li", (l) => l.length);
  const status = await page.textContent("#search-status");
  const bytes = [...fetched.values()].reduce((a, b) => a + b, 0);
  const shards = [...fetched.keys()].filter((u) => u.includes("/static/search/")).length;
  console.log(`"${query}": ${(bytes / 1024).toFixed(0)} KiB in ${fetched.size} scripts (page ${(before / 1024).toFixed(0)} KiB, ${shards} shards); results ${done - typed} ms after the last key, ${done - start} ms after the first; ${results} shown, ${status}`);
  worst = { bytes: Math.max(worst.bytes, bytes), ms: Math.max(worst.ms, done - typed) };
  await context.close();
}
await browser.close();
console.log(`search: ${worst.bytes} ${worst.ms}`);
