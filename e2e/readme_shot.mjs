// The README's screenshot: the dashboard on a store of the seed pages, the
// RUS–SYR edge clicked and its event opened to its evidence.
// Usage: node e2e/readme_shot.mjs URL OUT.png   (serve a store of the seeds first)
import { launchChromium } from './browser.mjs';

const [url, out] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node readme_shot.mjs URL OUT.png');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.dyad && window.dyad.ready);
  await page.evaluate(() => window.dyad.ready);
  const p = await page.evaluate(() => window.dyad.edgePoint('RUS', 'SYR'));
  if (!p) throw new Error('no RUS–SYR edge in the graph');
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => document.querySelectorAll('#events-body tr.ev').length > 0);
  await page.click('#events-body tr.ev');
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
