/**
 * What stands where the check will be until its UI has loaded: on the server, during hydration,
 * and while the check's chunk downloads. It has the box of the check's first render (styles.box),
 * so the check replaces it without moving the page (CLS 0). The ref lets index.tsx watch it
 * come near the screen, which is when the check's UI starts loading.
 */
import React, {type Ref} from 'react';
import styles from './styles.module.css';

export default function CheckPlaceholder({ref}: {ref?: Ref<HTMLElement>}): React.JSX.Element {
  return (
    <section
      ref={ref}
      aria-label="Permission check"
      data-testid="permission-check"
      aria-busy="true"
      className={`${styles.check} ${styles.box}`}>
      <p className={styles.intro}>Loading the permission check…</p>
      <div aria-hidden="true">
        <div className={styles.skeletonBar} />
        <div className={styles.skeletonBar} />
        <div className={styles.skeletonBar} />
      </div>
    </section>
  );
}
