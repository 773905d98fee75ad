/**
 * The engine loads when the reader shows intent: the check comes near the screen, or the pointer
 * or keyboard focus enters it (whenNear.ts, the trigger that loaded the check's UI too). A guide
 * page read from the top does not download it until the reader scrolls down to the check. A
 * check that starts before then asks for it itself (`ready`). The parts of the permission catalog
 * a check looks up load later still, as it compares, from the site at `siteBaseUrl`.
 */
import {useCallback, useEffect, useRef, useState, type RefObject} from 'react';
import {loadCheckEngine, type CheckEngine} from '../engine';
import {whenNear} from '../whenNear';

export const ENGINE_LOAD_FAILED = 'The check could not load its code. Check your network connection and reload the page.';

export interface EngineOnIntent {
  /** The engine once loaded (the sample apps list and the report need it synchronously). */
  engine: CheckEngine | null;
  /** The engine, loading it now if it is not yet. */
  ready(): Promise<CheckEngine>;
  /** Set when loading on intent failed; a later load that succeeds clears it. */
  loadError: string | null;
}

export function useEngineOnIntent(rootRef: RefObject<HTMLElement | null>, siteBaseUrl: string): EngineOnIntent {
  const [engine, setEngine] = useState<CheckEngine | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const loading = useRef<Promise<CheckEngine> | null>(null);

  const ready = useCallback((): Promise<CheckEngine> => {
    if (!loading.current) {
      const load = loadCheckEngine(siteBaseUrl);
      loading.current = load;
      load.then(
        (loaded) => {
          setEngine(loaded);
          setLoadError(null);
        },
        // A failed load (network) may succeed on the next try.
        () => {
          loading.current = null;
        },
      );
    }
    return loading.current;
  }, [siteBaseUrl]);

  useEffect(() => {
    let cancelled = false;
    const stop = whenNear(rootRef.current, () => {
      ready().catch(() => {
        if (!cancelled) setLoadError(ENGINE_LOAD_FAILED);
      });
    });
    return () => {
      cancelled = true;
      stop();
    };
  }, [rootRef, ready]);

  return {engine, ready, loadError};
}
