// The search page in Chromium over file://: a name typed with or without its accents
// finds the same pages, a word finds pages that use another form of it, and the page a
// result opens marks the query's words.
// Usage: node search.mjs SITE_DIR   (prints what each query finds; exit 1 on findings)
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { fail, findings, launch } from "./harness.mjs";

const site = resolve(process.argv[2]);
const url = (p) => pathToFileURL(join(site, p)).href;

const browser = await launch();
const page = await browser.newPage();
// Scripts fetched from the search index's shards (static/search/...), in order.
const shardsLoaded = [];
page.on("request", (r) => { if (r.url().includes("/static/search/")) { shardsLoaded.push(r.url()); } });
page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
page.on("console", (m) => { if (m.type() === "error") { fail(`console error on ${page.url()}: ${m.text()}`); } });

// Types `query` into the search page's box; returns the results' links without the query part.
async function results(query) {
  await page.goto(url("search.html"));
  await page.fill("#search-page-input", "");
  await page.type("#search-page-input", query);
  await page.waitForFunction((q) => document.getElementById("search-status").textContent.includes(q), query, { timeout: 5000 })
    .catch(() => fail(`no status for "${query}"`));
  const hrefs = await page.$$eval("#search-results li > a", (as) => as.map((a) => a.getAttribute("href")));
  const marks = await page.$$eval("#search-results mark", (ms) => ms.map((m) => m.textContent));
  console.log(`"${query}": ${hrefs.length} results; marked ${JSON.stringify([...new Set(marks)].slice(0, 6))}`);
  return { hrefs, marks, pages: hrefs.map((h) => h.replace(/[?#].*/, "")) };
}

// The search page loads only the manifest; a search loads only the shards it needs.
{
  await page.goto(url("search.html"));
  await page.waitForLoadState("load");
  if (shardsLoaded.length) { fail(`the search page loaded shards before any search: ${shardsLoaded}`); }
}
const accented = await results("Türkiye");
{
  const { readdirSync } = await import("node:fs");
  const all = readdirSync(join(site, "static/search/t")).length + readdirSync(join(site, "static/search/d")).length;
  console.log(`"Türkiye" loaded ${new Set(shardsLoaded).size} of ${all} shards`);
  if (!shardsLoaded.length || new Set(shardsLoaded).size >= all) { fail(`a search loaded ${new Set(shardsLoaded).size} of ${all} shards`); }
}
// Past the first ten, "More results" shows the next ones.
{
  const total = parseInt(await page.textContent("#search-status"), 10);
  const shown = accented.hrefs.length;
  if (total > shown) {
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#search-results li").length > n, shown, { timeout: 5000 })
      .catch(() => fail(`"More results" showed nothing past ${shown} of ${total}`));
    console.log(`more results: ${await page.$$eval("#search-results li", (l) => l.length)} of ${total}`);
  } else if (shown > 10) { fail(`${shown} results shown at once`); }
}
const plain = await results("Turkiye");
if (accented.hrefs.length < 3) { fail(`"Türkiye" finds ${accented.hrefs.length} pages`); }
if (JSON.stringify(accented.pages) !== JSON.stringify(plain.pages)) { fail(`"Türkiye" and "Turkiye" differ:\n${accented.pages}\n${plain.pages}`); }
if (!plain.marks.includes("Türkiye")) { fail(`"Turkiye" does not mark "Türkiye" in snippets (${plain.marks.slice(0, 5)})`); }

const ratified = await results("ratified");
const ratification = await results("ratification");
if (JSON.stringify(ratified.pages) !== JSON.stringify(ratification.pages)) { fail(`"ratified" and "ratification" differ`); }
if (!ratified.marks.some((m) => /^ratification$/i.test(m))) { fail(`"ratified" marks no "ratification" (${ratified.marks.slice(0, 5)})`); }

const alias = await results("Zelenskiy");
const canonical = await results("Zelenskyy");
const sources = (r) => [...r.pages].sort().join(" ");
if (!sources(alias) || sources(alias) !== sources(canonical)) { fail(`"Zelenskiy" and "Zelenskyy" find other pages:\n${sources(alias)}\n${sources(canonical)}`); }

// Follow a result found through another word form: the page marks the matching words.
{
  await results("ratified");
  const link = await page.$$eval("#search-results li > a", (as) => as.map((a) => a.getAttribute("href")).find((h) => !/treaty-or-agreement/.test(h)));
  if (!link || !link.includes("?q=ratified")) { fail(`result link carries no query: ${link}`); }
  else {
    await page.click(`#search-results li > a[href="${link}"]`);
    await page.waitForSelector("main mark.hit", { timeout: 5000 }).catch(() => fail(`no words marked on ${page.url()}`));
    const hits = await page.$$eval("main mark.hit", (ms) => ms.map((m) => m.textContent.toLowerCase()));
    console.log(`opened ${link}: marked ${JSON.stringify([...new Set(hits)])}`);
    if (!hits.some((h) => h.startsWith("ratif"))) { fail(`opened page marks ${hits}`); }
  }
}
await browser.close();
if (findings.length) { console.error(`${findings.length} finding(s)`); process.exit(1); }
console.log("search checks passed");
