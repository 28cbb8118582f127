import { MAX_MONEY } from '@ntm/domain';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { builder } from '../builder.ts';

/**
 * Money crosses the API as a string of decimal digits so no client ever rounds it through a
 * float. Inputs accept that string or a JSON integer; anything else is a typed error.
 */
export function parseMoneyInput(value: unknown): bigint {
  const fail = (code: string, params: Record<string, string> = {}) =>
    new GraphQLError(`Invalid Money value: ${code}`, {
      extensions: { code, params: { input: String(value), ...params } },
    });
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw fail('FRACTIONAL_AMOUNT');
    if (!Number.isSafeInteger(value)) throw fail('AMOUNT_TOO_LARGE', { max: MAX_MONEY.toString() });
    text = String(value);
  } else if (typeof value === 'bigint') text = value.toString();
  else throw fail('NOT_AN_AMOUNT');

  if (/^-\d+(\.\d+)?$/.test(text)) throw fail('NEGATIVE_AMOUNT');
  if (/^\d+\.\d+$/.test(text)) throw fail('FRACTIONAL_AMOUNT');
  // Digits only, no sign, spaces, separators or leading zeros: one spelling per amount.
  if (!/^(0|[1-9]\d{0,19})$/.test(text)) throw fail('NOT_AN_AMOUNT');
  const amount = BigInt(text);
  if (amount > MAX_MONEY) throw fail('AMOUNT_TOO_LARGE', { max: MAX_MONEY.toString() });
  return amount;
}

function literalValue(ast: ValueNode): unknown {
  if (ast.kind === Kind.STRING) return ast.value;
  if (ast.kind === Kind.INT) return Number(ast.value);
  if (ast.kind === Kind.FLOAT) return Number(ast.value);
  return undefined;
}

export const MoneyScalar = builder.scalarType('Money', {
  description:
    'An exact amount of Vietnamese đồng as a string of decimal digits, e.g. "1500000000" (1,5 tỷ). ' +
    'Never a float. Inputs may also be JSON integers; they must be whole, non-negative and at most ' +
    '9007199254740991 (2^53−1). Errors: NOT_AN_AMOUNT, NEGATIVE_AMOUNT, FRACTIONAL_AMOUNT, AMOUNT_TOO_LARGE.',
  serialize: (value) => value.toString(),
  parseValue: (value) => parseMoneyInput(value),
  parseLiteral: (ast) => parseMoneyInput(literalValue(ast)),
});

// The grid's columns of numbers travel as one leaf value each: serializing 85,500-item lists item
// by item through graphql-js costs more than the database read (see bench/README.md).
/** Array scalars as input come as JSON arrays in variables (a literal list works too). */
function listValue(value: unknown, typename: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new GraphQLError(`Invalid ${typename}: expected a JSON array`, {
    extensions: { code: 'INVALID_INPUT' },
  });
}

function listLiteral(ast: ValueNode): unknown {
  return ast.kind === Kind.LIST ? ast.values.map(literalValue) : undefined;
}

function parseIntArray(value: unknown): number[] {
  const items = listValue(value, 'IntArray');
  for (const item of items) {
    if (typeof item !== 'number' || !Number.isInteger(item) || Math.abs(item) > 2 ** 31 - 1) {
      throw new GraphQLError('Invalid IntArray: every item must be a 32-bit integer', {
        extensions: { code: 'INVALID_INPUT' },
      });
    }
  }
  return items as number[];
}

export const IntArrayScalar = builder.scalarType('IntArray', {
  description:
    'A JSON array of integers, sent as one value (the compact grid, and the compact form of setAllocations).',
  serialize: (value) => value,
  parseValue: parseIntArray,
  parseLiteral: (ast) => parseIntArray(listLiteral(ast)),
});

export const MoneyArrayScalar = builder.scalarType('MoneyArray', {
  description:
    'A JSON array of Money values (strings of digits, exact đồng), sent as one value. As input each item ' +
    'follows the Money rules (same error codes).',
  serialize: (value) => value.map((amount) => amount.toString()),
  parseValue: (value) => listValue(value, 'MoneyArray').map(parseMoneyInput),
  parseLiteral: (ast) => listValue(listLiteral(ast), 'MoneyArray').map(parseMoneyInput),
});

export const DateScalar = builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601 (yyyy-mm-dd).',
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      throw new GraphQLError('Invalid Date: expected yyyy-mm-dd', {
        extensions: { code: 'INVALID_INPUT' },
      });
    }
    return value;
  },
});

export const DateTimeScalar = builder.scalarType('DateTime', {
  description: 'A point in time, ISO 8601 with time zone.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    const date = new Date(String(value));
    if (Number.isNaN(date.getTime())) {
      throw new GraphQLError('Invalid DateTime', {
        extensions: { code: 'INVALID_INPUT' },
      });
    }
    return date;
  },
});
