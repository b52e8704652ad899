export const exportCsv = () => undefined;
export const exportHsds = () => undefined;
