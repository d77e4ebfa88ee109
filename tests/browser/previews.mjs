// Link previews, the right column and the 404 page in Chromium over file://.
// At 360 px: focusing or pointing at links to items of every kind shows a preview that
// names the item, shows no item id and no markup, and lies wholly inside the viewport
// (a link at the right edge and one at the bottom included); Escape closes it. At
// 1440 px: an item page's "On this page" stands in a right column, with links. And
// 404.html, served at a nested address, finds its stylesheet and the site's root.
// Usage: node previews.mjs SITE_DIR   (prints what it saw; exit 1 on findings)
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { fail, findings, launch } from "./harness.mjs";

const site = resolve(process.argv[2]);
const url = (p) => pathToFileURL(join(site, p)).href;

// Every item's address and id, from the build's own preview data.
const data = JSON.parse(readFileSync(join(site, "static/preview-data.js"), "utf8").replace(/^window\.DossierPreviews = /, "").replace(/;\s*$/, ""));
const ids = Object.keys(data).map((k) => k.replace(/^.*\/|\.html$/g, ""));
// An id shown as text: any item id with a hyphen (single words like "france" are names too).
const idLike = (text) => ids.filter((id) => id.includes("-") && new RegExp(`(^|[^\\w-])${id}([^\\w-]|$)`).test(text));

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
page.on("console", (m) => { if (m.type() === "error") { fail(`console error on ${page.url()}: ${m.text()}`); } });

// The preview now on screen: its text and box, or null after a wait.
async function preview() {
  const box = await page.waitForSelector("#link-preview:not([hidden])", { timeout: 3000 }).catch(() => null);
  if (!box) { return null; }
  return page.$eval("#link-preview", (el) => {
    const r = el.getBoundingClientRect();
    return { text: el.textContent, html: el.innerHTML, left: r.left, right: r.right, top: r.top, bottom: r.bottom,
             vw: document.documentElement.clientWidth, vh: document.documentElement.clientHeight };
  });
}

function judge(p, what, target) {
  if (!p) { fail(`${what}: no preview`); return; }
  const title = data[target] && data[target][0];
  console.log(`${what}: "${p.text.slice(0, 90)}…" at ${Math.round(p.left)}-${Math.round(p.right)} x ${Math.round(p.top)}-${Math.round(p.bottom)} in ${p.vw}x${p.vh}`);
  if (!title || !p.text.includes(title)) { fail(`${what}: preview does not name ${target} ("${title}")`); }
  const shown = idLike(p.text);
  if (shown.length) { fail(`${what}: preview shows ids ${shown}`); }
  if (/<(?!\/?p[ >])/i.test(p.html) || /&lt;[a-z]/i.test(p.html)) { fail(`${what}: markup in preview: ${p.html.slice(0, 200)}`); }
  if (p.left < 0 || p.top < 0 || p.right > p.vw || p.bottom > p.vh) { fail(`${what}: preview leaves the viewport`); }
}

// Links in the page's main text to item pages of `kind` (a folder), citations aside.
async function links(path, kind) {
  await page.goto(url(path));
  return page.$$eval(`main a[href*="${kind}/"]`, (as, k) => as
    .filter((a) => !a.closest(".cite-wrap") && !a.closest("svg") && !a.closest("details:not([open])") && new RegExp(`(^|/)${k}/[^/]+\\.html`).test(a.getAttribute("href")) && !/index\.html/.test(a.getAttribute("href")))
    .map((a, i) => { a.setAttribute("data-t", String(i)); return a.getAttribute("data-t"); }), kind);
}

