// Turns a parsed table or matrix into RawData, with a specific error for every kind of bad input.
export type { ColumnKind, MatrixInput, TextTable } from '../table';
export type { ValidateOptions, Validated } from './result';
export { validateMatrix } from './matrix';
export { validateTextTable } from './text';
