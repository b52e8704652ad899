export const catalogueMessages = {};
