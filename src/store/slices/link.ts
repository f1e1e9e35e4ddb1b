// The link slice: what the page's address said (problems, page parameters) and keeping the address in step.
import type { Ctx } from './ctx';
import { linkFor } from '../url-sync';

export interface LinkSlice {
  /** the link's problems and other notices about it, shown until dismissed */
  problems: string[];
  /** the problem about the link's data file, dropped once that file is open */
  fileProblem: { name: string; text: string } | null;
  /** page-level parameters kept in the address (probe=...) */
  page: Array<[string, string]>;
  addProblems(p: string[]): void;
  setFileProblem(name: string, text: string): void;
  /** a dataset was opened: a problem that asked for it is no longer true */
  fileLoaded(name: string): void;
  dismiss(): void;
  setPage(page: Array<[string, string]>): void;
  setHidden(hidden: Set<string>): void;
  /** the link for the current settings */
  href(): string;
  /** the address bar follows the settings (replaceState) */
  writeUrl(): void;
}

/** Values echoed in a notice are cut to about 80 characters (a long link must not flood the page). */
export function cutEcho(text: string, max = 80): string {
  return text.replace(/'([^']*)'/g, (m, v: string) => (v.length > max ? `'${v.slice(0, max - 1)}…'` : m));
}

const stem = (n: string) => n.toLowerCase().replace(/\.[^.]*$/, '');

declare module './ctx' {
  interface AppState {
    link: LinkSlice;
  }
}

export function createLinkSlice(ctx: Ctx): LinkSlice {
  const get = () => ctx.get().link;
  const set = (p: Partial<LinkSlice>) => ctx.set('link', p);
  return {
    problems: [],
    fileProblem: null,
    page: [],
    addProblems: (p) => {
      if (p.length) set({ problems: [...get().problems, ...p.map((x) => cutEcho(x))] });
    },
    setFileProblem: (name, text) => set({ fileProblem: { name, text }, problems: [...get().problems, cutEcho(text)] }),
    fileLoaded: (name) => {
      const f = get().fileProblem;
      if (!f || (stem(f.name) !== stem(name) && f.name !== name)) return;
      set({ fileProblem: null, problems: get().problems.filter((p) => p !== cutEcho(f.text)) });
    },
    dismiss: () => set({ problems: [], fileProblem: null }),
    setPage: (page) => set({ page }),
    setHidden: (hidden) => {
      ctx.set('lab', { hidden });
      get().writeUrl();
    },
    href: () => {
      const loc = ctx.deps.url?.location() ?? { origin: '', pathname: '/', hash: '' };
      const { settings, hidden } = ctx.get().lab;
      return linkFor(settings, hidden, loc, get().page);
    },
    writeUrl: () => {
      const url = ctx.deps.url;
      if (!url) return;
      const href = get().href();
      if (href !== url.location().href) url.write(href);
    },
  };
}
