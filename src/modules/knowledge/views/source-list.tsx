import type { Lang } from "../../../i18n/index.js";

/**
 * A public source as an external link. A title in another language than the page carries lang (and hreflang for the
 * linked page), so a screen reader reads it with the right pronunciation (WCAG 3.1.2 Language of Parts).
 */
export const SourceLink = ({
  source,
  pageLang,
}: {
  source: { title: string; url: string; lang: string };
  pageLang: Lang;
}) => {
  const other = source.lang === pageLang ? undefined : source.lang;
  return (
    <a
      class="utrecht-link utrecht-link--html-a"
      href={source.url}
      rel="noopener external"
      lang={other}
      hreflang={other}
    >
      {source.title}
    </a>
  );
};

/** The public sources of an example or roadmap as a list of external links. */
export const SourceList = ({
  sources,
  pageLang,
}: {
  sources: { title: string; url: string; lang: string }[];
  pageLang: Lang;
}) => (
  <ul class="utrecht-unordered-list">
    {sources.map((source) => (
      <li class="utrecht-unordered-list__item">
        <SourceLink source={source} pageLang={pageLang} />
      </li>
    ))}
  </ul>
);
