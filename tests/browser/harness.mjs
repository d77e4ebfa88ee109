// What every browser check shares: Debian's Chromium launched for a machine with no
// network, and the list of findings (each printed as it is found; a check exits 1 when
// there is any).
import { chromium } from "playwright-core";

export const findings = [];
export const fail = (what) => { findings.push(what); console.error("FAIL: " + what); };

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
}
