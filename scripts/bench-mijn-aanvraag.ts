/**
 * npm run bench:mijn-aanvraag [-- --part render|mail|all] [--runs N] [--mails N] — ADR 0085's figures, printed; not a test.
 *
 * render: on a scratch PostgreSQL database (BENCH_DATABASE_URL names the server; dropped afterwards), one dossier
 * with 50 referrals and 200 history entries; p50/p95 server time (in-process app.request, no network) of the
 * entrepreneur's page /mijn-aanvraag/{token} and the adviser's dossier /werkruimte/dossiers/{id}. Budget: 50 ms each.
 *
 * mail: 10,000 queued mails delivered by the real mail job (nodemailer over SMTP) to a small SMTP sink in this
 * process; the worker runs in a child process that is killed (SIGKILL) halfway and started again. The sink counts
 * every message by its Message-ID: none may be missing, and the duplicates (sent, then killed before the job's
 * commit) are counted and printed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import pino from "pino";
import { createApp, createBackgroundJobs } from "../src/app.js";
import { loadEnv, loadTestSettings } from "../src/config/env.js";
import { type Database, openDatabase, queryRows } from "../src/db/client.js";
import { migrateDatabase } from "../src/db/migrate.js";
import { seedDatabase, seedDemoData } from "../src/db/seed.js";
import { createJobWorker } from "../src/jobs/index.js";
import { MAIL_QUEUE, queueMail } from "../src/modules/referrals/index.js";
import { createScratchDatabase } from "../src/ops/service-process.js";
import { composeMail } from "../src/web/mail.js";

const { values: args } = parseArgs({
  options: {
    part: { type: "string", default: "all" },
    runs: { type: "string", default: "100" },
    mails: { type: "string", default: "10000" },
    worker: { type: "string" },
    smtp: { type: "string" },
  },
});
const logger = pino({ level: "silent" });
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0])
    .join("; ");

/** Child mode: deliver queued mail until none is left (the parent kills one of these halfway). */
if (args.worker) {
  const database = await openDatabase({ kind: "postgres", url: args.worker });
  const env = loadEnv({ NODE_ENV: "test", DEMO: "0", DATABASE_URL: args.worker, SMTP_URL: args.smtp });
  const background = await createBackgroundJobs({ env, database, logger });
  const worker = createJobWorker({
    db: database.db,
    handlers: { [MAIL_QUEUE]: background.handlers[MAIL_QUEUE]! },
    logger,
  });
  // drain() directly: the service's loop pauses a poll interval (1 s) after every 50 jobs.
  for (;;) {
    const done = await worker.drain(1000);
    if (done === 0) {
      const [left] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from outbox_messages where sent_at is null`,
      );
      if (!left?.n) break;
      // A job the killed worker had claimed is taken over when its lock (60 s) runs out.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  await database.close();
  process.exit(0);
}

const scratch = await createScratchDatabase(loadTestSettings().benchDatabaseUrl, "cl_bench_mijn");
const database = await openDatabase({ kind: "postgres", url: scratch.url });
try {
  await migrateDatabase(database);
  await seedDatabase(database.db, { demo: false });
  await seedDemoData(database.db, "demo-wachtwoord");
  console.log("Machine: 2 cores shared with other work while measured; treat the figures as upper bounds.");
  if (args.part === "all" || args.part === "render") await renderBench(database.db);
  if (args.part === "all" || args.part === "mail") await mailBench(database.db, scratch.url);
} finally {
  await database.close();
  await scratch.drop();
}

async function renderBench(db: Database) {
  const RUNS = Math.max(50, Number(args.runs));
  const WARM_UP = 10;
  const app = await createApp({
    env: loadEnv({ NODE_ENV: "test", DEMO: "0", TRUST_PROXY: "1" }),
    database,
    logger,
  });
  const form = async (path: string, cookie: string, body: Record<string, string>, from: string) => {
    const page = await app.request(from, { headers: { cookie } });
    const merged = [cookie, cookieOf(page)].filter(Boolean).join("; ");
    const html = await page.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!csrf) throw new Error(`no form on ${from}: ${page.status}`);
    const response = await app.request(path, {
      method: "POST",
      headers: { cookie: merged, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...body, _csrf: csrf }).toString(),
    });
    return { response, cookie: [merged, cookieOf(response)].filter(Boolean).join("; ") };
  };
  const intake = await form(
    "/intake",
    "",
    {
      regio: "ES04",
      gemeente: "GM0153",
      contactName: "Fatima de Vries",
      email: "bench@voorbeeld-bedrijf.nl",
      companyName: "Metaalwerk Twente BV",
      kvk: "12345678",
      question: "Wij willen ons restmetaal hergebruiken. Welke subsidie past daarbij?",
      consent: "ja",
      sector: "",
      resultaat: "",
      bron: "",
    },
    "/intake?regio=ES04",
  );
  const ownPath = intake.response.headers.get("location")!.replace(/\?.*$/, "");
  const [record] = await queryRows<{ id: number }>(
    db,
    sql`select id from cases where contact_email = 'bench@voorbeeld-bedrijf.nl'`,
  );
  const caseId = record!.id;
  const login = async (email: string) =>
    (await form("/inloggen", "", { email, password: "demo-wachtwoord", terug: "/werkruimte" }, "/inloggen"))
      .cookie;
  const adviser = await login("adviseur.es04@demo.invalid");
  await form(
    `/werkruimte/dossiers/${caseId}/oppakken`,
    adviser,
    { version: "1" },
    `/werkruimte/dossiers/${caseId}`,
  );
  const referable = ["rvo-mia-vamil-circulair", "rvo-wbso", "vh-maatwerkondersteuning"];
  const referralIds: number[] = [];
  for (let index = 0; index < 50; index++) {
    const { response } = await form(
      `/werkruimte/dossiers/${caseId}/verwijzingen`,
      adviser,
      { refId: referable[index % referable.length]!, message: `Verwijzing ${index + 1} voor dit bedrijf.` },
      `/werkruimte/dossiers/${caseId}`,
    );
    if (response.status !== 303) throw new Error(`referral ${index}: ${response.status}`);
    referralIds.push(Number(/(\d+)$/.exec(response.headers.get("location")!)![1]));
  }
  // The provider answers some of them, as a real dossier's history would have it.
  const rvo = await login("aanbieder.rvo@demo.invalid");
  for (const id of referralIds.slice(0, 20)) {
    const [row] = await queryRows<{ provider_id: string; version: number }>(
      db,
      sql`select provider_id, version from referrals where id = ${id}`,
    );
    if (row?.provider_id !== "rvo") continue;
    await form(
      `/werkruimte/verwijzingen/${id}/status`,
      rvo,
      { version: String(row.version), to: "geaccepteerd" },
      `/werkruimte/verwijzingen/${id}`,
    );
  }
  // 200 history entries in the dossier: the adviser's notes and the entrepreneur's messages.
  const [{ n: already } = { n: 0 }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from case_notes where case_id = ${caseId}`,
  );
  await db.execute(sql`insert into case_notes (case_id, kind, body, created_at)
    select ${caseId}, case when g % 4 = 0 then 'message' else 'note' end, 'Gesprek gevoerd, vervolg afgesproken. ' || g, now()
    from generate_series(1, ${200 - already}) g`);
  const [history] = await queryRows<{ notes: number; events: number }>(
    db,
    sql`select (select count(*)::int from case_notes where case_id = ${caseId}) as notes,
               (select count(*)::int from referral_events e join referrals r on r.id = e.referral_id where r.case_id = ${caseId}) as events`,
  );
  const measure = async (label: string, path: string, cookie: string) => {
    const times: number[] = [];
    for (let run = 0; run < RUNS + WARM_UP; run++) {
      const started = performance.now();
      const response = await app.request(path, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      if (run >= WARM_UP) times.push(performance.now() - started);
    }
    console.log(
      `${label.padEnd(40)} p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms  (budget 50 ms)`,
    );
  };
  console.log(
    `\nRender on PostgreSQL: one dossier with ${referralIds.length} referrals, ${history!.notes} history entries and ${history!.events} referral events; ${RUNS} runs after ${WARM_UP} warm-up, server time in process`,
  );
  await measure("entrepreneur's page /mijn-aanvraag/{token}", ownPath, "");
  await measure("adviser's dossier /werkruimte/dossiers/{id}", `/werkruimte/dossiers/${caseId}`, adviser);
}

/** A small SMTP sink: accepts every message and counts it by its Message-ID. */
async function smtpSink() {
  const seen = new Map<string, number>();
  let received = 0;
  const listeners = new Set<(count: number) => void>();
  const server = createServer((socket: Socket) => {
    let buffer = "";
    let inData = false;
    socket.setEncoding("utf8");
    socket.write("220 sink ESMTP\r\n");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const id = /^Message-ID:\s*(\S+)/im.exec(message)?.[1] ?? `missing-${received}`;
          seen.set(id, (seen.get(id) ?? 0) + 1);
          received++;
          for (const listener of listeners) listener(received);
          socket.write("250 OK queued\r\n");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO") socket.write("250-sink\r\n250 8BITMIME\r\n");
        else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
          return;
        } else socket.write("250 OK\r\n");
      }
    });
    socket.on("error", () => {});
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as { port: number }).port;
  return {
    port,
    seen,
    received: () => received,
    onMessage: (listener: (count: number) => void) => listeners.add(listener),
    close: () => server.close(),
  };
}

