/**
 * Whether the element has come near the screen (see whenNear.ts); true from the start when
 * `immediately` (on /check the check is the page, so it loads at once). Once true, stays true.
 */
import {useEffect, useState, type RefObject} from 'react';
import {whenNear} from '../whenNear';

export function useNearScreen(ref: RefObject<HTMLElement | null>, immediately = false): boolean {
  const [near, setNear] = useState(immediately);
  useEffect(() => {
    if (near) return undefined;
    return whenNear(ref.current, () => setNear(true));
  }, [ref, near]);
  return near;
}