const rootUrl = url("index.html").replace(/index\.html$/, "");
function target(href) { return new URL(href, page.url()).href.slice(rootUrl.length).replace(/[#?].*$/, ""); }

// One link of each kind, focused from the keyboard's side (focus), on pages that link them.
const tried = [];
for (const [path, kind] of [["index.html", "pillars"], ["index.html", "questions"], ["pillars/index.html", "pillars"],
  ["events/index.html", "events"], ["figures/index.html", "figures"], ["sources/index.html", "sources"]]) {
  const found = await links(path, kind);
  if (!found.length) { continue; }
  const a = `a[data-t="${found[0]}"]`;
  const href = await page.$eval(a, (el) => el.href);
  await page.focus(a);
  judge(await preview(), `focus ${kind} link on ${path}`, target(href));
  await page.keyboard.press("Escape");
  if (await page.$("#link-preview:not([hidden])")) { fail(`Escape leaves the preview open on ${path}`); }
  tried.push(kind);
}
// Actors: named in running text, hovered with the pointer. First the link that reaches
// nearest the right edge of any page (a preview opened there must not run off it), then
// one scrolled to the foot of the screen (its preview must open above it).
{
  const pages = Object.keys(data).filter((k) => /^(pillars|sources|questions)\//.test(k));
  let best = null;
  for (const path of pages) {
    const found = await links(path, "actors");
    if (!found.length) { continue; }
    const right = await page.$$eval("a[data-t]", (as) => {
      const w = document.documentElement.clientWidth;
      let t = null, edge = -1;
      for (const a of as) {
        for (const r of a.getClientRects()) { if (r.width > 0 && r.right <= w && r.right > edge) { edge = r.right; t = a.getAttribute("data-t"); } }
      }
      return { t, edge };
    });
    if (!best || right.edge > best.edge) { best = { path, t: right.t, edge: right.edge, count: found.length }; }
    if (best.edge > 330) { break; }
  }
  if (!best) { fail("no page with actor links found"); }
  else {
    if (best.edge < 300) { fail(`no actor link reaches the right edge (nearest ends at ${best.edge} px)`); }
    await links(best.path, "actors");
    const sel = `a[data-t="${best.t}"]`;
    const href = await page.$eval(sel, (el) => el.href);
    await page.$eval(sel, (el) => el.scrollIntoView({ block: "center" }));
    const rects = await page.$eval(sel, (el) => [...el.getClientRects()].map((r) => ({ x: r.right - 3, y: (r.top + r.bottom) / 2 })));
    const at = rects.reduce((a, b) => (b.x > a.x ? b : a));
    await page.mouse.move(at.x, at.y);
    judge(await preview(), `hover actor link at the right edge (ends at ${Math.round(best.edge)} px) on ${best.path}`, target(href));
    await page.mouse.move(1, 1);

    const low = `a[data-t="${best.count - 1}"]`;
    const lowHref = await page.$eval(low, (el) => el.href);
    await page.$eval(low, (el) => el.scrollIntoView({ block: "end" }));
    const r = await page.$eval(low, (el) => { const r = el.getClientRects()[0]; return { x: r.left + 2, y: r.top + r.height / 2, top: r.top }; });
    await page.mouse.move(r.x, r.y);
    const p = await preview();
    judge(p, `hover actor link at the foot of the screen on ${best.path}`, target(lowHref));
    if (p && p.bottom > r.top + 1) { fail(`preview of a link at the screen's foot is not above it (${p.bottom} > ${r.top})`); }
    await page.mouse.move(1, 1);
    tried.push("actors");
  }
}
if (tried.length < 5) { fail(`previews tried for only ${tried.length} kinds: ${tried}`); }

// The right column at 1440 px on an item page with an "On this page".
{
  await page.setViewportSize({ width: 1440, height: 900 });
  const path = Object.keys(data).find((k) => k.startsWith("pillars/"));
  await page.goto(url(path));
  const col = await page.$eval(".toc.onpage", (el) => {
    const r = el.getBoundingClientRect(), text = document.querySelector("main h1").getBoundingClientRect();
    const s = getComputedStyle(el);
    return { left: r.left, right: r.right, top: r.top, width: r.width, height: r.height, links: el.querySelectorAll("a[href^='#']").length,
             visible: s.display !== "none" && s.visibility !== "hidden", textLeft: text.left, position: s.position };
  }).catch(() => null);
  console.log(`right column on ${path}: ${JSON.stringify(col)}`);
  if (!col || !col.visible || col.width < 100 || col.height < 40) { fail(`no visible right column on ${path}`); }
  else {
    if (col.left < 1440 * 0.6) { fail(`"On this page" is not in the right third (left ${col.left})`); }
    if (col.links < 2) { fail(`right column has ${col.links} links`); }
    if (col.position !== "sticky") { fail(`right column is not sticky (${col.position})`); }
  }
}

// The map's nodes are SVG links to items: they preview too.
{
  await page.goto(url("map.html"));
  const node = await page.$("svg a.node-pillar");
  if (!node) { fail("map: no pillar node"); }
  else {
    const href = await node.evaluate((a) => new URL(a.getAttribute("href"), location.href).href);
    await node.hover();
    judge(await preview(), "hover a pillar on the map", target(href));
    await page.mouse.move(1, 1);
  }
}

// 404.html served for a missing page one folder down: styled, and its links reach the root.
{
  const missing = join(site, "actors", "no-such-page-previews-test.html");
  copyFileSync(join(site, "404.html"), missing);
  try {
    await page.goto(pathToFileURL(missing).href);
    const r = await page.evaluate(() => ({
      home: [...document.querySelectorAll("main a")].map((a) => a.href)[0],
      style: getComputedStyle(document.querySelector(".masthead")).display,
    }));
    console.log(`404 one folder down: ${JSON.stringify(r)}`);
    if (r.home !== url("index.html")) { fail(`404 one folder down links to ${r.home}, not ${url("index.html")}`); }
    if (r.style !== "flex") { fail("404 one folder down is unstyled"); }
  } finally {
    rmSync(missing);
  }
}

await browser.close();
if (findings.length) { console.error(`${findings.length} finding(s)`); process.exit(1); }
console.log("preview checks passed");
