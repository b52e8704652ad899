import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env.js";

describe("loadEnv", () => {
  it("uses the documented defaults: port 3000 on 0.0.0.0, embedded database in ./data/pglite, demo on", () => {
    const env = loadEnv({});
    expect(env).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      databaseUrl: undefined,
      dataDir: "./data/pglite",
      demo: true,
    });
  });

  it("turns demo data off on PostgreSQL unless DEMO=1", () => {
    expect(loadEnv({ DATABASE_URL: "postgres://localhost/x" }).demo).toBe(false);
    expect(loadEnv({ DATABASE_URL: "postgres://localhost/x", DEMO: "1" }).demo).toBe(true);
  });

  it("names every invalid variable", () => {
    expect(() => loadEnv({ PORT: "seventy", DATABASE_URL: "not a url" })).toThrow(
      /PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/,
    );
  });

  it("refuses to start in production without a secret key", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(EnvError);
    expect(loadEnv({ NODE_ENV: "production", SECRET_KEY: "x".repeat(40) }).secretKey).toBe("x".repeat(40));
  });
});
