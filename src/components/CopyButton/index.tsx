import React from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

/** Copies text to the clipboard; falls back to a hidden textarea where the Clipboard API is missing. */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or not focused: try the older way.
  }
  try {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  } catch {
    return false;
  }
}

export interface CopyButtonProps {
  /** What to copy (computed on click, so it is always current). */
  text: string | (() => string);
  /** The accessible name, saying what is copied, e.g. "Copy Azure CLI commands for Mail.Send". */
  label: string;
  /** The visible text; default "Copy". */
  children?: React.ReactNode;
  /** Told whether copying worked, to announce it. */
  onCopied?: (copied: boolean) => void;
  className?: string;
}

/** A button that copies a text; its accessible name says what it copies. */
export default function CopyButton({text, label, children = 'Copy', onCopied, className}: CopyButtonProps): React.JSX.Element {
  return (
    <button
      type="button"
      className={clsx('button button--sm button--outline button--primary', styles.copyButton, className)}
      aria-label={label}
      onClick={async () => {
        const copied = await copyToClipboard(typeof text === 'function' ? text() : text);
        onCopied?.(copied);
      }}>
      {children}
    </button>
  );
}
