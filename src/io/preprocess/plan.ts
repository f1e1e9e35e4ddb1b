// What will be done to each column, from its profile and the person's choices (before any number is computed).
import { booleanOne } from './cells';
import { DEFAULT_MAX_CATEGORIES, type PrepOptions } from './options';
import type { ColumnProfile } from './profile';

export type DropReason = 'excluded' | 'empty' | 'constant' | 'text' | 'date' | 'too-many' | 'missing';

export type ColumnAction =
  | { do: 'label' }
  | { do: 'number' }
  | { do: 'date' }
  | { do: 'onehot'; values: string[] }
  /** beyond the category cap, by choice: one column of ordinal codes 0..k-1 (values filled in by the fit when the profile stopped counting) */
  | { do: 'codes'; values: string[] }
  | { do: 'boolean'; one: string; zero: string }
  | { do: 'drop'; why: DropReason };

export interface ColumnPlan {
  profile: ColumnProfile;
  action: ColumnAction;
  /** with the impute strategy: the value missing cells get (median or most frequent), null when none are missing */
  fill: number | string | null;
  /** true when a "was missing" column is added beside it */
  indicator: boolean;
}

/** Actions before the missing-value strategy is applied. */
export function planColumns(profiles: ColumnProfile[], labelIdx: number, o: PrepOptions): ColumnPlan[] {
  const cap = o.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  const exclude = new Set(o.exclude ?? []);
  const include = new Set(o.include ?? []);
  return profiles.map((p): ColumnPlan => {
    const plan = (action: ColumnAction): ColumnPlan => ({ profile: p, action, fill: null, indicator: false });
    if (p.index === labelIdx) return plan({ do: 'label' });
    if (exclude.has(p.name)) return plan({ do: 'drop', why: 'excluded' });
    const values = p.values.map((v) => v[0]);
    switch (p.kind) {
      case 'empty': return plan({ do: 'drop', why: 'empty' });
      case 'constant':
        // the paper's protocol keeps constant numbers (they scale to 0); constant text carries nothing
        return o.keepConstant && /^[-+.\d]/.test(values[0] ?? '') ? plan({ do: 'number' }) : plan({ do: 'drop', why: 'constant' });
      case 'numeric': return plan({ do: 'number' });
      case 'date': return include.has(p.name) ? plan({ do: 'date' }) : plan({ do: 'drop', why: 'date' });
      case 'text': return plan({ do: 'drop', why: 'text' });
      case 'boolean': {
        const one = booleanOne(values)!;
        return plan({ do: 'boolean', one, zero: values.find((v) => v !== one)! });
      }
      case 'categorical':
        if (p.distinctCapped || p.distinct > cap) return o.beyondCap === 'codes' ? plan({ do: 'codes', values }) : plan({ do: 'drop', why: 'too-many' });
        return plan({ do: 'onehot', values });
    }
  });
}

/** Short words for the preview table. */
export function actionText(c: ColumnPlan): string {
  const a = c.action;
  const fill = c.fill === null ? '' : `; missing -> ${typeof c.fill === 'number' ? `median ${c.fill}` : `"${c.fill}"`}${c.indicator ? ' + indicator' : ''}`;
  switch (a.do) {
    case 'label': return 'label';
    case 'number': return `number${fill}`;
    case 'date': return `seconds since 1970${fill}`;
    case 'boolean': return `0/1 (1 = ${a.one})${fill}`;
    case 'onehot': return `one-hot, ${a.values.length} columns${fill}`;
    case 'codes': return `ordinal codes 0..${a.values.length ? a.values.length - 1 : 'k-1'}${fill}`;
    case 'drop': return `dropped: ${DROP_TEXT[a.why]}`;
  }
}

export const DROP_TEXT: Record<DropReason, string> = {
  excluded: 'excluded',
  empty: 'no values',
  constant: 'constant',
  text: 'text or id',
  date: 'a date (include to use)',
  'too-many': 'too many categories',
  missing: 'has missing cells',
};
