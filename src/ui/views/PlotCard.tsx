// A plot with its one-line explanation underneath.
import type { ReactNode } from 'react';

export function PlotCard({ id, explain, children, wide }: { id: string; explain: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`card plot-card${wide ? ' wide' : ''}`} data-testid={`card-${id}`}>
      {children}
      <p className="explain">{explain}</p>
    </section>
  );
}
