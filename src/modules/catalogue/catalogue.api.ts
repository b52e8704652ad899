export const catalogueApi = () => undefined;
