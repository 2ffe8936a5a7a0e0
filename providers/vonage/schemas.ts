import { z } from 'zod';

/**
 * The SMS API's send response. Vonage answers HTTP 200 even when it refuses a message: the
 * verdict is each part's `status`, a string of digits, `"0"` meaning accepted.
 */
const SubmittedPartSchema = z.object({
  to: z.string().optional(),
  'message-id': z.string().optional(),
  status: z.string().regex(/^\d+$/),
  'remaining-balance': z.string().optional(),
  'message-price': z.string().optional(),
  network: z.string().optional(),
  'client-ref': z.string().optional(),
  'error-text': z.string().optional(),
});

export const SendResponseSchema = z.object({
  'message-count': z.string().regex(/^\d+$/),
  messages: z.array(SubmittedPartSchema).min(1),
});

export type SubmittedPart = z.infer<typeof SubmittedPartSchema>;

/**
 * A delivery receipt, whichever way it came (query string, form or JSON). `msisdn` is the
 * handset and `to` the sender: Vonage's naming is the other way round from what one expects.
 * `scts` is left out of failed receipts, so it is optional.
 */
export const DeliveryReceiptSchema = z.object({
  msisdn: z.string().min(1),
  to: z.string().optional(),
  'network-code': z.string().optional(),
  messageId: z.string().min(1),
  price: z.string().optional(),
  status: z.string().min(1),
  scts: z.string().optional(),
  'err-code': z.string().optional(),
  'api-key': z.string().optional(),
  'client-ref': z.string().optional(),
  'message-timestamp': z.string().optional(),
});

export type DeliveryReceipt = z.infer<typeof DeliveryReceiptSchema>;

/** A text from a handset to the service's Vonage number. */
export const InboundSmsSchema = z.object({
  msisdn: z.string().min(1),
  to: z.string().min(1),
  messageId: z.string().min(1),
  text: z.string(),
  type: z.string().optional(),
  keyword: z.string().optional(),
  'message-timestamp': z.string().optional(),
});
