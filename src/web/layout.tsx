import type { PropsWithChildren } from "hono/jsx";
import { CsrfField, Link } from "./components.js";
import type { PageContext } from "./context.js";
import { sameOriginPath } from "./return-path.js";

type NavKey = "home" | "catalogue" | "regions" | "examples" | "agenda" | "sectors" | "monitor" | "workspace";

const NAV_ITEMS: { key: NavKey; href: string }[] = [
  { key: "home", href: "/" },
  { key: "catalogue", href: "/aanbod" },
  { key: "regions", href: "/regio" },
  { key: "examples", href: "/voorbeelden" },
  { key: "agenda", href: "/agenda" },
  { key: "sectors", href: "/sectoren" },
];

/** The same URL with the other language selected; never a link off the site (`//host/…` asked for on a 404). */
export function otherLanguageHref(url: URL, lang: string): string {
  const params = new URLSearchParams(url.search);
  params.set("lang", lang);
  return `${sameOriginPath(url.pathname) ?? "/"}?${params.toString()}`;
}

/** The same page in a language, as an absolute URL on the public origin (for `<link rel="alternate" hreflang>`). */
function languageAlternate(page: PageContext, lang: string): string {
  return page.absoluteUrl(otherLanguageHref(page.url, lang));
}

/**
 * The page shell: skip link, header with language switch, navigation, main content, footer. The head carries a
 * description for search results (the page's own, else its part of the site's) and both languages' absolute URLs.
 */
export const Layout = ({
  page,
  title,
  current,
  description,
  noindex,
  children,
}: PropsWithChildren<{
  page: PageContext;
  title: string;
  current?: NavKey;
  description?: string;
  /** A page behind a private link (the entrepreneur's own page): search engines must not keep it. */
  noindex?: boolean;
}>) => {
  const { t, lang } = page;
  const descriptions: Record<string, string> = t.meta.descriptions;
  const summary = description ?? (current && descriptions[current]) ?? t.meta.descriptions.default;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${t.meta.serviceName}`}</title>
        <meta name="description" content={summary} />
        {noindex ? <meta name="robots" content="noindex, nofollow" /> : null}
        <link rel="stylesheet" href={page.stylesheetHref} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="alternate" hreflang={lang} href={languageAlternate(page, lang)} />
        <link
          rel="alternate"
          hreflang={t.meta.otherLanguageCode}
          href={languageAlternate(page, t.meta.otherLanguageCode)}
        />
        <script type="module" src={page.scriptHref} nonce={page.nonce} />
      </head>
      <body class="utrecht-page-body utrecht-document utrecht-surface cl-theme">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#main">
          {t.layout.skipLink}
        </a>
        <header class="utrecht-page-header cl-header">
          <div class="cl-container cl-header__bar">
            <a class="cl-header__brand" href="/">
              {t.meta.serviceName}
              <span class="cl-header__tagline">{t.layout.tagline}</span>
            </a>
            <Link
              href={otherLanguageHref(page.url, t.meta.otherLanguageCode)}
              lang={t.meta.otherLanguageCode}
              hreflang={t.meta.otherLanguageCode}
            >
              {t.layout.languageSwitch}
            </Link>
          </div>
        </header>
        <nav class="cl-nav" aria-label={t.layout.mainNavigation}>
          <div class="cl-container">
            <ul>
              {NAV_ITEMS.map((item) => (
                <li>
                  <Link href={item.href} current={item.key === current}>
                    {t.layout.nav[item.key]}
                  </Link>
                </li>
              ))}
              {page.monitorInNavigation ? (
                <li>
                  <Link href="/monitor" current={current === "monitor"}>
                    {t.layout.nav.monitor}
                  </Link>
                </li>
              ) : null}
              {page.signedIn ? (
                <li>
                  <Link href="/werkruimte" current={current === "workspace"}>
                    {t.layout.nav.workspace}
                  </Link>
                </li>
              ) : null}
              {page.signedIn ? (
                <li>
                  <form method="post" action="/uitloggen" class="cl-nav__form">
                    <CsrfField token={page.csrfToken} />
                    <button type="submit" class="cl-nav__button">
                      {t.layout.logout}
                    </button>
                  </form>
                </li>
              ) : null}
            </ul>
          </div>
        </nav>
        <main id="main" class="utrecht-page-content cl-main" tabindex={-1}>
          <div class="cl-container">{children}</div>
        </main>
        <footer class="utrecht-page-footer cl-footer">
          <div class="cl-container cl-columns">
            <div>
              <h2 class="utrecht-heading-2">{t.layout.footerHeading}</h2>
              <p class="utrecht-paragraph">{t.layout.footerAbout}</p>
            </div>
            <ul class="utrecht-link-list utrecht-link-list--html-ul">
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/over-circulair-loket">
                  {t.layout.about}
                </a>
              </li>
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/toegankelijkheid">
                  {t.layout.accessibility}
                </a>
              </li>
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/privacy">
                  {t.layout.privacy}
                </a>
              </li>
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/belemmering-melden">
                  {t.layout.reportBarrier}
                </a>
              </li>
              <li class="utrecht-link-list__item">
                <a class="utrecht-link utrecht-link--html-a" href="/monitor">
                  {t.layout.monitor}
                </a>
              </li>
              <li class="utrecht-link-list__item">
                <a
                  class="utrecht-link utrecht-link--html-a"
                  href={lang === "en" ? "/api/docs?lang=en" : "/api/docs"}
                >
                  {t.layout.openData}
                </a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
};
