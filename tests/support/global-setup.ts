import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadTestSettings } from "../../src/config/env.js";
import { buildPgliteTemplate, buildPostgresTemplate, dropPostgresDatabases } from "./template-database.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresServerUrl: string | null;
    postgresTemplate: string | null;
    postgresPrefix: string | null;
  }
}

/** Migrates a template database once per run (PGlite and, when TEST_DATABASE_URL is set, PostgreSQL). */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), "cl-test-"));
  const started = performance.now();
  const template = await buildPgliteTemplate();
  const templatePath = join(folder, "pglite-template.tar");
  writeFileSync(templatePath, template);
  project.provide("pgliteTemplatePath", templatePath);

  const { testDatabaseUrl } = loadTestSettings();
  const prefix = `cl_test_${process.pid}_`;
  if (testDatabaseUrl) {
    const templateName = `${prefix}template`;
    await buildPostgresTemplate(testDatabaseUrl, templateName);
    project.provide("postgresServerUrl", testDatabaseUrl);
    project.provide("postgresTemplate", templateName);
    project.provide("postgresPrefix", prefix);
  } else {
    project.provide("postgresServerUrl", null);
    project.provide("postgresTemplate", null);
    project.provide("postgresPrefix", null);
    console.log(
      "PostgreSQL variant SKIPPED: TEST_DATABASE_URL is not set, so database tests run on PGlite only.",
    );
  }
  console.log(`Template databases ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (testDatabaseUrl) await dropPostgresDatabases(testDatabaseUrl, prefix);
  };
}
