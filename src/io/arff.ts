// ARFF (Weka): @relation / @attribute / @data, dense and sparse rows; numeric attributes become features.
import { ImportError, quote } from './errors';
import type { ColumnKind, TextTable } from './table';

export interface ArffParsed {
  relation: string;
  table: TextTable;
  /** declared values of each nominal attribute (null for other kinds) */
  nominalValues: Array<string[] | null>;
}

/** Split on commas outside single or double quotes, unquoting and unescaping values. */
export function splitArffRow(line: string, lineNo: number): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (q) {
      if (ch === '\\' && i + 1 < line.length) cur += line[++i];
      else if (ch === q) q = null;
      else cur += ch;
    } else if ((ch === "'" || ch === '"') && cur.trim() === '') {
      q = ch;
      quoted = true;
      cur = '';
    } else if (ch === ',') {
      out.push(quoted ? cur : cur.trim());
      cur = '';
      quoted = false;
    } else if (!(quoted && /\s/.test(ch))) cur += ch; // spaces after a closing quote are not part of the value
  }
  if (q) {
    throw new ImportError('CORRUPT', `Row ${lineNo} opens a quote (${q}) that is never closed. Fix the quotes on that line.`, {
      row: lineNo,
    });
  }
  out.push(quoted ? cur : cur.trim());
  return out;
}

/** Read a possibly quoted token from the start of s; returns the token and the rest. */
function takeToken(s: string): [string, string] {
  const t = s.trimStart();
  const q = t[0];
  if (q === "'" || q === '"') {
    const end = t.indexOf(q, 1);
    if (end < 0) return [t.slice(1), ''];
    return [t.slice(1, end), t.slice(end + 1)];
  }
  const m = /^(\S+)(.*)$/s.exec(t);
  return m ? [m[1]!, m[2]!] : ['', ''];
}

function parseType(typeText: string, lineNo: number): { kind: ColumnKind; values: string[] | null } {
  const t = typeText.trim();
  if (t.startsWith('{')) {
    const end = t.lastIndexOf('}');
    const inner = t.slice(1, end < 0 ? undefined : end);
    return { kind: 'nominal', values: splitArffRow(inner, lineNo).filter((v) => v !== '') };
  }
  const word = t.split(/\s+/)[0]!.toLowerCase();
  if (word === 'numeric' || word === 'real' || word === 'integer') return { kind: 'numeric', values: null };
  if (word === 'string' || word === 'date') return { kind: word, values: null };
  throw new ImportError(
    'UNSUPPORTED',
    `Row ${lineNo} declares an attribute of type ${quote(t)}, which this tool cannot read (numeric, nominal, string and date are supported).`,
    { row: lineNo },
  );
}

export function parseArff(text: string): ArffParsed {
  if (text.trim() === '') throw new ImportError('EMPTY', 'The file is empty: it holds no rows at all.');
  const lines = text.split(/\r\n|\n|\r/);
  let relation = '';
  const names: string[] = [];
  const declared: ColumnKind[] = [];
  const nominalValues: Array<string[] | null> = [];
  let i = 0;
  let dataLine = -1; // line of @data, -1 until seen
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('%')) continue;
    const lower = line.toLowerCase();
    if (lower.startsWith('@relation')) {
      relation = takeToken(line.slice(9))[0];
    } else if (lower.startsWith('@attribute')) {
      const [name, rest] = takeToken(line.slice(10));
      const t = parseType(rest, i + 1);
      names.push(name);
      declared.push(t.kind);
      nominalValues.push(t.values);
    } else if (lower.startsWith('@data')) {
      dataLine = i + 1;
      i++;
      break;
    } else {
      throw new ImportError(
        'CORRUPT',
        `Row ${i + 1} of the ARFF header is neither @relation, @attribute nor @data (it reads ${quote(line)}).`,
        { row: i + 1 },
      );
    }
  }
  if (names.length === 0) {
    throw new ImportError('CORRUPT', 'The ARFF file declares no @attribute lines, so its columns are unknown.');
  }
  if (dataLine < 0) {
    throw new ImportError('HEADER_ONLY', 'The ARFF file has attributes but no @data section with rows.');
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('%')) continue;
    if (line.startsWith('{')) {
      // sparse row: {index value, ...}; omitted numeric cells are 0, omitted nominal ones the first value
      const row = declared.map((k, j) => (k === 'nominal' ? (nominalValues[j]![0] ?? '') : '0'));
      const inner = line.slice(1, line.lastIndexOf('}') < 0 ? undefined : line.lastIndexOf('}'));
      for (const part of splitArffRow(inner, i + 1)) {
        if (part.trim() === '') continue;
        const m = /^\s*(\d+)\s+(.*)$/s.exec(part);
        const idx = m ? Number(m[1]) : -1;
        if (!m || idx >= names.length) {
          throw new ImportError('CORRUPT', `Row ${i + 1} has a sparse entry ${quote(part)} that names no attribute.`, { row: i + 1 });
        }
        row[idx] = m[2]!.replace(/^['"]|['"]$/g, '');
      }
      rows.push(row);
    } else {
      rows.push(splitArffRow(line, i + 1));
    }
    rowNumbers.push(i + 1);
  }
  const table: TextTable = {
    names,
    generatedNames: false,
    rows,
    rowNumbers,
    headerRow: null,
    declared,
    nominalValues,
    missingToken: '?',
  };
  return { relation, table, nominalValues };
}
