// Browser checks of a built dossier site, in Debian's Chromium over file://:
// axe-core on every kind of page (light and dark), search typed and followed, a citation
// followed to its highlighted paragraph, no request leaving file://, no console errors,
// and screenshots at 360 and 1440 px.
// Usage: node check.mjs SITE_DIR SCREENSHOT_DIR   (prints a summary; exit 1 on findings)
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [siteArg, shotsArg] = process.argv.slice(2);
const site = resolve(siteArg);
const shots = resolve(shotsArg || "screenshots");
mkdirSync(shots, { recursive: true });
const url = (p) => pathToFileURL(join(site, p)).href;
const findings = [];
const fail = (what) => { findings.push(what); console.error("FAIL: " + what); };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});

async function newPage(context) {
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") { fail(`console error on ${page.url()}: ${m.text()}`); } });
  page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:")) { return route.continue(); }
    fail(`network request from ${page.url()}: ${u}`);
    return route.abort();
  });
  return page;
}

function firstItem(dir) {
  const html = readFileSync(join(site, dir, "index.html"), "utf8");
  const m = html.match(/<ul class="entries">\s*<li><a href="(?:\.\.\/)?([^"#]+)"/) || html.match(/<ol class="timeline">\s*<li><time[^>]*>[^<]*<\/time> <a href="(?:\.\.\/)?([^"#]+)"/);
  return m ? m[1] : null;
}

const kinds = ["index.html", "search.html?q=security", "review.html", "print.html", "404.html", "map.html", "stands.html"];
for (const dir of ["pillars", "questions", "actors", "events", "figures", "sources"]) {
  kinds.push(`${dir}/index.html`);
  const item = firstItem(dir);
  if (item) { kinds.push(item); } else { fail(`no item found in ${dir}/index.html`); }
}

let axeRuns = 0;
for (const scheme of ["light", "dark"]) {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1440, height: 1000 } });
  const page = await newPage(context);
  for (const path of kinds) {
    await page.goto(url(path.split("?")[0]) + (path.includes("?") ? "?" + path.split("?")[1] : ""));
    await page.evaluate(axeSource);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"], preload: false }));
    axeRuns++;
    for (const v of result.violations) {
      fail(`axe ${scheme} ${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    }
  }
  await context.close();
}

// Search: type in the box of an ordinary page, land on search.html, see ranked results, follow one.
{
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await newPage(context);
  await page.goto(url("pillars/index.html"));
  await page.fill("#site-search", "Zelenskiy");
  await page.press("#site-search", "Enter");
  await page.waitForURL(/search\.html\?q=Zelenskiy/);
  await page.waitForSelector("#search-results li", { timeout: 5000 }).catch(() => fail("search: no results for Zelenskiy"));
  const marks = await page.$$eval("#search-results mark", (ms) => ms.map((m) => m.textContent.toLowerCase()));
  if (!marks.includes("zelenskiy")) { fail(`search: term not highlighted in snippets (${marks.slice(0, 5)})`); }
  // Keyboard alone: from the box, ArrowDown reaches the first result, Enter follows it.
  await page.focus("#search-page-input");
  await page.keyboard.press("ArrowDown");
  const focused = await page.evaluate(() => document.activeElement && document.activeElement.closest("#search-results") !== null);
  if (!focused) { fail("search: ArrowDown does not move focus to the results"); }
  const target = await page.evaluate(() => document.activeElement.getAttribute("href"));
  await page.keyboard.press("Enter");
  await page.waitForLoadState();
  const body = (await page.textContent("main")) || "";
  if (!/Zelenskiy/i.test(body)) { fail(`search: followed result ${target} does not contain the term`); }
  // Phrase in a source text: the hit links to its paragraph.
  await page.goto(url("search.html") + "?q=" + encodeURIComponent("contact line"));
  await page.waitForSelector("#search-results li a", { timeout: 5000 }).catch(() => fail("search: no results for 'contact line'"));
  const hrefs = await page.$$eval("#search-results li a", (as) => as.map((a) => a.getAttribute("href")));
  if (!hrefs.some((h) => /sources\/.+\.html(\?q=[^#]*)?#p\d+$/.test(h))) { fail(`search: no result links to a source paragraph (${hrefs.slice(0, 5)})`); }
  await context.close();
}

// A claim followed to its source paragraph, which is highlighted.
{
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await newPage(context);
  const pillar = firstItem("pillars");
  await page.goto(url(pillar));
  const quote = await page.textContent("ul.evidence li q");
  await page.click("ul.evidence li a.cite");
  await page.waitForLoadState();
  const hash = await page.evaluate(() => location.hash);
  if (!/^#p\d+$/.test(hash)) { fail(`citation: landed on ${hash}`); }
  const state = await page.evaluate(() => {
    const t = document.querySelector(":target");
    return t && { marks: [...t.querySelectorAll("mark")].map((m) => m.textContent), bg: getComputedStyle(t).backgroundColor };
  });
  if (!state) { fail("citation: no :target paragraph"); }
  else {
    if (!state.marks.length) { fail("citation: target paragraph has no highlighted quote"); }
    if (state.bg === "rgba(0, 0, 0, 0)") { fail("citation: target paragraph is not highlighted"); }
  }
  await context.close();
  console.log(`citation: ${pillar} -> ${hash} (quote: ${quote && quote.slice(0, 40)}...)`);
}

// Previews: hovering or focusing a citation shows its paragraph; the map's nodes are links.
{
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await newPage(context);
  await page.goto(url(firstItem("pillars")));
  const preview = page.locator("ul.evidence li .preview").first();
  if (await preview.isVisible()) { fail("preview: visible before hover"); }
  await page.hover("ul.evidence li a.cite");
  if (!(await preview.isVisible())) { fail("preview: not shown on hover"); }
  const text = (await preview.textContent()) || "";
  if (!/paragraph \d+/.test(text) || text.length < 40) { fail(`preview: no paragraph text (${text.slice(0, 60)})`); }
  await page.mouse.move(0, 0);
  await page.focus("ul.evidence li a.cite");
  if (!(await preview.isVisible())) { fail("preview: not shown on keyboard focus"); }
  await page.goto(url("map.html"));
  const nodes = await page.$$eval("svg a", (as) => as.map((a) => a.getAttribute("href")));
  if (nodes.length < 20 || !nodes.every((h) => /^(pillars|questions|actors)\/[a-z0-9-]+\.html$/.test(h))) { fail(`map: nodes are not item links (${nodes.length})`); }
  await page.click("svg a.node-pillar");
  await page.waitForLoadState();
  if (!/pillars\/[a-z0-9-]+\.html$/.test(page.url())) { fail(`map: clicking a pillar went to ${page.url()}`); }
  await context.close();
  console.log(`previews: shown on hover and focus; map: ${nodes.length} linked nodes`);
}

// Screenshots, light and dark, phone and desktop.
const sourcePage = firstItem("sources");
for (const width of [360, 1440]) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
    const page = await newPage(context);
    for (const [name, path] of [["index", "index.html"], ["source", sourcePage], ["print", "print.html"], ["map", "map.html"], ["stands", "stands.html"], ["actor", firstItem("actors")], ["pillar", firstItem("pillars")]]) {
      await page.goto(url(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 1) {
        const wide = await page.evaluate(() => [...document.querySelectorAll("main *")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 3).map((e) => e.tagName + "." + e.className));
        fail(`layout: ${path} scrolls sideways by ${overflow}px at ${width}px (${wide.join(", ")})`);
      }
      await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}.png`), fullPage: false });
    }
    await context.close();
  }
}

// Print: the print edition renders to PDF.
{
  const context = await browser.newContext();
  const page = await newPage(context);
  await page.goto(url("print.html"));
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ path: join(shots, "print.pdf"), format: "A4" });
  if (pdf.length < 10000) { fail("print: PDF suspiciously small"); }
  await context.close();
}

await browser.close();
console.log(`axe: ${axeRuns} page runs over ${kinds.length} kinds of page, light and dark; screenshots in ${shots}`);
console.log(`${findings.length === 0 ? "browser checks passed" : findings.length + " findings"}`);
process.exit(findings.length === 0 ? 0 : 1);
