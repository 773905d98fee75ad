/**
 * Cumulative layout shift as the page itself reports it: the sum of the 'layout-shift' entries
 * not caused by the reader's input (the CLS of Core Web Vitals, without its session windows,
 * so never less than it). `buffered: true` brings the shifts from before the call too.
 */
import type {Page} from 'playwright-core';

export function layoutShiftTotal(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        type LayoutShift = PerformanceEntry & {value: number; hadRecentInput: boolean};
        let total = 0;
        const add = (entries: PerformanceEntryList) => {
          for (const entry of entries as LayoutShift[]) if (!entry.hadRecentInput) total += entry.value;
        };
        const observer = new PerformanceObserver((list) => add(list.getEntries()));
        observer.observe({type: 'layout-shift', buffered: true});
        // The buffered entries arrive in a task of their own: let it run, then collect the rest.
        setTimeout(() => {
          add(observer.takeRecords());
          observer.disconnect();
          resolve(total);
        }, 200);
      }),
  );
}
