import { z } from 'zod';

/**
 * Shapes from Twilio's Programmable Messaging reference (the Message resource, its list page,
 * REST errors and status callbacks), as far as the harness relies on them.
 */
export const MessageSchema = z.object({
  sid: z.string().regex(/^(SM|MM)[0-9a-f]{32}$/),
  account_sid: z.string(),
  to: z.string(),
  from: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  error_code: z.number().nullable(),
  error_message: z.string().nullable().optional(),
  num_segments: z.string(),
  price: z.string().nullable(),
  price_unit: z.string().nullable(),
  date_created: z.string(),
  date_sent: z.string().nullable(),
  date_updated: z.string(),
  direction: z.string(),
});

export type TwilioMessage = z.infer<typeof MessageSchema>;

export const MessagePageSchema = z.object({
  messages: z.array(MessageSchema),
  next_page_uri: z.string().nullable(),
  page: z.number(),
  page_size: z.number(),
  uri: z.string(),
});

export const ErrorBodySchema = z.object({
  code: z.number(),
  message: z.string(),
  more_info: z.string(),
  status: z.number(),
});

/**
 * A status callback's form. Twilio says the set of keys grows without notice, so only those
 * read are required; the signature still covers everything that arrives.
 */
export const StatusCallbackSchema = z.object({
  AccountSid: z.string(),
  MessageSid: z.string(),
  MessageStatus: z.string(),
  ErrorCode: z.string().regex(/^\d+$/).optional(),
});

/**
 * The incoming-message webhook's form (Twilio docs, "Twilio's request to your incoming message
 * Webhook URL"). Like status callbacks its keys grow without notice: only those read are required.
 */
export const InboundWebhookSchema = z.object({
  AccountSid: z.string(),
  MessageSid: z.string(),
  From: z.string(),
  To: z.string(),
  Body: z.string(),
});
