/**
 * Page budgets (issue 8): every page ≤ 60 KB of gzipped HTML + CSS and no required JavaScript. The integrator adds
 * each new page here; `forms` is how many forms the page must show without JavaScript.
 */
export const BUDGET_PAGES: { path: string; forms: number }[] = [
  { path: "/", forms: 1 },
  { path: "/regio", forms: 1 },
  { path: "/regio/ES04", forms: 0 },
  { path: "/toegankelijkheid", forms: 0 },
  { path: "/privacy", forms: 0 },
  { path: "/api/docs", forms: 0 },
  { path: "/bestaat-niet", forms: 0 },
  // TODO(integrator): "/aanbod", "/aanbod?q=subsidie&fase=peloton", "/aanbod/<slug>", "/route?gemeente=GM0153&sector=C",
  // the scan pages, "/werkruimte/inloggen", "/voorbeelden", "/agenda", "/monitor".
];

export const BUDGET_BYTES = 60 * 1024;
