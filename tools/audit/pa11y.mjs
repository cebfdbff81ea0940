// pa11y (HTML_CodeSniffer, WCAG 2 AA) over pages of a served site, in one Debian chromium.
// Usage: node pa11y.mjs BASE_URL PATH... ; CHROME_PATH names the browser. Prints JSON:
// {"path": [{"code", "type", "message", "selector", "context"}...]} with errors, warnings and notices.
import pa11y from "pa11y";
import puppeteer from "puppeteer";

const [base, ...paths] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps"],
});
const out = {};
try {
  for (const path of paths) {
    const page = await browser.newPage();
    const result = await pa11y(base + path, {
      browser, page, standard: "WCAG2AA", runners: ["htmlcs"], includeWarnings: false, timeout: 60000,
    });
    out[path] = result.issues.map(({code, type, message, selector, context}) => ({code, type, message, selector, context}));
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out));
