// A modal rendered into <body>: the sticky side panel would otherwise trap it under the plots.
import { createPortal } from 'react-dom';

export function Modal({ onBackdrop, children }: { onBackdrop?: () => void; children: React.ReactNode }) {
  return createPortal(
    <div className="modal-backdrop" onClick={(e) => onBackdrop && e.target === e.currentTarget && onBackdrop()}>
      {children}
    </div>,
    document.body,
  );
}
