/**
 * The CASE framework shape Trellis reads, checked with one schema that accepts both the
 * CASE 1.0 CFPackage and the earlier (pre-1.0) shape, where associations name their ends with
 * `originNodeIdentifier`/`destinationNodeIdentifier` and ids may be ASN URIs. Parsing gives a
 * plain, normalized framework.
 */
import { z } from 'zod';

const linkUri = z.object({
  identifier: z.string().min(1),
  uri: z.string().nullish(),
  title: z.string().nullish(),
});

const documentSchema = z.object({
  identifier: z.string().min(1),
  title: z.string().min(1),
  creator: z.string().nullish(),
  subject: z.union([z.string(), z.array(z.string())]).nullish(),
  version: z.string().nullish(),
});

const itemSchema = z.object({
  identifier: z.string().min(1),
  fullStatement: z.string().min(1),
  humanCodingScheme: z.string().nullish(),
  CFItemType: z.string().nullish(),
  CFItemTypeURI: linkUri.partial().nullish(),
  educationalLevel: z.union([z.string(), z.array(z.string())]).nullish(),
});

const associationSchema = z
  .object({
    identifier: z.string().min(1),
    associationType: z.string().min(1),
    // CASE 1.0 says integer; OpenSALT's own sample writes "1", so digits in a string count too.
    sequenceNumber: z
      .union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)])
      .nullish(),
    originNodeURI: linkUri.partial().nullish(),
    destinationNodeURI: linkUri.partial().nullish(),
    originNodeIdentifier: z.string().nullish(),
    destinationNodeIdentifier: z.string().nullish(),
  })
  .refine((a) => !!(a.originNodeIdentifier ?? a.originNodeURI?.identifier), {
    message: 'names no origin (originNodeURI.identifier or originNodeIdentifier)',
  })
  .refine((a) => !!(a.destinationNodeIdentifier ?? a.destinationNodeURI?.identifier), {
    message: 'names no destination (destinationNodeURI.identifier or destinationNodeIdentifier)',
  });

/** The whole package: a document, its items and its associations. */
export const casePackageSchema = z.object({
  CFDocument: documentSchema,
  CFItems: z.array(itemSchema),
  CFAssociations: z.array(associationSchema).default([]),
});

export type CasePackageInput = z.infer<typeof casePackageSchema>;

/** One CFItem, normalized. */
export interface CaseItem {
  readonly identifier: string;
  readonly statement: string;
  readonly code: string | null;
  readonly itemType: string | null;
  readonly gradeLevels: string | null;
  /** 1-based position in CFItems. */
  readonly position: number;
}

/** One CFAssociation, normalized to the identifiers of its two ends. */
export interface CaseAssociation {
  readonly identifier: string;
  readonly type: string;
  readonly origin: string;
  readonly destination: string;
  readonly destinationUri: string | null;
  readonly sequence: number | null;
}

export interface CaseFramework {
  readonly identifier: string;
  readonly title: string;
  readonly creator: string | null;
  readonly subject: string | null;
  readonly version: string | null;
  readonly items: readonly CaseItem[];
  readonly associations: readonly CaseAssociation[];
}

/** The normalized framework of a package that passed `casePackageSchema`. */
export function normalizeCase(input: CasePackageInput): CaseFramework {
  const { CFDocument: document } = input;
  return {
    identifier: document.identifier,
    title: document.title,
    creator: document.creator ?? null,
    subject: joined(document.subject),
    version: document.version ?? null,
    items: input.CFItems.map((item, index) => ({
      identifier: item.identifier,
      statement: item.fullStatement,
      code: item.humanCodingScheme?.trim() || null,
      itemType: item.CFItemType ?? item.CFItemTypeURI?.title ?? null,
      gradeLevels: joined(item.educationalLevel),
      position: index + 1,
    })),
    associations: input.CFAssociations.map((association) => ({
      identifier: association.identifier,
      type: association.associationType,
      origin: (association.originNodeIdentifier ?? association.originNodeURI?.identifier)!,
      destination: (association.destinationNodeIdentifier ??
        association.destinationNodeURI?.identifier)!,
      destinationUri: association.destinationNodeURI?.uri ?? null,
      sequence: association.sequenceNumber ?? null,
    })),
  };
}

function joined(value: string | readonly string[] | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : value.join(',');
  return text.trim() || null;
}
