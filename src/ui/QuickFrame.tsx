// A plot's frame (title, axes box, axis titles) as plain SVG, drawn with the page's first render: the plot has
// its place and its names before plotly's code has arrived and been evaluated; plotly's first draw replaces it.
import type { Figure } from './plots/figure';

/** The text plainText (plots/text.ts) escaped for plotly, back to what it says. */
const unescape = (s: string) => s.replace(/&#123;/g, '{').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Titled { title?: { text?: unknown; font?: { size?: number } } }

/** The frame's geometry and text from a figure's layout (margins in px, titles as plain strings). */
export function frameOf(fig: Figure): { title: string; x: string; y: string; titleSize: number; fontSize: number; m: { l: number; r: number; t: number; b: number } } {
  const l = fig.layout as Titled & { xaxis?: Titled; yaxis?: Titled; font?: { size?: number }; margin?: { l?: number; r?: number; t?: number; b?: number } };
  const text = (t: Titled | undefined) => (typeof t?.title?.text === 'string' ? unescape(t.title.text) : '');
  const m = l.margin ?? {};
  return {
    title: text(l), x: text(l.xaxis), y: text(l.yaxis), titleSize: l.title?.font?.size ?? 19, fontSize: l.font?.size ?? 15,
    m: { l: m.l ?? 60, r: m.r ?? 12, t: m.t ?? 40, b: m.b ?? 50 },
  };
}

export function QuickFrame({ id, figure }: { id: string; figure: Figure }) {
  const f = frameOf(figure);
  return (
    <svg className="quick-frame" data-testid={`quick-frame-${id}`} width="100%" height="100%" aria-hidden>
      <text x={12} y={f.titleSize + 6} fontSize={f.titleSize} fill="#222">{f.title}</text>
      <svg x={f.m.l} y={f.m.t} overflow="visible" style={{ width: `calc(100% - ${f.m.l + f.m.r}px)`, height: `calc(100% - ${f.m.t + f.m.b}px)` }}>
        <rect width="100%" height="100%" fill="none" stroke="#d0d0d0" />
        <text x="50%" y="100%" dy={f.fontSize * 2.4} textAnchor="middle" fontSize={f.fontSize} fill="#222">{f.x}</text>
        <text x={-f.fontSize * 2.6} y="50%" textAnchor="middle" dominantBaseline="middle" fontSize={f.fontSize} fill="#222"
          style={{ transformBox: 'fill-box', transformOrigin: 'center', transform: 'rotate(-90deg)' }}>{f.y}</text>
      </svg>
    </svg>
  );
}
