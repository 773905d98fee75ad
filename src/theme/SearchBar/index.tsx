/**
 * The local search box (@easyops-cn/docusaurus-search-local), wrapped to fix two ARIA gaps of
 * its suggestion list that axe-core reports as critical while the list is open:
 * - the combobox input names its list with aria-owns only (ARIA 1.1); add aria-controls (1.2);
 * - the "See all results" link sits directly in the listbox; give it role="option".
 */
import React, {useEffect, useRef, type ComponentProps} from 'react';
import SearchBar from '@theme-original/SearchBar';
import styles from './styles.module.css';

type Props = ComponentProps<typeof SearchBar>;

/** Brings the search box's ARIA up to date; safe to run repeatedly. */
export function fixSearchAria(root: ParentNode): void {
  root.querySelectorAll('input[role="combobox"][aria-owns]').forEach((input) => {
    const list = input.getAttribute('aria-owns');
    if (list && input.getAttribute('aria-controls') !== list) input.setAttribute('aria-controls', list);
  });
  root.querySelectorAll('[role="listbox"] a:not([role])').forEach((link) => link.setAttribute('role', 'option'));
}

export default function SearchBarWrapper(props: Props): React.JSX.Element {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return undefined;
    fixSearchAria(root);
    const observer = new MutationObserver(() => fixSearchAria(root));
    observer.observe(root, {subtree: true, childList: true, attributes: true, attributeFilter: ['aria-owns']});
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={wrapper} className={styles.searchBar}>
      <SearchBar {...props} />
    </div>
  );
}
