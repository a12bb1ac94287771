import { z } from 'zod';

/** What a certificate flow keeps between turns: never an ID number in the clear. */
export const certificateFlowStateSchema = z.object({
  step: z.enum(['identity', 'choose', 'validity', 'confirm']),
  holderId: z.string().optional(),
  pendingName: z.string().optional(),
  /** An ID number typed before the name, sealed (AES-GCM) until the name arrives. */
  sealedId: z.string().optional(),
  requestedCertificateId: z.string().optional(),
  choices: z.array(z.string()).optional(),
  certificateId: z.string().optional(),
  validityDays: z.number().int().optional(),
});

export type CertificateFlowState = z.infer<typeof certificateFlowStateSchema>;