async function mailBench(db: Database, url: string) {
  const COUNT = Number(args.mails);
  const mail = composeMail({
    lang: "nl",
    subject: "Nieuws over uw verwijzing",
    greeting: "Beste ondernemer,",
    paragraphs: ["De aanbieder heeft u geholpen. De verwijzing is afgerond."],
    action: { label: "Bekijk uw aanvraag", url: "https://circulair-loket.invalid/mijn-aanvraag/voorbeeld" },
    reference: { label: "Kenmerk", value: "CL-2026-00001" },
    closing: "Met vriendelijke groet,",
    signature: "Circulair Loket",
  });
  const queuedAt = performance.now();
  for (let start = 0; start < COUNT; start += 500)
    await db.transaction(async (tx) => {
      for (let index = start; index < Math.min(COUNT, start + 500); index++)
        await queueMail(
          tx as unknown as Database,
          {
            to: `ontvanger-${index}@voorbeeld.invalid`,
            subject: mail.subject,
            body: mail.text,
            html: mail.html,
            kind: "bench",
          },
          new Date(),
        );
    });
  console.log(`\nMail: ${COUNT} mails queued in ${((performance.now() - queuedAt) / 1000).toFixed(1)} s`);
  const sink = await smtpSink();
  const script = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
  const startWorker = () =>
    spawn(tsx, [script, "--worker", url, "--smtp", `smtp://127.0.0.1:${sink.port}`], { stdio: "inherit" });
  const started = performance.now();
  let child: ChildProcess = startWorker();
  let killedAt = 0;
  const half = Math.floor(COUNT / 2);
  await new Promise<void>((resolve) => {
    sink.onMessage((count) => {
      if (count >= half && !killedAt) {
        killedAt = count;
        child.kill("SIGKILL");
        resolve();
      }
    });
  });
  await once(child, "exit");
  const killSeconds = (performance.now() - started) / 1000;
  child = startWorker();
  const [code] = await once(child, "exit");
  const seconds = (performance.now() - started) / 1000;
  sink.close();
  const [state] = await queryRows<{ sent: number; unsent: number }>(
    db,
    sql`select count(*) filter (where sent_at is not null)::int as sent, count(*) filter (where sent_at is null)::int as unsent from outbox_messages where kind = 'bench'`,
  );
  const expected = new Set(
    (await queryRows<{ id: number }>(db, sql`select id from outbox_messages where kind = 'bench'`)).map(
      (row) => `<outbox-${row.id}@circulair-loket.invalid>`,
    ),
  );
  const missing = [...expected].filter((id) => !sink.seen.has(id)).length;
  const duplicates = [...sink.seen.values()].reduce((sum, times) => sum + Math.max(0, times - 1), 0);
  console.log(
    `worker killed (SIGKILL) after ${killedAt} mails at ${killSeconds.toFixed(1)} s, restarted; second worker exit code ${code}`,
  );
  console.log(
    `${COUNT} mails through SMTP in ${seconds.toFixed(1)} s (${(COUNT / seconds).toFixed(0)} mails/s, including the restart and any 60 s lock take-over)`,
  );
  console.log(
    `at the sink: ${sink.seen.size} distinct Message-IDs, ${sink.received()} messages received, missing ${missing}, sent twice ${duplicates}`,
  );
  console.log(`in the outbox: ${state!.sent} marked sent, ${state!.unsent} not sent`);
}
