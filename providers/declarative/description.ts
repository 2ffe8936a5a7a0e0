import { z } from 'zod';
import { NORMALISED_STATUSES } from '../contract.ts';
import { TEMPLATE_VARIABLE, templateVariables } from './template.ts';

/**
 * A supplier's HTTP API described as data, so that a team can test a supplier the harness has
 * no code for. Values may hold `{{variables}}` (see template.ts); everything else is literal.
 */
const Template = z.string().superRefine((text, ctx) => {
  for (const name of templateVariables(text)) {
    if (!TEMPLATE_VARIABLE.test(name)) {
      ctx.addIssue({ code: 'custom', message: `unknown template variable {{${name}}}` });
    }
  }
});

const Pattern = z.string().refine((text) => {
  try {
    new RegExp(text);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

/** A regular expression whose first capture group holds the value wanted. */
const Capturing = (what: string) =>
  Pattern.refine((p) => /\((?!\?)/.test(p), `needs a capture group for ${what}`);

const Encoding = z.enum(['json', 'form', 'query']);

/** A field in a JSON body (`messages.0.id`) or a form or query parameter (`reference`). */
const FieldPath = z.string().regex(/^[\w.-]+$/, 'a field name, or a dotted path into JSON');

const Status = z.enum(NORMALISED_STATUSES);

const NoAuth = z.object({ scheme: z.literal('none') }).strict();
const BasicAuth = z.object({ scheme: z.literal('basic'), username: Template, password: Template });
const BearerAuth = z.object({ scheme: z.literal('bearer'), token: Template }).strict();
const HeaderAuth = z
  .object({ scheme: z.literal('header'), name: z.string().min(1), value: Template })
  .strict();

const RequestAuth = z.discriminatedUnion('scheme', [
  NoAuth,
  BasicAuth.strict(),
  BearerAuth,
  HeaderAuth,
]);

const ReceiptAuth = z.discriminatedUnion('scheme', [
  NoAuth,
  BasicAuth.extend({
    /**
     * The service hands the credentials over as the user-info of the callback URL
     * (`https://user:password@host/…`), and the supplier posts them back as Basic auth.
     */
    inCallbackUrl: z.boolean().default(false),
  }).strict(),
  BearerAuth,
  HeaderAuth,
  /**
   * A secret the service puts in the callback URL's query, which the supplier calls back
   * unchanged (Kannel's dlr-url): weaker than a header, but all some gateways offer.
   */
  z.object({ scheme: z.literal('query'), parameter: z.string().min(1), value: Template }).strict(),
  z
    .object({
      scheme: z.literal('hmac'),
      header: z.string().min(1),
      algorithm: z.enum(['sha1', 'sha256', 'sha512']),
      digest: z.enum(['hex', 'base64']),
      secret: Template,
    })
    .strict(),
]);

/**
 * A status whose meaning hangs on a detail code. `afterPending` is for suppliers that send a
 * bare failure both for a first attempt refused outright (permanent) and for a message that
 * was pending and then gave up (temporary), as Firetext does.
 */
const CodedStatus = z
  .object({
    byCode: z.record(z.string(), Status).default({}),
    otherwise: Status,
    afterPending: Status.optional(),
  })
  .strict();

export const DescriptionSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lowercase letters, digits and hyphens'),
    documentation: z.url().optional(),
    /** Names of the secrets the target supplies from its environment, e.g. `apiKey`. */
    credentials: z.array(z.string().regex(/^[a-zA-Z]\w*$/)).default([]),
    send: z
      .object({
        method: z.enum(['GET', 'POST']),
        path: Template,
        encoding: Encoding,
        fields: z.record(z.string(), z.union([Template, z.number(), z.boolean()])),
        auth: RequestAuth.default({ scheme: 'none' }),
        response: z.enum(['json', 'text']).default('json'),
        accepted: z
          .object({
            httpStatus: z.array(z.number().int().min(100).max(599)).min(1).default([200]),
            /** A field of a JSON answer, or a regular expression over a text answer. */
            field: FieldPath.optional(),
            matches: Pattern.optional(),
            equals: z.array(z.string()).min(1).optional(),
          })
          .strict(),
        /** Where the message id is: a field of the answer, or the reference the harness sent. */
        messageId: z.union([
          z.object({ field: FieldPath }).strict(),
          z.object({ pattern: Capturing('the id') }).strict(),
          z.object({ reference: z.literal(true) }).strict(),
        ]),
      })
      .strict(),
    receipts: z
      .object({
        encoding: Encoding,
        messageId: FieldPath,
        status: FieldPath,
        /** The detail code: a field, or the first group a pattern captures in a field. */
        code: z
          .union([
            FieldPath,
            z.object({ field: FieldPath, pattern: Capturing('the code') }).strict(),
          ])
          .optional(),
        /** Statuses that are not final yet; they arm `afterPending`. */
        pending: z.array(z.string()).default([]),
        statuses: z.record(z.string(), z.union([Status, CodedStatus])),
        auth: ReceiptAuth.default({ scheme: 'none' }),
      })
      .strict(),
  })
  .strict()
  .superRefine((description, ctx) => {
    const listed = new Set(description.credentials);
    for (const [path, text] of stringsIn(description)) {
      for (const name of templateVariables(text)) {
        const secret = /^credentials\.(\w+)$/.exec(name)?.[1];
        if (secret !== undefined && !listed.has(secret)) {
          const message = `{{${name}}} names a secret missing from credentials: list it there`;
          ctx.addIssue({ code: 'custom', path, message });
        }
      }
    }
  });

/** Every string in a parsed description, with its path, so each can be named in an error. */
function* stringsIn(value: unknown, path: PropertyKey[] = []): Generator<[PropertyKey[], string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* stringsIn(item, [...path, index]);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* stringsIn(item, [...path, key]);
  }
}

export type Description = z.infer<typeof DescriptionSchema>;
export type ReceiptAuthDescription = Description['receipts']['auth'];
export type RequestAuthDescription = Description['send']['auth'];
