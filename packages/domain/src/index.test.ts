import { describe, expect, it } from 'vitest';
import * as domain from './index.ts';

describe('public entry', () => {
  it('exposes the functions and constants the API and web call', () => {
    const expected = [
      'analyzePlan',
      'canTransition',
      'cellKey',
      'compareQuarter',
      'describeEligibility',
      'describePlanStatus',
      'DomainError',
      'ERROR_CODES',
      'ERROR_MESSAGES',
      'formatMoney',
      'formatMoneyCompact',
      'formatQuarter',
      'isDomainError',
      'isPlanWritable',
      'isSourceEligible',
      'lastDayOfQuarter',
      'localizeError',
      'matchesSearch',
      'MAX_BATCH_CELLS',
      'MAX_MONEY',
      'MONEY_UNIT_FACTOR',
      'NTM_LEVELS',
      'parseLocale',
      'parseMoney',
      'parseQuarter',
      'PLAN_STATUSES',
      'quarterOf',
      'summarizeProgress',
      'sumMoney',
      'toEligibilityParams',
      'toQuarterCode',
      'toSearchKey',
      'WORKFLOW_TARGET',
      'workflowActionsFor',
    ];
    expect(Object.keys(domain).sort()).toEqual(expected.sort());
  });
});
