export const catalogueRoutes = () => undefined;
