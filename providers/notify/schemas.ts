import { z } from 'zod';

/** Response shapes from the Notify API v2 documentation, as far as the harness relies on them. */
export const SendResponseSchema = z.object({
  id: z.uuid(),
  reference: z.string().nullable(),
  content: z.object({ body: z.string(), from_number: z.string() }),
  uri: z.string(),
  template: z.object({ id: z.uuid(), version: z.number(), uri: z.string() }),
});

export const NotificationSchema = z.object({
  id: z.uuid(),
  reference: z.string().nullable(),
  phone_number: z.string().nullable(),
  type: z.literal('sms'),
  status: z.string(),
  body: z.string(),
  created_at: z.string(),
  sent_at: z.string().nullable(),
  completed_at: z.string().nullable(),
  is_cost_data_ready: z.boolean().optional(),
  cost_details: z
    .object({
      billable_sms_fragments: z.number().nullable().optional(),
      international_rate_multiplier: z.number().nullable().optional(),
      sms_rate: z.number().nullable().optional(),
    })
    .nullable()
    .optional(),
});

export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  links: z.object({ current: z.string(), next: z.string().optional() }),
});

export const ErrorBodySchema = z.object({
  status_code: z.number(),
  errors: z.array(z.object({ error: z.string(), message: z.string() })),
});

export const DeliveryCallbackSchema = z.object({
  id: z.uuid(),
  reference: z.string().nullable(),
  to: z.string(),
  status: z.string(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  sent_at: z.string().nullable(),
  notification_type: z.literal('sms'),
});

export type Notification = z.infer<typeof NotificationSchema>;

export const ReceivedTextSchema = z.object({
  id: z.uuid(),
  user_number: z.string(),
  notify_number: z.string(),
  created_at: z.string(),
  content: z.string(),
});

export const ReceivedTextListSchema = z.object({
  received_text_messages: z.array(ReceivedTextSchema),
  links: z.object({ current: z.string(), next: z.string().optional() }),
});

export const ReceivedTextCallbackSchema = z.object({
  id: z.uuid(),
  source_number: z.string(),
  destination_number: z.string(),
  message: z.string(),
  date_received: z.string(),
});
