/**
 * Turns a checked CASE framework into rows: the framework, its standards with their parents
 * and list order, alignments between its own items, and the associations into frameworks not
 * imported yet (kept pending until their other end arrives). Pure.
 */
import type { Insertable } from 'kysely';
import type {
  FrameworkTable,
  PendingAlignmentTable,
  StandardAlignmentTable,
  StandardTable,
} from '../../store/schema.js';
import { parentsFirst } from '../row-order.js';
import { stableId } from '../stable-id.js';
import type { CaseAssociation, CaseFramework } from './case-package.js';

/** Every row one CASE import writes. */
export interface CasePlan {
  readonly framework: Insertable<FrameworkTable> & { id: string };
  readonly standards: (Insertable<StandardTable> & { id: string })[];
  readonly alignments: Insertable<StandardAlignmentTable>[];
  /** Associations whose destination is not in this framework, by its CASE identifier. */
  readonly pending: Insertable<PendingAlignmentTable>[];
}

/** Association types that say two items teach the same thing, or relate them in order. */
const ALIGNMENT_KINDS: Readonly<Record<string, string>> = {
  exactMatchOf: 'exactMatch',
  isRelatedTo: 'isRelatedTo',
  precedes: 'precedes',
  isPeerOf: 'isPeerOf',
  isPartOf: 'isPartOf',
  replacedBy: 'replacedBy',
};

/** The id of the standard for CASE item `identifier` of the framework `frameworkSourceId`. */
export function caseStandardId(frameworkSourceId: string, identifier: string): string {
  return stableId('standard', `${frameworkSourceId}|${identifier}`);
}

/** Plans the rows of `framework`. */
export function planCase(framework: CaseFramework): CasePlan {
  const frameworkId = stableId('framework', framework.identifier);
  const idOf = (identifier: string): string => caseStandardId(framework.identifier, identifier);
  const parentLinks = framework.associations.filter((a) => a.type === 'isChildOf');
  const items = new Set(framework.items.map((item) => item.identifier));
  const parentOf = new Map<string, CaseAssociation>();
  for (const link of parentLinks) if (!parentOf.has(link.origin)) parentOf.set(link.origin, link);

  const standards = framework.items.map((item) => {
    const link = parentOf.get(item.identifier);
    const parent = link && items.has(link.destination) ? idOf(link.destination) : null;
    return {
      id: idOf(item.identifier),
      framework_id: frameworkId,
      source_id: item.identifier,
      code: item.code,
      statement: item.statement,
      parent_id: parent,
      item_type: item.itemType,
      grade_levels: item.gradeLevels,
      list_order: link?.sequence ?? item.position,
    };
  });

  return {
    framework: {
      id: frameworkId,
      source_id: framework.identifier,
      title: framework.title,
      creator: framework.creator,
      subject: framework.subject,
      version: framework.version,
      source_format: 'case',
    },
    standards: parentsFirst(standards),
    ...planAssociations(framework, items, idOf),
  };
}

function planAssociations(
  framework: CaseFramework,
  items: ReadonlySet<string>,
  idOf: (identifier: string) => string,
): Pick<CasePlan, 'alignments' | 'pending'> {
  const alignments = new Map<string, Insertable<StandardAlignmentTable>>();
  const pending = new Map<string, Insertable<PendingAlignmentTable>>();

  for (const association of framework.associations) {
    const kind = ALIGNMENT_KINDS[association.type];
    if (!kind || !items.has(association.origin)) continue;
    const standardId = idOf(association.origin);
    if (items.has(association.destination)) {
      const alignedId = idOf(association.destination);
      alignments.set(`${standardId}|${alignedId}`, {
        standard_id: standardId,
        aligned_standard_id: alignedId,
        kind,
      });
    } else {
      pending.set(`${standardId}|${association.destination}`, {
        standard_id: standardId,
        target_identifier: association.destination,
        kind,
        target_uri: association.destinationUri,
      });
    }
  }
  return { alignments: [...alignments.values()], pending: [...pending.values()] };
}
