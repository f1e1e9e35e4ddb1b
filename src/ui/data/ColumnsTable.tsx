// The import preview: every column of the file with its kind, missing cells and what will be done; a box includes or excludes it.
import { actionText, type ColumnPlan } from '../../io/preprocess/plan';
import { kindText } from '../../io/preprocess/profile';
import type { PrepOptions } from '../../io/preprocess/options';

const SHOWN_COLUMNS = 300;

/** Which columns a click can switch: features and the dates and columns left out by choice; never constant or text ones. */
function toggle(c: ColumnPlan, o: PrepOptions): Partial<PrepOptions> | null {
  const name = c.profile.name;
  const exclude = (o.exclude ?? []).filter((x) => x !== name);
  const include = (o.include ?? []).filter((x) => x !== name);
  const a = c.action;
  if (a.do === 'label') return null;
  if (a.do === 'drop') {
    if (a.why === 'excluded') return { exclude };
    if (a.why === 'date') return { include: [...include, name] };
    return null;
  }
  return c.profile.kind === 'date' ? { include, exclude: [...exclude, name] } : { exclude: [...exclude, name] };
}

export function ColumnsTable({ plan, options, disabled, onChange }: {
  plan: ColumnPlan[];
  options: PrepOptions;
  disabled: boolean;
  onChange: (patch: Partial<PrepOptions>) => void;
}) {
  const shown = plan.slice(0, SHOWN_COLUMNS);
  return (
    <div className="columns-preview" data-testid="columns-preview">
      <table className="cols">
        <thead>
          <tr><th title="use as a feature">use</th><th>column</th><th>kind</th><th>missing</th><th>will be</th></tr>
        </thead>
        <tbody>
          {shown.map((c) => {
            const t = toggle(c, options);
            const used = c.action.do !== 'drop';
            const p = c.profile;
            return (
              <tr key={p.index} className={used ? '' : 'dropped'} data-testid={`col-${p.index}`}>
                <td>
                  <input type="checkbox" aria-label={`use ${p.name}`} checked={used} disabled={disabled || t === null}
                    onChange={() => t && onChange(t)} data-testid={`col-use-${p.index}`} />
                </td>
                <td className="name"><code>{p.name}</code></td>
                <td>{kindText(p)}{p.labelCandidate && c.action.do !== 'label' ? <span className="muted"> · label?</span> : null}</td>
                <td title={p.missing ? `first rows: ${p.missingRows.join(', ')}` : undefined}>{p.missing || ''}</td>
                <td data-testid={`col-action-${p.index}`}>{actionText(c)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plan.length > shown.length && <p className="muted small">and {plan.length - shown.length} more columns (numbers, used as they are unless excluded)</p>}
    </div>
  );
}
