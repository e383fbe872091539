// What a user would see go wrong on a Grafana page: panels still loading, panels in error, "No data".
// Selectors are @grafana/e2e-selectors' (Grafana 10.4+).
const ERROR_STATUS = '[data-testid="data-testid Panel status error"]';
const DATA_ERROR = '[data-testid="data-testid Panel data error message"]';
const LOADING = '[aria-label="Panel loading bar"], [data-testid="data-testid Loading indicator"]';
const PANEL = '[data-viz-panel-key], [data-panelid]';

/**
 * Waits until the dashboard has stopped querying (the refresh button no longer reads "Cancel") and no
 * panel shows its loading bar, three times in a row half a second apart (at most 180 s), then a little
 * more for the charts to draw.
 */
export async function waitForPanels(page) {
  const deadline = Date.now() + 180_000;
  let quiet = 0;
  while (Date.now() < deadline && quiet < 3) {
    const busy = (await page.locator(LOADING).count()) + (await page.getByRole('button', { name: 'Cancel', exact: true }).count());
    quiet = busy ? 0 : quiet + 1;
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(2000);
}

/** One line per panel that shows an error or no data, with the panel's title and what it says. */
export async function findPanelProblems(page) {
  return page.evaluate(
    ({ errorStatus, dataError, panel }) => {
      const titleOf = (element) => {
        const container = element.closest(panel) ?? element.closest('section');
        const heading = container?.querySelector('h2, [data-testid^="data-testid Panel header"]');
        return heading?.textContent?.trim() || container?.getAttribute('aria-label') || '(untitled panel)';
      };
      const problems = [];
      for (const element of document.querySelectorAll(errorStatus)) {
        const text = element.getAttribute('aria-label') || element.getAttribute('title') || 'error';
        problems.push(`error: ${titleOf(element)}: ${text}`);
      }
      for (const element of document.querySelectorAll(dataError)) {
        problems.push(`no data: ${titleOf(element)}: ${element.textContent?.trim()}`);
      }
      return problems;
    },
    { errorStatus: ERROR_STATUS, dataError: DATA_ERROR, panel: PANEL }
  );
}
