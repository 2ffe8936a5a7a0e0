import { z } from 'zod';
import { findRequirement } from './requirements.ts';

/**
 * A supplier's questionnaire: what it states about requirements no suite can observe (its
 * aggregator tier, its support, its storage), each with the document that backs the statement.
 * A statement becomes evidence only once a reviewer has accepted it.
 */
const AttestableId = z.string().superRefine((id, ctx) => {
  const requirement = findRequirement(id);
  if (!requirement) {
    ctx.addIssue({ code: 'custom', message: `${id} is not in the requirement catalogue` });
  } else if (requirement.evidence === 'tested') {
    ctx.addIssue({ code: 'custom', message: `${id} can only be tested, not attested` });
  }
});

const IsoDate = z.iso.date({ error: 'a calendar date as YYYY-MM-DD' });

const AnswerSchema = z
  .object({
    requirement: AttestableId,
    statement: z.string().min(1),
    /** Where the statement is backed: a document's name or address. */
    evidence: z.string().min(1),
    accepted: z
      .object({ by: z.string().min(1), on: IsoDate })
      .strict()
      .optional(),
  })
  .strict();

export const AttestationFileSchema = z
  .object({ supplier: z.string().min(1), answers: z.array(AnswerSchema) })
  .strict()
  .superRefine((file, ctx) => {
    // Two answers to one requirement would leave the verdict to their order.
    const seen = new Set<string>();
    file.answers.forEach((answer, index) => {
      if (seen.has(answer.requirement)) {
        const message = `${answer.requirement} is answered twice`;
        ctx.addIssue({ code: 'custom', path: ['answers', index, 'requirement'], message });
      }
      seen.add(answer.requirement);
    });
  });

/** The attestation a requirement's verdict used, as the run result records it. */
export const AttestationSchema = z.object({
  statement: z.string(),
  evidence: z.string(),
  acceptedBy: z.string().optional(),
  acceptedOn: z.string().optional(),
});

export type AttestationFile = z.infer<typeof AttestationFileSchema>;
export type Attestation = z.infer<typeof AttestationSchema>;

/** The file's answers by requirement id, in the form the run result records. */
export function attestationsOf(file: AttestationFile): Map<string, Attestation> {
  return new Map(
    file.answers.map((answer) => [
      answer.requirement,
      {
        statement: answer.statement,
        evidence: answer.evidence,
        ...(answer.accepted
          ? { acceptedBy: answer.accepted.by, acceptedOn: answer.accepted.on }
          : {}),
      },
    ]),
  );
}

export function isAccepted(attestation: Attestation | undefined): boolean {
  return attestation?.acceptedBy !== undefined && attestation.acceptedOn !== undefined;
}
