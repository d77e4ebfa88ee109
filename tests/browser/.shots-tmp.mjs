import { resolve, join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
const site = resolve(process.argv[2]), shots = resolve(process.argv[3]);
const url = (p) => pathToFileURL(join(site, p)).href;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
for (const width of [360, 1440]) for (const scheme of ["light", "dark"]) {
  const ctx = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
  const page = await ctx.newPage();
  for (const [name, path] of [["figures", "figures/index.html"], ["figure", "figures/ukraine-army-size.html"], ["actor", "actors/macron.html"], ["pillar", "pillars/ceasefire-monitoring.html"], ["event", "events/budapest-memorandum.html"]]) {
    await page.goto(url(path));
    await page.screenshot({ path: join(shots, `${name}-${width}-${scheme}.png`) });
  }
  // a preview shown, on a source page, link near the right
  await page.goto(url("sources/nyt-relay-kiev-framework.html"));
  const a = await page.$$("a.mention");
  if (a.length > 3) { await a[3].scrollIntoViewIfNeeded(); await a[3].hover(); await page.waitForTimeout(300); }
  await page.screenshot({ path: join(shots, `preview-${width}-${scheme}.png`) });
  await ctx.close();
}
await browser.close();
