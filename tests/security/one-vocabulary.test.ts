import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  AVAILABLE_STATUSES,
  BARRIER_BODY_KINDS,
  COVERAGE_LEVELS,
  HELP_KINDS,
  JOURNEY_STEPS,
  KINDS,
  OFFERABLE_STATUSES,
  PHASES,
  R_STRATEGIES,
  SEQUENTIAL_JOURNEY_STEPS,
  SIZE_CLASSES,
  STATUSES,
  THEMES,
} from "../../src/modules/vocabulary/index.js";

/**
 * ADR 0083: the domain's vocabularies are written once, in src/modules/vocabulary. This scan parses every source file
 * of src/ and scripts/ and fails on a list, a union type or a label table that spells out one of them again.
 * Subsets are rules (the kinds that answer "financiering") and stay allowed; the same set again is a copy.
 */
const VOCABULARIES: Record<string, readonly string[]> = {
  JOURNEY_STEPS,
  SEQUENTIAL_JOURNEY_STEPS,
  PHASES,
  THEMES,
  KINDS,
  STATUSES,
  AVAILABLE_STATUSES,
  OFFERABLE_STATUSES,
  COVERAGE_LEVELS,
  SIZE_CLASSES,
  HELP_KINDS,
  R_STRATEGIES,
  BARRIER_BODY_KINDS,
};
/** One label table per vocabulary; the types and the MatchableInstrument shape only once. */
const SINGLE_TYPES = [
  "MatchableInstrument",
  "JourneyStep",
  "Phase",
  "Theme",
  "Status",
  "SizeClass",
  "CoverageLevel",
];

const root = fileURLToPath(new URL("../..", import.meta.url));
const HOME = "src/modules/vocabulary/";
/** Where the one MatchableInstrument is written: the catalogue owns instruments. */
const MATCHABLE_HOME = "src/modules/catalogue/catalogue.service.ts";

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });

const sameSet = (values: string[], vocabulary: readonly string[]) =>
  values.length === vocabulary.length &&
  new Set(values).size === vocabulary.length &&
  values.every((value) => vocabulary.includes(value));

const vocabularyOf = (values: string[]) =>
  values.length >= 2
    ? Object.entries(VOCABULARIES).find(([, vocabulary]) => sameSet(values, vocabulary))?.[0]
    : undefined;

const propertyName = (name: ts.PropertyName) =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;

/** Every re-declaration in one file: "path:line what". */
function findRedeclarations(path: string, text: string): string[] {
  if (path.startsWith(HOME)) return [];
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TSX);
  const findings: string[] = [];
  const at = (node: ts.Node) => `${path}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isArrayLiteralExpression(node) && node.elements.every(ts.isStringLiteral)) {
      const found = vocabularyOf(node.elements.map((element) => (element as ts.StringLiteral).text));
      if (found) findings.push(`${at(node)} writes the list ${found} again`);
    }
    if (ts.isUnionTypeNode(node)) {
      const literals = node.types.flatMap((type) =>
        ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? [type.literal.text] : [],
      );
      const found = literals.length === node.types.length ? vocabularyOf(literals) : undefined;
      if (found) findings.push(`${at(node)} writes the type of ${found} again`);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const keys = node.properties.flatMap((property) =>
        ts.isPropertyAssignment(property) ? [propertyName(property.name) ?? ""] : [],
      );
      const found = keys.length === node.properties.length ? vocabularyOf(keys) : undefined;
      const labels = node.properties.every(
        (property) =>
          ts.isPropertyAssignment(property) &&
          ((ts.isObjectLiteralExpression(property.initializer) &&
            property.initializer.properties.some(
              (inner) => inner.name && propertyName(inner.name) === "nl",
            )) ||
            (path.endsWith(".messages.ts") && ts.isStringLiteral(property.initializer))),
      );
      // A message catalogue may explain each step or phase (stepMeaning); a second name for it is a copy.
      const parent = node.parent;
      const explains =
        ts.isPropertyAssignment(parent) && /Meaning$|Explanation$/.test(propertyName(parent.name) ?? "");
      if (found && labels && !explains) findings.push(`${at(node)} writes labels of ${found} again`);
    }
    if (
      (ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node)) &&
      SINGLE_TYPES.includes(node.name.text) &&
      !(node.name.text === "MatchableInstrument" && path === MATCHABLE_HOME)
    )
      findings.push(`${at(node)} declares the type ${node.name.text} again`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return findings;
}

describe("one domain vocabulary (ADR 0083)", () => {
  it("finds a copied list, union, label table and type (the scan itself works)", () => {
    const copy = [
      'const STEPS = ["informeren", "inspireren", "kansen_identificeren", "invoering", "verankering", "ketensamenwerking"];',
      'const usable = new Set(["doorlopend", "open"]);',
      'type Level = "eu" | "national" | "province" | "res_region" | "municipality";',
      'const PHASE_NAMES = { starter: { nl: "Starter", en: "Starter" }, peloton: { nl: "Peloton", en: "Peloton" }, koploper: { nl: "Koploper", en: "Frontrunner" } };',
      "type MatchableInstrument = { id: string };",
      // Rules over part of a vocabulary are no copy.
      'const MONEY = ["subsidy", "voucher", "tax_scheme", "finance"];',
      'const HSDS = { open: "active", doorlopend: "active", verwacht: "x", gesloten: "y", historisch: "z" };',
    ].join("\n");
    expect(findRedeclarations("src/modules/example/example.ts", copy)).toEqual([
      "src/modules/example/example.ts:1 writes the list JOURNEY_STEPS again",
      "src/modules/example/example.ts:2 writes the list AVAILABLE_STATUSES again",
      "src/modules/example/example.ts:3 writes the type of COVERAGE_LEVELS again",
      "src/modules/example/example.ts:4 writes labels of PHASES again",
      "src/modules/example/example.ts:5 declares the type MatchableInstrument again",
    ]);
    expect(findRedeclarations(`${HOME}vocabulary.ts`, copy)).toEqual([]);
  });

  it("finds no step, phase, theme, kind, status, coverage, size or help list outside the vocabulary module", () => {
    const files = [...sourceFiles(join(root, "src")), ...sourceFiles(join(root, "scripts"))];
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((file) =>
      findRedeclarations(relative(root, file).split("\\").join("/"), readFileSync(file, "utf8")),
    );
    expect(findings).toEqual([]);
  });
});
