/** Date, DateTime and Pence: validated on the way in, so resolvers never see a malformed value. */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isIsoDate } from '../src/domain/rules/dates.ts';

const bad = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function stringScalar(name: string, description: string, valid: (value: string) => boolean, problem: string) {
  const parse = (value: unknown) => {
    if (typeof value !== 'string' || !valid(value)) throw bad(problem);
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => value,
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw bad(problem);
      return parse(ast.value);
    },
  });
}

export const scalarResolvers = {
  Date: stringScalar(
    'Date',
    'A calendar date, YYYY-MM-DD.',
    isIsoDate,
    'A Date must be a real calendar date written YYYY-MM-DD.',
  ),
  DateTime: stringScalar(
    'DateTime',
    'An ISO 8601 instant with an offset.',
    (v) => DATE_TIME.test(v) && !Number.isNaN(Date.parse(v)),
    'A DateTime must be ISO 8601 with an offset.',
  ),
  Pence: new GraphQLScalarType({
    name: 'Pence',
    description: 'Money in integer pence.',
    serialize: (value) => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw new GraphQLError('Pence must be a whole number.');
      return value;
    },
    parseValue: (value) => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        throw bad('Pence must be a whole number.');
      return value;
    },
    parseLiteral: (ast) => {
      if (ast.kind !== Kind.INT) throw bad('Pence must be a whole number.');
      return Number(ast.value);
    },
  }),
};
