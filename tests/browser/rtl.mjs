// Right to left in Chromium: the Arabic source's text runs right to left (computed
// direction rtl, text aligned right), and a list row with an Arabic title keeps its
// date after the title (the <bdi> isolates the title).
// Usage: node rtl.mjs SITE_DIR   (prints "rtl checks passed"; exit 1 on findings)
import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { fail, findings, launch } from "./harness.mjs";

const site = resolve(process.argv[2]);
const url = (p) => pathToFileURL(join(site, p)).href;

const browser = await launch();
const page = await browser.newPage();

await page.goto(url("sources/cairo.html"));
const para = await page.evaluate(() => {
  const p = document.querySelector("div.article p.para");
  const s = getComputedStyle(p);
  return { direction: s.direction, align: s.textAlign };
});
if (para.direction !== "rtl") { fail(`Arabic text direction is ${para.direction}`); }
if (!["right", "start", "-webkit-auto"].includes(para.align) && para.align !== "") {
  fail(`Arabic text aligned ${para.align}`);
}
console.log(`cairo: direction ${para.direction}, align ${para.align}`);

await page.goto(url("sources/index.html"));
const row = await page.evaluate(() => {
  const bdi = [...document.querySelectorAll("li a bdi")].find((b) => /[\u0600-\u06FF]/.test(b.textContent));
  if (!bdi) { return null; }
  const li = bdi.closest("li"), via = li.querySelector(".via");
  const t = bdi.getBoundingClientRect(), v = via.getBoundingClientRect();
  return { title: t.left, titleRight: t.right, via: v.left, viaText: via.textContent };
});
if (!row) { fail("no list row with an Arabic title"); }
else {
  console.log(`row: title ${row.title}-${row.titleRight}, date at ${row.via} (${row.viaText})`);
  if (!(row.via >= row.titleRight - 1)) { fail(`the date (${row.viaText}) stands before the Arabic title`); }
}
await browser.close();
if (findings.length) { process.exit(1); }
console.log("rtl checks passed");
