/**
 * whenNear: the one trigger that loads the check's UI and its engine (near the screen, or the
 * pointer or focus entering the check), with a stand-in IntersectionObserver (jsdom has none).
 */
import './setup';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {INTENT_EVENTS, NEAR_ROOT_MARGIN, whenNear} from '../../src/components/PermissionCheck/whenNear';

class FakeObserver {
  static instances: FakeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options: IntersectionObserverInit = {},
  ) {
    FakeObserver.instances.push(this);
  }
  observe(element: Element): void {
    this.observed.push(element);
  }
  disconnect(): void {
    this.disconnected = true;
  }
  report(isIntersecting: boolean): void {
    this.callback([{isIntersecting} as IntersectionObserverEntry], this as unknown as IntersectionObserver);
  }
}

function withObserver(): void {
  FakeObserver.instances = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('whenNear', () => {
  it('calls back at once without an element or without IntersectionObserver', () => {
    const onNear = vi.fn();
    whenNear(null, onNear);
    expect(onNear).toHaveBeenCalledTimes(1);
    vi.stubGlobal('IntersectionObserver', undefined);
    const other = vi.fn();
    whenNear(document.createElement('section'), other);
    expect(other).toHaveBeenCalledTimes(1);
  });

  it('watches the element with the near margin and calls back once it intersects, then stops watching', () => {
    withObserver();
    const element = document.createElement('section');
    const onNear = vi.fn();
    whenNear(element, onNear);
    const [observer] = FakeObserver.instances;
    expect(observer.options.rootMargin).toBe(NEAR_ROOT_MARGIN);
    expect(observer.observed).toEqual([element]);
    observer.report(false);
    expect(onNear).not.toHaveBeenCalled();
    observer.report(true);
    observer.report(true);
    element.dispatchEvent(new Event('focusin'));
    expect(onNear).toHaveBeenCalledTimes(1);
    expect(observer.disconnected).toBe(true);
  });

  it.each(INTENT_EVENTS)('calls back on %s before the element is near', (intent) => {
    withObserver();
    const element = document.createElement('section');
    const onNear = vi.fn();
    whenNear(element, onNear);
    element.dispatchEvent(new Event(intent));
    expect(onNear).toHaveBeenCalledTimes(1);
    expect(FakeObserver.instances[0].disconnected).toBe(true);
  });

  it('stops without calling back when stopped first', () => {
    withObserver();
    const element = document.createElement('section');
    const onNear = vi.fn();
    const stop = whenNear(element, onNear);
    stop();
    FakeObserver.instances[0].report(true);
    element.dispatchEvent(new Event('pointerenter'));
    expect(onNear).not.toHaveBeenCalled();
  });
});
