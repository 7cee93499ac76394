/**
 * Matching Common Core codes written two ways. Ed-Fi districts write "CC.5.NBT.3"; the CASE
 * framework writes "CCSS.Math.Content.5.NBT.A.3", with the cluster letter (A) that the Ed-Fi
 * code leaves out. Both reduce to one key without the cluster, and equal keys match.
 */

/** A standard with a code, as the matcher needs it. */
export interface CodedStandard {
  readonly id: string;
  readonly code: string;
}

/** A match: the local standard and the Common Core standard it is the same as. */
export interface CodeMatch {
  readonly standardId: string;
  readonly alignedStandardId: string;
}

const ELA_DOMAINS = new Set(['RL', 'RI', 'RF', 'W', 'SL', 'L', 'RH', 'RST', 'WHST']);
const NUMBER = String.raw`(\d+[a-z]?)`;

const EDFI_GRADE = new RegExp(String.raw`^CC\.(K|\d{1,2}|\d{1,2}-\d{1,2})\.([A-Z]+)\.${NUMBER}$`);
const EDFI_HIGH_SCHOOL = new RegExp(String.raw`^CC\.9-12\.([ANFGS])\.([A-Z]+)\.${NUMBER}$`);
const CASE_MATH = new RegExp(
  String.raw`^CCSS\.Math\.Content\.(K|\d{1,2})\.([A-Z]+)\.[A-Z]\.${NUMBER}$`,
);
const CASE_HIGH_SCHOOL = new RegExp(
  String.raw`^CCSS\.Math\.Content\.HS([ANFGS])-([A-Z]+)\.[A-Z]\.${NUMBER}$`,
);
const CASE_ELA = new RegExp(
  String.raw`^CCSS\.ELA-Literacy\.([A-Z]+)\.(K|\d{1,2}|\d{1,2}-\d{1,2})\.${NUMBER}$`,
);

/**
 * The cluster-free key of a Common Core code in Ed-Fi or CASE form, or null for any other
 * code (a domain, a cluster, a state standard).
 *
 * Examples: "CC.5.NBT.3" and "CCSS.Math.Content.5.NBT.A.3" both give "math 5.NBT.3";
 * "CC.9-12.A.SSE.1a" and "CCSS.Math.Content.HSA-SSE.A.1a" give "math HSA-SSE.1a";
 * "CC.4.RI.1" and "CCSS.ELA-Literacy.RI.4.1" give "ela RI.4.1"; "110.13.1.A" gives null.
 */
export function commonCoreKey(code: string): string | null {
  const trimmed = code.trim();
  return edfiKey(trimmed) ?? caseKey(trimmed);
}

function edfiKey(code: string): string | null {
  const highSchool = EDFI_HIGH_SCHOOL.exec(code);
  if (highSchool) return `math HS${highSchool[1]}-${highSchool[2]}.${highSchool[3]}`;

  const graded = EDFI_GRADE.exec(code);
  if (!graded) return null;
  const [, grade, domain, number] = graded;
  if (ELA_DOMAINS.has(domain!)) return `ela ${domain}.${grade}.${number}`;
  return grade!.includes('-') ? null : `math ${grade}.${domain}.${number}`;
}

function caseKey(code: string): string | null {
  const math = CASE_MATH.exec(code);
  if (math) return `math ${math[1]}.${math[2]}.${math[3]}`;

  const highSchool = CASE_HIGH_SCHOOL.exec(code);
  if (highSchool) return `math HS${highSchool[1]}-${highSchool[2]}.${highSchool[3]}`;

  const ela = CASE_ELA.exec(code);
  return ela ? `ela ${ela[1]}.${ela[2]}.${ela[3]}` : null;
}

/** Whether `code` is written the Ed-Fi way ("CC.5.NBT.3"). */
export function isEdfiCommonCoreCode(code: string): boolean {
  return code.startsWith('CC.') && commonCoreKey(code) !== null;
}

/**
 * Every pair of an Ed-Fi-coded standard and a CASE-coded standard with the same key. A local
 * code that several frameworks carry matches each of them.
 *
 * Example: local [{id: "e1", code: "CC.5.NBT.3"}] and common
 * [{id: "c1", code: "CCSS.Math.Content.5.NBT.A.3"}, {id: "c2", code: "CCSS.Math.Content.5.NBT.A"}]
 * give [{standardId: "e1", alignedStandardId: "c1"}].
 */
export function matchCommonCore(
  local: readonly CodedStandard[],
  common: readonly CodedStandard[],
): CodeMatch[] {
  const byKey = new Map<string, string[]>();
  for (const standard of common) {
    if (!standard.code.startsWith('CCSS.')) continue;
    const key = commonCoreKey(standard.code);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), standard.id]);
  }

  return local.flatMap((standard) => {
    const key = isEdfiCommonCoreCode(standard.code) ? commonCoreKey(standard.code) : null;
    const matches = key ? (byKey.get(key) ?? []) : [];
    return matches.map((alignedStandardId) => ({ standardId: standard.id, alignedStandardId }));
  });
}
