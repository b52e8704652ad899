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
  { path: "/aanbod", forms: 1 },
  { path: "/aanbod?q=subsidies&fase=peloton&gemeente=GM0153", forms: 1 },
  { path: "/aanbod/circo-track", forms: 0 },
  { path: "/route?gemeente=GM0153&sector=C", forms: 0 },
  { path: "/scan", forms: 1 },
  { path: "/voorbeelden", forms: 1 },
  { path: "/agenda", forms: 1 },
  { path: "/sectoren/bouw", forms: 0 },
  { path: "/monitor", forms: 0 },
  { path: "/monitor/dekking", forms: 0 },
  { path: "/belemmering-melden", forms: 1 },
  { path: "/inloggen", forms: 1 },
  // Without demo data no hub covers ES04, so the intake page explains where to go instead of showing its form.
  { path: "/intake?regio=ES04&gemeente=GM0153&sector=C", forms: 0 },
];

export const BUDGET_BYTES = 60 * 1024;
