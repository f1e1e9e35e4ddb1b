// What the menus, the comparison panel, the CLI and the report call each loss and query strategy.
import { PAPER_QUERIES, type Loss, type Query } from '../core/types';

export const LOSS_TITLE: Record<Loss, string> = {
  soft_boundary: 'soft-boundary Deep SVDD', one_class: 'one-class Deep SVDD', dsad: 'Deep SAD', nce: 'one-class + NCE',
  soft_boundary_nce: 'soft-boundary + NCE', one_class_uai: 'one-class + UAI', soft_boundary_uai: 'soft-boundary + UAI',
};

/** True for the strategies Kim et al. did not use (marked in every menu and table). */
export function beyondPaper(q: Query): boolean {
  return !(PAPER_QUERIES as readonly string[]).includes(q);
}

const QUERY_NAME: Record<Query, string> = {
  random: 'random', mlp: 'most likely positive', db: 'decision boundary (soft losses)', abs: 'adaptive boundary search', no: 'no queries',
  margin: 'minimum margin to R', diverse: 'batch-diverse boundary (k-center)', density: 'density-weighted boundary',
};

/** The menu's name of a strategy; beyond-the-paper ones say so. */
export function queryTitle(q: Query): string {
  return beyondPaper(q) ? `${QUERY_NAME[q]} (beyond the paper)` : QUERY_NAME[q];
}

/** 'one-class + NCE / adaptive boundary search / pseudo 1': a configuration as the menus name it. */
export function configTitle(loss: Loss, query: Query, pseudo: boolean): string {
  return `${LOSS_TITLE[loss] ?? loss} / ${queryTitle(query)} / pseudo ${pseudo ? 1 : 0}`;
}
