import type { Lang } from "../../../i18n/index.js";

/**
 * The public sources of an example or roadmap as external links. A title in another language than the page
 * carries lang (and hreflang for the linked page), so a screen reader reads it with the right pronunciation
 * (WCAG 3.1.2 Language of Parts).
 */
export const SourceList = ({
  sources,
  pageLang,
}: {
  sources: { title: string; url: string; lang: string }[];
  pageLang: Lang;
}) => (
  <ul class="utrecht-unordered-list">
    {sources.map((source) => {
      const other = source.lang === pageLang ? undefined : source.lang;
      return (
        <li class="utrecht-unordered-list__item">
          <a
            class="utrecht-link utrecht-link--html-a"
            href={source.url}
            rel="noopener external"
            lang={other}
            hreflang={other}
          >
            {source.title}
          </a>
        </li>
      );
    })}
  </ul>
);
