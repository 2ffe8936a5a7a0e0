import { validationError } from './errors.ts';
import { pythonList, pythonRepr } from './python-repr.ts';
import { additionalProperties } from './schemas.ts';
import { parseUuid } from './uuid.ts';

/** Every status the list filter accepts, in the order Notify's error message lists them. */
export const STATUS_FILTER_VALUES = [
  'cancelled',
  'created',
  'sending',
  'sent',
  'delivered',
  'pending',
  'failed',
  'technical-failure',
  'temporary-failure',
  'permanent-failure',
  'pending-virus-check',
  'validation-failed',
  'virus-scan-failed',
  'returned-letter',
  'accepted',
  'received',
];

const TEMPLATE_TYPES = ['sms', 'email', 'letter'];
const INCLUDE_JOBS = ['true', 'True'];
const SINGLE_VALUED = new Set(['reference', 'older_than', 'include_jobs']);
const FIELDS = ['reference', 'status', 'template_type', 'include_jobs', 'older_than'];

/** `failed` is a family; letter words stand for the statuses behind them. */
const SUBSTITUTES: Readonly<Record<string, readonly string[]>> = {
  failed: [
    'technical-failure',
    'temporary-failure',
    'permanent-failure',
    'validation-failed',
    'virus-scan-failed',
    'returned-letter',
  ],
  accepted: ['created', 'sending'],
  received: ['delivered'],
};

export interface ListQuery {
  /** Statuses to keep, after substitution; undefined keeps all. */
  readonly statuses: readonly string[] | undefined;
  readonly templateTypes: readonly string[];
  readonly reference: string | undefined;
  readonly olderThan: string | undefined;
  /** The query as Notify echoes it in `links`: first value of single fields, order kept. */
  readonly echo: readonly (readonly [string, string])[];
}

export function validateListQuery(params: URLSearchParams): ListQuery {
  const echo = echoed(params);
  const statuses = params.getAll('status');
  const templateTypes = params.getAll('template_type');
  const olderThan = params.get('older_than') ?? undefined;
  const includeJobs = params.get('include_jobs');

  const problems = [
    ...statuses
      .filter((s) => !STATUS_FILTER_VALUES.includes(s))
      .map((s) => notOneOf('status', s, STATUS_FILTER_VALUES)),
    ...templateTypes
      .filter((t) => !TEMPLATE_TYPES.includes(t))
      .map((t) => notOneOf('template_type', t, TEMPLATE_TYPES)),
    ...(includeJobs !== null && !INCLUDE_JOBS.includes(includeJobs)
      ? [notOneOf('include_jobs', includeJobs, INCLUDE_JOBS)]
      : []),
    ...(olderThan !== undefined && !parseUuid(olderThan) ? ['older_than is not a valid UUID'] : []),
    ...additionalProperties([...new Set(params.keys())], FIELDS),
  ];
  if (problems.length > 0) throw validationError(problems);

  return {
    statuses: statuses.length > 0 ? substitute(statuses) : undefined,
    templateTypes,
    reference: params.get('reference') ?? undefined,
    olderThan: olderThan === undefined ? undefined : parseUuid(olderThan),
    echo,
  };
}

function notOneOf(field: string, value: string, allowed: readonly string[]): string {
  return `${field} ${pythonRepr(value)} is not one of ${pythonList(allowed)}`;
}

function substitute(statuses: readonly string[]): string[] {
  return [...new Set(statuses.flatMap((s) => SUBSTITUTES[s] ?? [s]))];
}

function echoed(params: URLSearchParams): [string, string][] {
  const seen = new Set<string>();
  const pairs: [string, string][] = [];
  for (const [key, value] of params) {
    if (SINGLE_VALUED.has(key) && seen.has(key)) continue;
    seen.add(key);
    pairs.push([key, value]);
  }
  return pairs;
}
