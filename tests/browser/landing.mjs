// Landing on a citation, as a reader on a phone does: a citation link on an item page
// opens its source at the cited paragraph. The paragraph must be in view below the
// source's sticky bar, its cited words marked differently from other highlights, the
// source's title and reliability in view, and linked names inside highlights seamless.
// Usage: node landing.mjs SITE_DIR [SHOTS_DIR]   (exit 1 on findings)
import { resolve, join } from "node:path";
import { mkdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { fail, findings, launch } from "./harness.mjs";

const site = resolve(process.argv[2]);
const shots = process.argv[3] ? resolve(process.argv[3]) : null;
const url = (p) => pathToFileURL(join(site, p)).href;

const browser = await launch();

// The first citation, on the pillar pages in order, that lands below the article's top
// (paragraph 3 or later), so landing means scrolling.
async function pickCitation(page) {
  await page.goto(url("pillars/index.html"));
  const pillars = await page.$$eval("main ol.cards li > a, main .entries a", (as) => as.map((a) => a.href));
  for (const p of pillars) {
    await page.goto(p);
    const hrefs = await page.$$eval("a.cite", (as) => as.map((a) => a.getAttribute("href")));
    const href = hrefs.find((h) => Number((h.match(/#p(\d+)$/) || [])[1]) >= 3);
    if (href) { return { from: p, href }; }
  }
  return null;
}

async function land(width, height, scheme) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on("pageerror", (e) => fail(`script error on ${page.url()}: ${e.message}`));
  const pick = await pickCitation(page);
  if (!pick) { fail("no citation to a paragraph past the second on any pillar page"); await context.close(); return; }
  await page.goto(pick.from);
  const link = page.locator(`a.cite[href="${pick.href}"]`).first();
  await link.scrollIntoViewIfNeeded();
  await Promise.all([page.waitForURL((u) => u.hash.startsWith("#p")), link.click()]);
  await page.waitForTimeout(300);
  const at = `${width}px ${scheme}, ${pick.href}`;
  const m = await page.evaluate(() => {
    const box = (el) => { if (!el) { return null; } const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height, width: r.width }; };
    const target = document.querySelector(".para:target");
    const bar = document.querySelector(".source-bar");
    const title = document.querySelector(".source-bar-title");
    const rel = document.querySelector(".source-bar-rel");
    const style = (el) => { if (!el) { return null; } const s = getComputedStyle(el); return [s.backgroundColor, s.boxShadow, s.outlineStyle, s.outlineWidth].join(" "); };
    const shown = (el) => { const b = box(el); return !!b && b.width > 0 && b.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
    // Not hidden under something else: the element is what the browser hits at its middle.
    const onTop = (el) => { const r = el.getBoundingClientRect(); const hit = document.elementFromPoint(Math.min(r.left + 8, innerWidth - 1), r.top + r.height / 2); return !!hit && el.contains(hit); };
    const marks = [...document.querySelectorAll(".article mark")];
    return {
      id: target && target.id,
      para: box(target),
      viewport: innerHeight,
      bar: box(bar),
      targetMark: style(target && target.querySelector("mark")),
      otherMark: style(document.querySelector(".article .para:not(:target) mark")),
      h1: document.querySelector("h1").textContent.trim(),
      title: title && title.textContent.trim(),
      titleSeen: !!title && shown(title) && onTop(title) && box(title).top >= 0 && box(title).bottom <= innerHeight,
      rel: rel && rel.textContent.trim(),
      relSeen: !!rel && shown(rel) && onTop(rel) && box(rel).top >= 0 && box(rel).bottom <= innerHeight,
      // The seams that put gaps around names: a mark inside a link, or a link inside a
      // mark with its own padding or margin.
      markInLink: document.querySelectorAll(".article a > mark").length,
      paddedLinks: [...document.querySelectorAll(".article mark a")].filter((a) => { const s = getComputedStyle(a); return s.paddingLeft !== "0px" || s.paddingRight !== "0px" || s.marginLeft !== "0px" || s.marginRight !== "0px"; }).length,
      linksInMarks: document.querySelectorAll(".article mark a").length,
      marks: marks.length,
    };
  });
  const expected = pick.href.split("#")[1];
  if (m.id !== expected) { fail(`${at}: landed on #${m.id}, not #${expected}`); }
  if (m.para && m.bar) {
    if (m.para.top < m.bar.bottom - 1) { fail(`${at}: paragraph top ${m.para.top} is under the source bar (bottom ${m.bar.bottom})`); }
    const room = m.viewport - m.bar.bottom;
    if (m.para.height <= room && m.para.bottom > m.viewport + 1) { fail(`${at}: paragraph bottom ${m.para.bottom} below the viewport (${m.viewport})`); }
    if (m.para.top > m.viewport) { fail(`${at}: paragraph not in view`); }
  } else { fail(`${at}: no targeted paragraph or no source bar`); }
  if (!m.targetMark || !m.otherMark) { fail(`${at}: no cited words marked in the target (${m.targetMark}) or elsewhere (${m.otherMark})`); }
  else if (m.targetMark === m.otherMark) { fail(`${at}: the cited words look like every other highlight (${m.targetMark})`); }
  if (m.title !== m.h1 || !m.titleSeen) { fail(`${at}: the source's title is not in view (${m.title})`); }
  if (!m.rel || !m.rel.startsWith("Reliability:") || m.rel.length < 20 || !m.relSeen) { fail(`${at}: the reliability note is not in view (${m.rel})`); }
  if (m.markInLink > 0 || m.paddedLinks > 0) { fail(`${at}: ${m.markInLink} highlights split by links, ${m.paddedLinks} padded links in highlights`); }
  console.log(`${at}: paragraph ${Math.round(m.para?.top)}..${Math.round(m.para?.bottom)} of ${m.viewport}, bar to ${Math.round(m.bar?.bottom)}; target mark [${m.targetMark}] vs [${m.otherMark}]; ${m.linksInMarks} names linked inside ${m.marks} highlights`);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `landing-${width}-${scheme}.png`) });
    await page.locator("section:has(> #cited-by)").screenshot({ path: join(shots, `citedby-${width}-${scheme}.png`) });
    // The citing page at the claim a "Cited by" row links to.
    const back = await page.$$eval("ol.citedby .citing a", (as) => as.map((a) => a.href).find((h) => /#c-/.test(h)));
    if (back) {
      await page.goto(back);
      await page.waitForTimeout(200);
      const claim = await page.evaluate(() => { const t = document.querySelector(":target"); return t ? [t.tagName, t.className, Math.round(t.getBoundingClientRect().top)] : null; });
      if (!claim) { fail(`${at}: "Cited by" link ${back} lands on no element`); }
      await page.screenshot({ path: join(shots, `claim-${width}-${scheme}.png`) });
    }
  }
  await context.close();
}

for (const scheme of ["light", "dark"]) {
  await land(360, 740, scheme);
  await land(1440, 900, scheme);
}
await browser.close();
if (findings.length) { console.error(`${findings.length} landing findings`); process.exit(1); }
console.log("landing checks passed");
