/**
 * The check's UI (CheckApp and its panels, a chunk of its own) loads with the same trigger as its
 * engine (whenNear.ts): when the placeholder comes near the screen, or the pointer or focus enters
 * it. A guide read from the top then downloads neither; until the chunk has arrived the
 * placeholder holds the check's box. `immediately` loads it at once (on /check, the check is the page).
 */
import React, {Suspense, lazy, useRef} from 'react';
import type {CheckAppProps} from './CheckApp';
import CheckPlaceholder from './CheckPlaceholder';
import {useNearScreen} from './hooks/useNearScreen';

// A type-only import above: nothing of CheckApp is in this chunk until import() runs.
const CheckApp = lazy(() => import('./CheckApp'));

export default function CheckAppWhenNear({immediately = false, ...props}: CheckAppProps & {immediately?: boolean}): React.JSX.Element {
  const placeholderRef = useRef<HTMLElement>(null);
  const near = useNearScreen(placeholderRef, immediately);
  if (!near) return <CheckPlaceholder ref={placeholderRef} />;
  return (
    <Suspense fallback={<CheckPlaceholder />}>
      <CheckApp {...props} />
    </Suspense>
  );
}
