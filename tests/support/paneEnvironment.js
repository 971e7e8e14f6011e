// The pane tests' environment: jest's jsdom, with one speed-up that changes no result.
//
// Testing Library's role queries ask getComputedStyle about every element they look at (is it
// display: none, visibility: hidden?), and jsdom answers by matching every CSS rule on the page
// against the element, once more for each ancestor when it resolves `visibility`. Fluent UI's
// atomic CSS puts thousands of rules on the page, so 70 % of a pane test's time went there.
// Here each rule remembers the classes its selector requires of the element it styles (the
// classes in the last compound selector of each alternative); a rule is matched only when the
// element has one of them, or when the rule requires none. A rule skipped so could not have
// matched, and the rules that do match are handled in the same order as before, so every
// computed style is exactly jsdom's.
//
// jsdom's Window.js keeps its own reference to forEachMatchingSheetRuleOfElement, so the patch
// must come before jest-environment-jsdom loads jsdom: test files name this file in their
// `@jest-environment` docblock.
const cssom = require("cssom");
const defaultStyleSheet = require("jsdom/lib/jsdom/browser/default-stylesheet.js");
const { matchesDontThrow } = require("jsdom/lib/jsdom/living/helpers/selectors.js");
const styleRules = require("jsdom/lib/jsdom/living/helpers/style-rules.js");

const original = styleRules.forEachMatchingSheetRuleOfElement;

const KEYS = Symbol("classes the selector requires");

/**
 * The classes one of which an element must have for the selector to match it, or null when an
 * alternative of the selector requires none (or is too unusual to read safely).
 */
function requiredClasses(selectorText) {
  if (typeof selectorText !== "string" || /[\\"']/.test(selectorText)) return null;
  const keys = new Set();
  for (const alternative of splitTopLevel(selectorText, ",")) {
    const last = lastCompound(alternative.trim());
    const own = classesOutsideBrackets(last);
    if (own.length === 0) return null;
    keys.add(own[0]);
  }
  return keys.size > 0 ? keys : null;
}

/** Splits on a character that is outside (), [] (there are no quotes: see requiredClasses). */
function splitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The compound selector after the last combinator (space, >, +, ~) outside (), []. */
function lastCompound(selector) {
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const ch = selector[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (depth === 0 && (ch === " " || ch === ">" || ch === "+" || ch === "~")) start = i + 1;
  }
  return selector.slice(start);
}

/** The .class names of a compound selector, leaving out those inside :not(…), [ ] and the like. */
function classesOutsideBrackets(compound) {
  const classes = [];
  let depth = 0;
  for (let i = 0; i < compound.length; i++) {
    const ch = compound[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") depth--;
    else if (ch === "." && depth === 0) {
      const m = /^[A-Za-z_-][A-Za-z0-9_-]*/.exec(compound.slice(i + 1));
      if (m) classes.push(m[0]);
    }
  }
  return classes;
}

function keysOf(rule) {
  const cached = rule[KEYS];
  if (cached && cached.selectorText === rule.selectorText) return cached.keys;
  const keys = requiredClasses(rule.selectorText);
  rule[KEYS] = { selectorText: rule.selectorText, keys };
  return keys;
}

/** Could the rule match an element with these classes? (false: it certainly does not) */
function mayMatch(rule, classes) {
  const keys = keysOf(rule);
  if (keys === null) return true;
  for (const key of keys) if (classes.has(key)) return true;
  return false;
}

const { forEach, indexOf } = Array.prototype;
let parsedDefaultStyleSheet;

// jsdom 20's forEachMatchingSheetRuleOfElement, line for line, with mayMatch before matching.
styleRules.forEachMatchingSheetRuleOfElement = (elementImpl, handleRule) => {
  const classAttribute = elementImpl.getAttributeNS(null, "class");
  const classes = new Set(classAttribute ? classAttribute.split(/[\t\n\f\r ]+/) : []);
  // In quirks mode class selectors ignore case; there, every rule is matched as jsdom does.
  const quirks = elementImpl._ownerDocument.compatMode === "BackCompat";
  const matches = (rule) =>
    (quirks || mayMatch(rule, classes)) && matchesDontThrow(elementImpl, rule.selectorText);

  function handleSheet(sheet) {
    forEach.call(sheet.cssRules, (rule) => {
      if (rule.media) {
        if (indexOf.call(rule.media, "screen") !== -1) {
          forEach.call(rule.cssRules, (innerRule) => {
            if (matches(innerRule)) handleRule(innerRule);
          });
        }
      } else if (matches(rule)) {
        handleRule(rule);
      }
    });
  }

  if (!parsedDefaultStyleSheet) parsedDefaultStyleSheet = cssom.parse(defaultStyleSheet);
  handleSheet(parsedDefaultStyleSheet);
  forEach.call(elementImpl._ownerDocument.styleSheets._list, handleSheet);
};

// PANE_ENV_CHECK=1 checks the claim above: every call also runs jsdom's own function and fails
// unless both found the same rules in the same order (run the pane tests so after changing this file).
if (process.env.PANE_ENV_CHECK === "1") {
  const indexed = styleRules.forEachMatchingSheetRuleOfElement;
  styleRules.forEachMatchingSheetRuleOfElement = (elementImpl, handleRule) => {
    const mine = [];
    const jsdoms = [];
    indexed(elementImpl, (rule) => mine.push(rule));
    original(elementImpl, (rule) => jsdoms.push(rule));
    // By text: jsdom parses its default style sheet for itself, so those rules are other objects.
    if (mine.length !== jsdoms.length || mine.some((rule, i) => rule.cssText !== jsdoms[i].cssText)) {
      throw new Error(
        `paneEnvironment: other rules than jsdom's for <${elementImpl.localName} class="${elementImpl.getAttributeNS(null, "class")}">: ` +
          `here ${JSON.stringify(mine.map((r) => r.selectorText))}, ` +
          `in jsdom ${JSON.stringify(jsdoms.map((r) => r.selectorText))}`,
      );
    }
    jsdoms.forEach((rule) => handleRule(rule));
  };
}

module.exports = require("jest-environment-jsdom");
