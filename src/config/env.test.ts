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
    const production = {
      NODE_ENV: "production",
      SECRET_KEY: "x".repeat(40),
      PUBLIC_BASE_URL: "https://loket.example",
    };
    expect(loadEnv(production).secretKey).toBe("x".repeat(40));
  });

  it("refuses to start in production without PUBLIC_BASE_URL, and names it", () => {
    expect(() => loadEnv({ NODE_ENV: "production", SECRET_KEY: "x".repeat(40) })).toThrow(/PUBLIC_BASE_URL/);
  });

  it("builds links from one origin: the configured one, or http://localhost:PORT outside production", () => {
    expect(loadEnv({ PUBLIC_BASE_URL: "https://loket.example/" }).publicBaseUrl).toBe(
      "https://loket.example",
    );
    expect(loadEnv({ PORT: "4100" }).publicBaseUrl).toBe("http://localhost:4100");
    expect(() => loadEnv({ PUBLIC_BASE_URL: "https://loket.example/pad" })).toThrow(/only the origin/);
    expect(() => loadEnv({ PUBLIC_BASE_URL: "ftp://loket.example" })).toThrow(/http\(s\)/);
    expect(() =>
      loadEnv({
        NODE_ENV: "production",
        SECRET_KEY: "x".repeat(40),
        PUBLIC_BASE_URL: "http://loket.example",
      }),
    ).toThrow(/https/);
  });
});
