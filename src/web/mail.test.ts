import { describe, expect, it } from "vitest";
import { composeMail, escapeHtml, plainTextToHtml } from "./mail.js";

const content = {
  lang: "nl" as const,
  subject: `Nieuws <over> "uw" aanvraag`,
  greeting: `Beste <script>alert('x')</script> & Zonen,`,
  paragraphs: ["Eerste alinea.", "Tweede <b>alinea</b>."],
  facts: [{ label: "Aanbieder", value: "RVO & <i>partners</i>" }],
  action: { label: "Bekijk uw aanvraag", url: "https://loket.example/mijn-aanvraag/abc?x=1&y=2" },
  reference: { label: "Kenmerk", value: "CL-2026-00012" },
  contact: {
    heading: "Vragen?",
    name: "Loket <Twente>",
    lines: [
      { label: "Website", value: "https://loket.example/twente" },
      { label: "E-mail", value: "info@loket.example" },
      { label: "Telefoon", value: "053 123 45 67" },
    ],
  },
  closing: "Met vriendelijke groet,",
  signature: "Circulair Loket",
};

describe("the mail composer", () => {
  it("writes the same message as text and as HTML, every value escaped in HTML", () => {
    const mail = composeMail(content);
    expect(mail.subject).toBe(content.subject);
    expect(mail.text).toContain(`Beste <script>alert('x')</script> & Zonen,`);
    expect(mail.text).toContain("Bekijk uw aanvraag:\nhttps://loket.example/mijn-aanvraag/abc?x=1&y=2");
    expect(mail.text).toContain("Kenmerk: CL-2026-00012");
    expect(mail.text).toContain("Loket <Twente>\nWebsite: https://loket.example/twente");
    expect(mail.html).toContain("Beste &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Zonen,");
    expect(mail.html).toContain("Tweede &lt;b&gt;alinea&lt;/b&gt;.");
    expect(mail.html).toContain("RVO &amp; &lt;i&gt;partners&lt;/i&gt;");
    expect(mail.html).toContain("<title>Nieuws &lt;over&gt; &quot;uw&quot; aanvraag</title>");
    expect(mail.html).toContain('href="https://loket.example/mijn-aanvraag/abc?x=1&amp;y=2"');
    expect(mail.html).toContain('href="mailto:info@loket.example"');
    expect(mail.html).not.toMatch(/<script|<b>|<i>/);
    expect(mail.html).toContain('<html lang="nl">');
  });

  it("refuses a relative link: links in mail are absolute", () => {
    expect(() => composeMail({ ...content, action: { label: "x", url: "/mijn-aanvraag/abc" } })).toThrow(
      /absolute/,
    );
    expect(() => composeMail({ ...content, action: { label: "x", url: "javascript:alert(1)" } })).toThrow();
  });

  it("gives a text-only mail an HTML part: escaped, paragraphs kept, web addresses linked", () => {
    const html = plainTextToHtml(
      "Wachtwoord <herstellen>",
      "Beste <gebruiker>,\n\nKlik: https://x.example/a?b=1&c=2\nDank.",
    );
    expect(html).toContain('<p style="margin:0 0 16px">Beste &lt;gebruiker&gt;,</p>');
    expect(html).toContain(
      '<a href="https://x.example/a?b=1&amp;c=2">https://x.example/a?b=1&amp;c=2</a><br>Dank.',
    );
    expect(escapeHtml(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
  });
});
