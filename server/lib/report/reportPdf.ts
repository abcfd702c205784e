import { chromium, type Browser } from 'playwright-core';
import type { InterimReport } from '@shared/logic/interimReport.ts';
import { REPORT_WORDS as W } from '@shared/logic/reportWords.ts';
import { formatPeriod } from '@shared/logic/swedishFormat.ts';
import { reportHtml } from './reportHtml.ts';

let browser: Promise<Browser> | null = null;

/** One headless Chromium for the process, started at the first PDF and started again if it died. */
function sharedBrowser(executablePath: string): Promise<Browser> {
  browser ??= chromium
    .launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // The server's own stop closes the browser once the PDFs in flight are done; Playwright's default would kill it at the signal.
      handleSIGTERM: false,
      handleSIGINT: false,
      handleSIGHUP: false,
    })
    .then((b) => {
      b.on('disconnected', () => (browser = null));
      return b;
    })
    .catch((error: unknown) => {
      browser = null;
      throw error;
    });
  return browser;
}

/**
 * The report as an A4 PDF with selectable text, tagged for screen readers, with the plan and period at
 * the top of every page and page numbers at the bottom. Printed by the Chromium at `chromiumPath` (CHROMIUM_PATH).
 */
export function reportPdf(report: InterimReport, version: { version: number; frozenAt: string } | null, chromiumPath: string): Promise<Uint8Array> {
  return printPdf(reportHtml(report, version), `${report.planName} – ${report.point.name || formatPeriod(report.point.period)}`, chromiumPath);
}

/**
 * A standalone HTML document as an A4 PDF, `running` at the top of every page and page numbers at the
 * bottom. The page loads nothing from anywhere: JavaScript and requests are off, the HTML is all there is.
 */
export async function printPdf(html: string, running: string, chromiumPath: string): Promise<Uint8Array> {
  const context = await (await sharedBrowser(chromiumPath)).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const header = running.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const pageNumbers = W.page(0, 0).replace('0', '<span class="pageNumber"></span>').replace('0', '<span class="totalPages"></span>');
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      displayHeaderFooter: true,
      headerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;color:#444">${header}</div>`,
      footerTemplate: `<div style="font-size:8px;width:100%;padding:0 16mm;text-align:right;color:#444">${pageNumbers}</div>`,
      margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
    });
    return new Uint8Array(pdf);
  } finally {
    await context.close();
  }
}

/** Closes the process's Chromium, if one was started (on shutdown). */
export async function closeReportBrowser(): Promise<void> {
  const started = browser;
  browser = null;
  if (started) await (await started).close().catch(() => undefined);
}
