import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { isLang, messagesFor } from "../../i18n/index.js";
import type { AppEnv } from "../context.js";

const LANGUAGE_COOKIE = "cl_lang";

/** Dutch by default; `?lang=en` switches to English and a cookie remembers the choice for a year. */
export const language = createMiddleware<AppEnv>(async (c, next) => {
  const requested = c.req.query("lang");
  let lang = isLang(requested) ? requested : undefined;
  if (lang) {
    setCookie(c, LANGUAGE_COOKIE, lang, {
      path: "/",
      maxAge: 365 * 24 * 3600,
      sameSite: "Lax",
      httpOnly: true,
    });
  } else {
    const remembered = getCookie(c, LANGUAGE_COOKIE);
    lang = isLang(remembered) ? remembered : "nl";
  }
  c.set("lang", lang);
  c.set("t", messagesFor(lang));
  // Set before the handler runs: a header added to a finished response makes Node copy it (ADR 0054).
  c.header("Content-Language", lang);
  c.header("Vary", "Cookie", { append: true });
  await next();
});
