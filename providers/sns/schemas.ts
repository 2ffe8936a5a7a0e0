import { z } from 'zod';

/**
 * Shapes from the SNS API reference (Query protocol, XML replies), as far as the harness
 * relies on them: a Publish result, and the `ErrorResponse` every action may give.
 */
export const PublishResultSchema = z.object({
  MessageId: z.string().min(1),
  RequestId: z.string().min(1),
});

export type PublishResult = z.infer<typeof PublishResultSchema>;

export const ErrorResponseSchema = z.object({
  Type: z.enum(['Sender', 'Receiver']),
  Code: z.string().min(1),
  Message: z.string(),
  RequestId: z.string().optional(),
});

export type SnsError = z.infer<typeof ErrorResponseSchema>;
