// Benchmarks play many visitors behind a load balancer: search, route and export are rate limited per client
// (300/min), so each request carries another X-Forwarded-For address (the service runs with TRUST_PROXY=1).
let visitor = 0;

/** Another address of the benchmarking range 198.18.0.0/15 for every call, cycling through 131,072 of them. */
export function visitorAddress(): string {
  visitor = (visitor + 1) % 131_072;
  return `198.${18 + (visitor >> 16)}.${(visitor >> 8) & 255}.${visitor & 255}`;
}
