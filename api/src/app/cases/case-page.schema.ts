import type { CaseListItem, CasePage, CaseTotal, DepartmentRef, UserRef } from '@pu/contracts';

type JsonSchema = Record<string, unknown>;
/** One schema per key of T, no more and no fewer: the compiler keeps this file and the contract in step. */
type PropertiesOf<T> = { [K in keyof T]-?: JsonSchema };

const text = { type: 'string' };
const optionalText = { type: ['string', 'null'] };

function object<T>(properties: PropertiesOf<T>, nullable = false): JsonSchema {
  return {
    type: nullable ? ['object', 'null'] : 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const departmentRef = object<DepartmentRef>({ id: text, symbol: text, name: text });
const assignee = object<UserRef>({ id: text, displayName: text }, true);

const caseListItem = object<CaseListItem>({
  id: text,
  reference: text,
  kind: text,
  subject: text,
  channel: text,
  receivedAt: text,
  clientName: optionalText,
  clientAccommodation: optionalText,
  department: departmentRef,
  assignee,
  currentStep: optionalText,
  status: text,
  dueAt: optionalText,
  overdue: { type: 'boolean' },
  outcome: optionalText,
  version: { type: 'integer' },
});

/**
 * The case list's 200 answer as a Fastify response schema. Fastify compiles it into a serializer (several times
 * faster than JSON.stringify on a page of 25), and that serializer writes only the properties listed here: a
 * client's contact details could not reach a list even if a query selected them (standard 12).
 */
export const CASE_PAGE_RESPONSE_SCHEMA = {
  response: {
    200: object<CasePage>({
      items: { type: 'array', items: caseListItem },
      nextCursor: optionalText,
      total: object<CaseTotal>({ count: { type: 'integer' }, exact: { type: 'boolean' } }),
    }),
  },
};
