// One panel's failure stays in that panel: it shows what broke and a retry, and the rest of the lab keeps working.
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

function Fallback({ error, resetErrorBoundary, name }: FallbackProps & { name: string }) {
  const msg = error instanceof Error ? error.message : String(error);
  return (
    <div className="error panel-error" role="alert" data-testid="panel-error" data-panel={name}>
      The {name} panel stopped: {msg.slice(0, 200)} <button className="link" onClick={resetErrorBoundary}>try again</button>
    </div>
  );
}

export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  return <ErrorBoundary fallbackRender={(p) => <Fallback {...p} name={name} />}>{children}</ErrorBoundary>;
}
