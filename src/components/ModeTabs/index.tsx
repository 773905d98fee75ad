import React, {useId, useRef} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface ModeTab<K extends string> {
  key: K;
  label: string;
}

export interface ModeTabsProps<K extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: ReadonlyArray<ModeTab<K>>;
  selected: K;
  onSelect: (key: K) => void;
  /** The selected tab's panel. */
  children: React.ReactNode;
}

/**
 * Tabs per the WAI-ARIA tabs pattern: one tab in the Tab order (roving tabindex), arrow keys,
 * Home and End move between tabs and select them; the selected tab's panel follows.
 */
export default function ModeTabs<K extends string>({label, tabs, selected, onSelect, children}: ModeTabsProps<K>): React.JSX.Element {
  const baseId = useId();
  const tabRefs = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${baseId}-tab-${key}`;
  const panelId = `${baseId}-panel`;
  const selectedLabel = tabs.find((tab) => tab.key === selected)?.label ?? '';

  function moveTo(index: number) {
    const tab = tabs[(index + tabs.length) % tabs.length]!;
    onSelect(tab.key);
    tabRefs.current.get(tab.key)?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLButtonElement>, index: number) {
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        moveTo(index - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(tabs.length - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  return (
    <div className={styles.tabs}>
      <div role="tablist" aria-label={label} className={styles.tabList}>
        {tabs.map((tab, index) => {
          const isSelected = tab.key === selected;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                if (element) tabRefs.current.set(tab.key, element);
                else tabRefs.current.delete(tab.key);
              }}
              type="button"
              role="tab"
              id={tabId(tab.key)}
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId : undefined}
              tabIndex={isSelected ? 0 : -1}
              className={clsx(styles.tab, isSelected && styles.tabSelected)}
              onClick={() => onSelect(tab.key)}
              onKeyDown={(event) => onKeyDown(event, index)}>
              {tab.label}
            </button>
          );
        })}
      </div>
      {/* Named "<tab> options" rather than labelled by the tab, so a field inside may carry the
          tab's own words as its label ("App manifest") without two elements answering to it. */}
      <div role="tabpanel" id={panelId} aria-label={`${selectedLabel} options`} tabIndex={-1} className={styles.panel}>
        {children}
      </div>
    </div>
  );
}
