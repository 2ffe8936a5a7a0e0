import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * What an SMS-forwarding app on a test phone posts for each text the phone receives. Apps let
 * the body be templated; this is the shape to configure. `to` may be left out where the app
 * cannot tell its own number, and `receivedAt` where it cannot tell the time it arrived.
 *
 * @example
 * {"from": "ExampleCncl", "to": "07700900456", "text": "…", "receivedAt": "2026-12-04T10:00:00Z"}
 */
export const ObservedTextPostSchema = z.object({
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(32).optional(),
  text: z.string().max(10_000),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
});

/** A text a phone reported, as workers read it back. */
export interface ObservedPost {
  readonly from: string;
  readonly to?: string;
  readonly text: string;
  /** Epoch ms: when the phone says it arrived, or when the post came. */
  readonly arrivedAt: number;
}

export interface IntakeAnswer {
  readonly status: number;
  readonly json: object;
}

/** Enough for any sample the truth check may send, and bounded against a runaway app. */
const MAX_KEPT = 10_000;

/**
 * The receiver's side of the webhook observer: for each target that names one, the bearer token
 * its phone presents and the texts it reported.
 */
export class WebhookIntake {
  readonly #tokens = new Map<string, string>();
  readonly #texts = new Map<string, ObservedPost[]>();

  watch(target: string, token: string): void {
    this.#tokens.set(target, token);
    this.#texts.set(target, []);
  }

  accept(target: string, headers: Record<string, string>, body: string): IntakeAnswer {
    const token = this.#tokens.get(target);
    const kept = this.#texts.get(target);
    if (token === undefined || !kept) {
      return { status: 404, json: { error: `target ${target} has no webhook observer` } };
    }
    if (!sameToken(headers['authorization'], token)) {
      const error = `a post for target ${target}'s phone without its bearer token: check the app`;
      return { status: 401, json: { error } };
    }

    const parsed = parse(body);
    if (!parsed.ok) {
      return {
        status: 400,
        json: { error: `observed text for target ${target}: ${parsed.error}` },
      };
    }
    if (kept.length >= MAX_KEPT) return { status: 429, json: { error: 'too many texts kept' } };
    kept.push(parsed.post);
    return { status: 200, json: { ok: true } };
  }

  list(target: string): readonly ObservedPost[] {
    return this.#texts.get(target) ?? [];
  }
}

function parse(body: string): { ok: true; post: ObservedPost } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, error: 'the body is not JSON; expected {from, to?, text, receivedAt?}' };
  }

  const result = ObservedTextPostSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    return { ok: false, error: problems.join('; ') };
  }
  const { from, to, text, receivedAt } = result.data;
  const arrivedAt = receivedAt ? Date.parse(receivedAt) : Date.now();
  return { ok: true, post: { from, text, arrivedAt, ...(to ? { to } : {}) } };
}

function sameToken(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
