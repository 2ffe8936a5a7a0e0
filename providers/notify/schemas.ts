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
