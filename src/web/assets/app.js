// Optional enhancements. Every page works without this file; it only improves elements marked with data-module.
const enhancers = {
  // Move focus to the error summary so screen-reader and keyboard users hear what went wrong first.
  "error-summary": (element) => element.focus(),
  // Catalogue: a new sort order applies at once; without JavaScript the search button does the same.
  "auto-submit": (element) => element.addEventListener("change", () => element.form?.requestSubmit()),
};

for (const element of document.querySelectorAll("[data-module]")) {
  for (const name of element.dataset.module.split(" ")) enhancers[name]?.(element);
}
