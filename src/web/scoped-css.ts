/**
 * Scoping a report's style sheet to one element, so the report can sit inside the app's frame
 * without its rules reaching the app, and with enough weight to win over the app's rules of
 * the same name. Written for the reports' own fixed sheets: plain rules, @media and @page
 * blocks, no nesting and no strings containing braces.
 */

/**
 * Prefixes every selector of `css` with `scope`; rules for the document itself (`:root`,
 * `html`, `body`) apply to the scope element; selectors that start with an attribute or a
 * `:lang()` test also match on the scope element; @page rules are dropped.
 * Example: scopeCss("h2, [dir='rtl'] .x { a: b }", ".r") gives
 * ".r h2, .r[dir='rtl'] .x, .r [dir='rtl'] .x { a: b }".
 */
export function scopeCss(css: string, scope: string): string {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return scopeBlock(withoutComments, scope).trim();
}

function scopeBlock(css: string, scope: string): string {
  const out: string[] = [];
  let rest = css;
  for (;;) {
    const open = rest.indexOf('{');
    if (open === -1) break;
    const prelude = rest.slice(0, open).trim();
    const close = matchingBrace(rest, open);
    const body = rest.slice(open + 1, close);
    rest = rest.slice(close + 1);

    if (prelude.startsWith('@page')) continue;
    if (prelude.startsWith('@media') || prelude.startsWith('@supports')) {
      out.push(`${prelude} {\n${scopeBlock(body, scope)}\n}`);
    } else if (prelude.startsWith('@')) {
      out.push(`${prelude} {${body}}`);
    } else {
      out.push(`${scopeSelectors(prelude, scope)} {${body}}`);
    }
  }
  return out.join('\n');
}

function matchingBrace(css: string, open: number): number {
  let depth = 0;
  for (let i = open; i < css.length; i += 1) {
    if (css[i] === '{') depth += 1;
    if (css[i] === '}') depth -= 1;
    if (depth === 0) return i;
  }
  throw new Error(`unbalanced braces in a report style sheet near: ${css.slice(open, open + 40)}`);
}

/** The selectors of one rule, each prefixed. */
export function scopeSelectors(selectors: string, scope: string): string {
  return selectors
    .split(',')
    .map((selector) => selector.trim())
    .filter(Boolean)
    .flatMap((selector) => scopeSelector(selector, scope))
    .join(', ');
}

function scopeSelector(selector: string, scope: string): string[] {
  const documentRoot = /^(?::root|html|body)(?=$|[\s.:[>~+])/;
  if (documentRoot.test(selector)) return [`${scope}${selector.replace(documentRoot, '')}`];

  const lang = /^(:lang\([^)]*\))\s+(?::root|html|body)(.*)$/.exec(selector);
  if (lang) return [`${scope}${lang[1]}${lang[2]}`];

  if (selector.startsWith('[') || selector.startsWith(':lang(')) {
    return [`${scope}${selector}`, `${scope} ${selector}`];
  }
  return [`${scope} ${selector}`];
}
