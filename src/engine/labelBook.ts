// What the oracle has said so far: per-row answers, the NCE lists in the reference's order, pseudo-abnormals, the log.
import type { Label, LabelEvent, Mode, ReplayEvent } from '../core/types';
import { semiTargets } from './data';

export class LabelBook {
  readonly known: Uint8Array;
  readonly answers: Uint8Array;
  pseudo: Uint8Array;
  /** cumulative labelled normals / abnormals for NCE (reference mode keeps duplicates, as the authors' code) */
  nceNormal: number[] = [];
  nceAbnormal: number[] = [];
  readonly labels = new Map<number, Label>();
  events: LabelEvent[] = [];

  constructor(readonly n: number, private readonly mode: Mode) {
    this.known = new Uint8Array(n);
    this.answers = new Uint8Array(n);
    this.pseudo = new Uint8Array(n);
  }

  /** Checks a batch of answers: rows in range, labels 0 or 1. */
  check(answers: Array<[number, Label]>): Map<number, Label> {
    const given = new Map<number, Label>();
    for (const [i, l] of answers) {
      if (!Number.isInteger(i) || i < 0 || i >= this.n) throw new Error(`Label for row ${i}: no such row (0..${this.n - 1}).`);
      if (l !== 0 && l !== 1) throw new Error(`Label for row ${i} must be 0 (normal) or 1 (anomaly), got ${l}.`);
      given.set(i, l);
    }
    return given;
  }

  record(i: number, l: Label, stage: number): void {
    const seen = this.known[i] === 1;
    if (seen && this.answers[i] !== l) this.dropNce(i);
    if (this.mode === 'reference' || !seen || this.answers[i] !== l) (l === 1 ? this.nceAbnormal : this.nceNormal).push(i);
    this.known[i] = 1;
    this.answers[i] = l;
    this.pseudo[i] = 0;
    this.labels.set(i, l);
    this.events.push({ stage, index: i, label: l });
  }

  /** Change or remove a label given earlier. */
  relabel(index: number, label: Label | null, stage: number): void {
    if (!this.labels.has(index) && label === null) return;
    this.dropNce(index);
    if (label !== null) return this.record(index, label, stage);
    this.labels.delete(index);
    this.known[index] = 0;
    this.events = this.events.filter((e) => e.index !== index);
  }

  /** A replayed round: labels taken back while it was open leave first (as they left the live model); returns its answers. */
  replayed(events: readonly ReplayEvent[], stage: number): Array<[number, Label]> {
    for (const e of events) if (e.label === null) this.relabel(e.index, null, stage);
    return events.flatMap((e): Array<[number, Label]> => (e.label === null ? [] : [[e.index, e.label]]));
  }

  setPseudo(rows: number[]): void {
    this.pseudo = new Uint8Array(this.n);
    for (const i of rows) this.pseudo[i] = 1;
  }

  /** Semi-supervised targets per row for training (algorithm.md 2.4). */
  semi(): Int8Array {
    return semiTargets(this.known, this.answers, this.pseudo);
  }

  private dropNce(i: number): void {
    this.nceNormal = this.nceNormal.filter((j) => j !== i);
    this.nceAbnormal = this.nceAbnormal.filter((j) => j !== i);
  }
}
